// The compare answer as the compare view reads it: rows grouped by section, each with its
// label (an invariant's description, a run fact in words) and its two values as text.
import type { Comparison, ComparedRow, InvariantResult, RunReport } from '../../../shared/contract';
import { formatDuration } from './history-entry';
import { formatValue } from './format';

export interface CompareSection { id: ComparedRow['section']; title: string; rows: ShownRow[] }
export interface ShownRow { key: string; label: string; a: string; b: string; differs: boolean }

const TITLES: Record<ComparedRow['section'], string> = { run: 'The runs', param: 'Parameters', invariant: 'Invariants', result: 'Result values' };
const RUN_KEYS: Record<string, string> = {
  scenario: 'Scenario', status: 'Status', passed: 'Ended as expected', durationMs: 'Duration', processes: 'Processes', eventCount: 'Events',
};

export function compareSections(c: Comparison): CompareSection[] {
  return (Object.keys(TITLES) as ComparedRow['section'][]).map((id) => ({
    id, title: TITLES[id],
    rows: c.rows.filter((r) => r.section === id).map((r) => ({
      key: r.key, label: label(r, c), a: text(r, r.a, c.a), b: text(r, r.b, c.b), differs: r.differs,
    })),
  })).filter((s) => s.rows.length > 0);
}

function label(r: ComparedRow, c: Comparison): string {
  if (r.section === 'run') return RUN_KEYS[r.key] ?? r.key;
  if (r.section === 'invariant') return invariant(c.a, r.key)?.description ?? invariant(c.b, r.key)?.description ?? r.key;
  return r.key;
}

function invariant(run: RunReport, id: string): InvariantResult | undefined {
  return run.invariants.find((i) => i.id === id);
}

function text(r: ComparedRow, v: unknown, run: RunReport): string {
  if (r.section === 'invariant') {
    const inv = invariant(run, r.key);
    if (!inv) return 'not in this run';
    return `${inv.ok === null ? '– not judged' : inv.ok ? '✓ held' : '✗ broken'}: ${inv.detail}`;
  }
  if (r.section === 'run' && r.key === 'durationMs') return typeof v === 'number' ? formatDuration(v) : '–';
  if (r.section === 'run' && r.key === 'passed') return v === true ? '✓ yes' : v === false ? '✗ no' : '–';
  if (v === null || v === undefined) return '–';
  return formatValue(v);
}
