// `lab history [--scenario ID] [--status S] [--limit N | --all] [--offset N] [--json]`: the
// kept runs, newest first, each with its seed, time unit and the parameters it changed; then
// how many more there are and how to see them.
import { findScenario, SCENARIOS } from '../../scenarios/registry';
import { parseCommand, intOption } from '../args';
import { openStore } from '../open-store';
import { RUN_STATUSES } from '../run-statuses';
import { compactParams } from '../param-text';
import { UsageError } from '../usage-error';
import type { Io } from '../io';

export const HISTORY_USAGE = 'lab history [--scenario ID] [--status S] [--limit N | --all] [--offset N] [--json] [--db PATH]';
const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 10_000;

export async function historyCommand(argv: string[], io: Io): Promise<number> {
  const { values } = parseCommand(argv, {
    scenario: { type: 'string' }, status: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' }, all: { type: 'boolean' },
    json: { type: 'boolean' }, db: { type: 'string' },
  }, HISTORY_USAGE);
  // Checked before the file is opened: a typo must not read as "no runs".
  if (values.scenario !== undefined && !findScenario(values.scenario)) {
    throw new UsageError(`unknown scenario "${values.scenario}" for --scenario; valid ids: ${SCENARIOS.map((s) => s.meta.id).join(', ')}`);
  }
  if (values.status !== undefined && !(RUN_STATUSES as string[]).includes(values.status)) {
    throw new UsageError(`unknown status "${values.status}" for --status; valid statuses: ${RUN_STATUSES.join(', ')}`);
  }
  if (values.all && values.limit !== undefined) throw new UsageError('--all and --limit say different things; give one');
  const offset = intOption('offset', values.offset, 0, Number.MAX_SAFE_INTEGER) ?? 0;
  const limit = values.all ? -1 : intOption('limit', values.limit, 1, MAX_LIMIT) ?? DEFAULT_LIMIT;
  const filter = { scenario: values.scenario, status: values.status, limit, offset };
  const store = openStore(values.db, io.err, { readOnly: true, missingIsEmpty: true });
  try {
    const runs = store.queries.history(filter);
    if (values.json) { io.out(JSON.stringify(runs)); return 0; }
    const total = store.queries.count(filter);
    if (!total) { io.out(values.scenario || values.status ? `no kept run matches${values.scenario ? ` --scenario ${values.scenario}` : ''}${values.status ? ` --status ${values.status}` : ''}` : 'no runs kept yet'); return 0; }
    for (const r of runs) {
      const mark = r.passed === null ? '·' : r.passed ? '✓' : '✗';
      const duration = r.durationMs === null ? '' : `${(r.durationMs / 1000).toFixed(2)} s`;
      io.out(`${mark} ${r.runId}  ${r.startedAt.replace('T', ' ').slice(0, 19)}  ${r.scenario.padEnd(18)} ${r.status.padEnd(11)} ${duration.padStart(9)}  ${compactParams(r.scenario, r.params, r.seed, r.timeUnitMs)}`);
    }
    const after = total - offset - runs.length;
    if (after > 0 || offset > 0) io.out(moreLine(total, offset, runs.length, after, limit));
    return 0;
  } finally {
    await store.close();
  }
}

/** "showing runs 1–20 of 57 (newest first); 37 more: --offset 20 for the next 20, --limit 57 or --all for every one". */
function moreLine(total: number, offset: number, shown: number, after: number, limit: number): string {
  const range = shown ? `runs ${offset + 1}–${offset + shown}` : 'no run';
  const head = `showing ${range} of ${total} (newest first)`;
  if (after <= 0) return `${head}; the ${offset} newer ones: --offset 0`;
  const next = Math.min(after, limit);
  return `${head}; ${after} more: --offset ${offset + shown} for the next ${next}, --limit ${Math.min(total, MAX_LIMIT)} or --all for every one`;
}
