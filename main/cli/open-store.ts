// Opens the run history for a command: --db or the platform's default place. What the
// store repaired on opening is told on stderr; a file it must refuse is a usage error.
// Commands that only read open it read-only: they never create, migrate or write a file.
// Only the default data folder is ever created; a --db in a missing folder is refused.
import { RunStore } from '../core/store/run-store';
import { StoreError } from '../core/store/store-error';
import { defaultDbPath } from '../core/store/default-path';
import { UsageError } from './usage-error';

export interface StoreUse {
  /** The command only reads (history, show, compare, export). */
  readOnly?: boolean;
  /** A history that does not exist yet reads as one with no runs (said on stderr), as `history` wants. */
  missingIsEmpty?: boolean;
}

export function openStore(db: string | undefined, err: (s: string) => void, use: StoreUse = {}): RunStore {
  const file = db ?? defaultDbPath();
  try {
    const store = RunStore.open(file, { readonly: use.readOnly === true, createFolder: db === undefined });
    for (const n of store.notices) err(`lab: ${n}`);
    return store;
  } catch (e) {
    if (e instanceof StoreError && e.code === 'NO_HISTORY' && use.missingIsEmpty) {
      err(`lab: ${e.message}`);
      return RunStore.empty(file);
    }
    if (e instanceof StoreError) throw new UsageError(e.message);
    throw new UsageError(`cannot open the history at ${file}: ${(e as Error).message}`);
  }
}
