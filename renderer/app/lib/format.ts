// How numbers and values read on screen.

export function formatElapsed(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '0.0 s';
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const m = Math.floor(ms / 60_000);
  const s = Math.floor((ms % 60_000) / 1000);
  return `${m} min ${String(s).padStart(2, '0')} s`;
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

/** A result value as a student reads it: strings bare, the rest as JSON. */
export function formatValue(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '–';
  const text = JSON.stringify(v);
  return text.length > 300 ? `${text.slice(0, 297)}…` : text;
}
