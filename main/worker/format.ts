// How print() shows values: strings as they are, everything else in a compact form.
export function formatForPrint(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && v !== null && typeof (v as { toRef?: unknown }).toRef === 'function') {
    const r = (v as { toRef(): { $lab: string; id: string } }).toRef();
    return `<${r.$lab} ${r.id}>`;
  }
  try { return JSON.stringify(v) ?? String(v); } catch { return String(v); }
}
