// `lab delete <runId>...`: removes runs with everything kept for them. All ids are checked
// first: with one unknown id nothing is deleted.
import { parseCommand } from '../args';
import { openStore } from '../open-store';
import { UsageError } from '../usage-error';
import { findRun } from './show';
import type { Io } from '../io';

export const DELETE_USAGE = 'lab delete <runId>... [--db PATH]';

export async function deleteCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { db: { type: 'string' } }, DELETE_USAGE);
  if (!positionals.length) throw new UsageError(`delete needs at least one run id\nusage: ${DELETE_USAGE}`);
  const store = openStore(values.db, io.err);
  try {
    for (const id of positionals) findRun(store, id);
    store.queries.delete(positionals);
    io.out(`deleted ${positionals.length} run${positionals.length === 1 ? '' : 's'}`);
    return 0;
  } finally {
    await store.close();
  }
}
