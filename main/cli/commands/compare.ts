// `lab compare <runIdA> <runIdB> [--json]`: two runs side by side, differences marked.
import type { RunReport } from '../../../shared/run-report';
import { parseCommand } from '../args';
import { openStore } from '../open-store';
import { UsageError } from '../usage-error';
import { findRun } from './show';
import type { Io } from '../io';

export const COMPARE_USAGE = 'lab compare <runIdA> <runIdB> [--json] [--db PATH]';

export interface ComparedRow { section: 'run' | 'param' | 'invariant' | 'result'; key: string; a: unknown; b: unknown; differs: boolean }

export function compareRuns(a: RunReport, b: RunReport): ComparedRow[] {
  const rows: ComparedRow[] = [];
  const add = (section: ComparedRow['section'], key: string, x: unknown, y: unknown) =>
    rows.push({ section, key, a: x ?? null, b: y ?? null, differs: JSON.stringify(x ?? null) !== JSON.stringify(y ?? null) });
  add('run', 'scenario', a.scenario, b.scenario);
  add('run', 'status', a.status, b.status);
  add('run', 'passed', a.passed, b.passed);
  add('run', 'durationMs', a.durationMs, b.durationMs);
  add('run', 'processes', a.processes.length, b.processes.length);
  add('run', 'eventCount', a.eventCount, b.eventCount);
  for (const k of union(a.params, b.params)) add('param', k, (a.params as Record<string, unknown>)[k], (b.params as Record<string, unknown>)[k]);
  const inv = (r: RunReport) => Object.fromEntries(r.invariants.map((i) => [i.id, i.ok]));
  for (const k of union(inv(a), inv(b))) add('invariant', k, inv(a)[k], inv(b)[k]);
  for (const k of union(a.result, b.result)) add('result', k, a.result[k], b.result[k]);
  return rows;
}

export async function compareCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { json: { type: 'boolean' }, db: { type: 'string' } }, COMPARE_USAGE);
  if (positionals.length !== 2) throw new UsageError(`compare needs two run ids\nusage: ${COMPARE_USAGE}`);
  const store = openStore(values.db, io.err, { readOnly: true });
  try {
    const [a, b] = positionals.map((id) => findRun(store, id));
    const rows = compareRuns(a, b);
    if (values.json) { io.out(JSON.stringify({ a: a.runId, b: b.runId, rows })); return 0; }
    io.out(`${''.padEnd(28)} ${a.runId.padEnd(28)} ${b.runId}`);
    for (const r of rows) {
      io.out(`${r.differs ? '≠' : ' '} ${`${r.section} ${r.key}`.padEnd(26)} ${show(r.a).padEnd(28)} ${show(r.b)}`);
    }
    return 0;
  } finally {
    await store.close();
  }
}

const union = (x: object, y: object) => [...new Set([...Object.keys(x), ...Object.keys(y)])];
function show(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > 27 ? `${s.slice(0, 24)}...` : s;
}
