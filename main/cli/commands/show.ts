// `lab show <runId> [--json]`: one kept run, exactly as `lab run --json` printed it.
import { keptRun } from '../answers';
import { parseCommand } from '../args';
import type { Io } from '../io';
import { withLab } from '../open-lab';
import { ScenarioBook } from '../scenario-book';
import { UsageError } from '../usage-error';
import { printSummary } from './run';

export const SHOW_USAGE = 'lab show <runId> [--json] [--db PATH]';

export async function showCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, db: { type: 'string' } }, SHOW_USAGE);
  if (positionals.length !== 1) throw new UsageError(`show needs one run id\nusage: ${SHOW_USAGE}`);
  return withLab(io, { db: values.db, history: 'read' }, async (lab) => {
    const r = keptRun(await lab.run(positionals[0]));
    if (values.json) io.out(JSON.stringify(r));
    else {
      for (const o of r.output) io.out(`[${o.name} ${o.pid}] ${o.text}`);
      printSummary(r, io.out, new ScenarioBook(lab));
    }
    return 0;
  });
}
