// Two runs side by side: run facts, parameters, invariants and results, differences marked.
import type { ComparedRow } from '../../../shared/contract';
import type { RunReport } from '../../../shared/run-report';

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

const union = (x: object, y: object) => [...new Set([...Object.keys(x), ...Object.keys(y)])];
