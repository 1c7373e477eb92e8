// `lab history [--scenario ID] [--status S] [--limit N] [--json]`: the kept runs, newest first.
import { parseCommand, intOption } from '../args';
import { openStore } from '../open-store';
import type { Io } from './run';

export const HISTORY_USAGE = 'lab history [--scenario ID] [--status S] [--limit N] [--json] [--db PATH]';

export async function historyCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, { scenario: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, db: { type: 'string' } }, HISTORY_USAGE);
  const store = openStore(values.db, io.err, { readOnly: true, missingIsEmpty: true });
  try {
    const runs = store.queries.history({ scenario: values.scenario, status: values.status, limit: intOption('limit', values.limit, 1, 10_000) ?? 20 });
    if (values.json) { io.out(JSON.stringify(runs)); return 0; }
    if (!runs.length) { io.out('no runs kept yet'); return 0; }
    for (const r of runs) {
      const mark = r.passed === null ? '·' : r.passed ? '✓' : '✗';
      io.out(`${mark} ${r.runId}  ${r.startedAt.replace('T', ' ').slice(0, 19)}  ${r.scenario.padEnd(18)} ${r.status.padEnd(11)} ${r.durationMs === null ? '' : `${(r.durationMs / 1000).toFixed(2)} s`}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}
