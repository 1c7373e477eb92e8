// The readable form of the bench rows: an aligned table.
import type { Row } from './metrics';

function num(x: number | null, digits = 0): string {
  if (x === null) return '—';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

/** Values below 100 keep a little precision; large ones are shown whole. */
function value(x: number | null): string { return x !== null && Math.abs(x) < 100 ? num(x, 2) : num(x); }

export function formatTable(rows: Row[]): string[] {
  const head = ['metric', 'unit', 'lab', 'python', 'ratio'];
  const cells = rows.map((r) => [r.metric, r.unit, value(r.lab), value(r.python), r.ratio === null ? '—' : num(r.ratio, 3)]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  // Text columns align left, numbers right.
  const line = (c: string[]) => c.map((s, i) => (i < 2 ? s.padEnd(widths[i]) : s.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)];
}
