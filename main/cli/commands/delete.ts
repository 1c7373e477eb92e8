// `lab delete <runId>...`: removes runs with everything kept for them. The service checks
// every id first: with one unknown id nothing is deleted.
import { keptRun } from '../answers';
import { parseCommand } from '../args';
import type { Io } from '../io';
import { withLab } from '../open-lab';
import { UsageError } from '../usage-error';

export const DELETE_USAGE = 'lab delete <runId>... [--db PATH]';

export async function deleteCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { db: { type: 'string' } }, DELETE_USAGE);
  if (!positionals.length) throw new UsageError(`delete needs at least one run id\nusage: ${DELETE_USAGE}`);
  return withLab(io, { db: values.db, history: 'write' }, async (lab) => {
    const { deleted } = keptRun(await lab.delete(positionals));
    io.out(`deleted ${deleted.length} run${deleted.length === 1 ? '' : 's'}`);
    return 0;
  });
}
