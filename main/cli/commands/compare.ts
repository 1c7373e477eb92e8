// `lab compare <runIdA> <runIdB> [--json]`: two runs side by side, differences marked (the
// service compares them).
import { keptRun } from '../answers';
import { parseCommand } from '../args';
import type { Io } from '../io';
import { withLab } from '../open-lab';
import { UsageError } from '../usage-error';

export const COMPARE_USAGE = 'lab compare <runIdA> <runIdB> [--json] [--db PATH]';

export async function compareCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, db: { type: 'string' } }, COMPARE_USAGE);
  if (positionals.length !== 2) throw new UsageError(`compare needs two run ids\nusage: ${COMPARE_USAGE}`);
  return withLab(io, { db: values.db, history: 'read' }, async (lab) => {
    const { a, b, rows } = keptRun(await lab.compare(positionals[0], positionals[1]));
    if (values.json) { io.out(JSON.stringify({ a: a.runId, b: b.runId, rows })); return 0; }
    io.out(`${''.padEnd(28)} ${a.runId.padEnd(28)} ${b.runId}`);
    for (const r of rows) {
      io.out(`${r.differs ? '≠' : ' '} ${`${r.section} ${r.key}`.padEnd(26)} ${show(r.a).padEnd(28)} ${show(r.b)}`);
    }
    return 0;
  });
}

function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 27 ? `${s.slice(0, 24)}...` : s;
}
