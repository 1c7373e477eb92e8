// The service's answers as the CLI takes them: a value, or a refusal that ends the command
// with the exit code its reason calls for. 2: the command was pointed at something wrong (an
// unknown run or scenario, a bad parameter, a history file that is missing, foreign, newer,
// not a history, or in a missing folder); 1: something failed while doing what was asked (a
// damaged page met while reading, a run the history could not keep, a bug).
import type { HistoryProblem, ServiceError, ServiceResult } from '../core/service/lab-service';
import { EXIT } from './usage-error';

export class Refused extends Error {
  constructor(readonly error: ServiceError) { super(error.message); }
}

/** The answer's value, or a Refused carrying its error. */
export function answer<T>(r: ServiceResult<T>): T {
  if (!r.ok) throw new Refused(r.error);
  return r.value;
}

/** As answer(), for a request about kept runs: an unknown id says where to find the ids. */
export function keptRun<T>(r: ServiceResult<T>): T {
  if (!r.ok && r.error.code === 'not-found') throw new Refused({ ...r.error, message: `${r.error.message}; "lab history" lists the kept runs` });
  return answer(r);
}

const WRONG_FILE: ReadonlySet<string> = new Set<HistoryProblem>(['NO_HISTORY', 'NO_FOLDER', 'FOREIGN', 'NEWER_SCHEMA', 'DAMAGED', 'CANNOT_OPEN', 'READ_ONLY']);

export function exitCodeFor(e: ServiceError): number {
  switch (e.code) {
    case 'store': return e.detail && WRONG_FILE.has(e.detail) ? EXIT.usage : EXIT.runFailed;
    case 'internal': return EXIT.runFailed;
    default: return EXIT.usage;
  }
}

/** The line the CLI prints for a refusal (after "lab: "). */
export function refusalText(e: ServiceError): string {
  return e.code === 'internal' ? `internal error: ${e.message}` : e.message;
}
