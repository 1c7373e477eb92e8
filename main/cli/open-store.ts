// Opens the run history for a command: --db or the platform's default place. What the
// store repaired on opening is told on stderr; a file it must refuse is a usage error.
import { RunStore } from '../core/store/run-store';
import { StoreError } from '../core/store/open-database';
import { defaultDbPath } from '../core/store/default-path';
import { UsageError } from './usage-error';

export function openStore(db: string | undefined, err: (s: string) => void): RunStore {
  const file = db ?? defaultDbPath();
  try {
    const store = RunStore.open(file);
    for (const n of store.notices) err(`lab: ${n}`);
    return store;
  } catch (e) {
    if (e instanceof StoreError) throw new UsageError(e.message);
    throw new UsageError(`cannot open the history at ${file}: ${(e as Error).message}`);
  }
}
