// The service's answers, and what it says when the history fails it. A 'store' error keeps
// the history's own reason as `detail` (FOREIGN, NO_HISTORY, CORRUPT, WRITE_FAILED, ...), so
// a client can tell a file it was pointed at wrongly (the CLI's exit 2) from one that failed
// while in use (exit 1). The contract's error has code and message; `detail` rides along.
import { fail as contractFail, type ErrorCode, type WireError } from '../../../shared/contract';
import { setAsideHint } from '../store/open-database';
import { StoreError, describeError, isDamage, sqliteCode, type StoreErrorCode } from '../store/store-error';

export type HistoryProblem = StoreErrorCode;

/** The contract's error; for code 'store', `detail` is the history's reason (a HistoryProblem). */
export type ServiceError = WireError;

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

export function fail(code: ErrorCode, message: string, detail?: HistoryProblem): { ok: false; error: ServiceError } {
  const f = contractFail(code, message);
  return detail ? { ok: false, error: { ...f.error, detail } } : f;
}

/**
 * What went wrong with the history at `file`, as an answer. `while`: opening the file (a damaged
 * file is DAMAGED, anything else CANNOT_OPEN) or using it (a damaged page met while reading is
 * CORRUPT; an error that is not the history's is a bug).
 */
export function historyFailure(e: unknown, file: string, stage: 'open' | 'use'): { ok: false; error: ServiceError } {
  if (e instanceof StoreError) return fail('store', e.message, e.code);
  if (isDamage(e)) {
    return fail('store', `the history file ${file} is damaged (${describeError(e)}). ${setAsideHint(file)}`, stage === 'open' ? 'DAMAGED' : 'CORRUPT');
  }
  if (stage === 'open') return fail('store', `cannot open the history at ${file}: ${describeError(e)}`, 'CANNOT_OPEN');
  if (sqliteCode(e)?.startsWith('SQLITE_')) return fail('store', `the history at ${file} failed: ${describeError(e)}`);
  return fail('internal', describeError(e));
}
