// A short text for an argument or a result in the event log: the start of its JSON, cut at
// 60 characters. It is built piece by piece and stops there, so a large value costs no
// more than a small one (JSON.stringify would copy all of it to keep 60 characters).

const MAX = 60;

class Cut extends Error {}

/** The JSON of `v` (as JSON.stringify writes it), cut to 60 characters with "...". */
export function summarize(v: unknown): string {
  if (v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || v === null) return cut(String(v));
  let out = '';
  const put = (s: string): void => {
    out += s;
    if (out.length > MAX) throw new Cut();
  };
  // Each list or object adds at least one character, so recursion stops within MAX levels.
  const walk = (x: unknown, inList: boolean): void => {
    switch (typeof x) {
      case 'string': put(JSON.stringify(x.length > MAX + 2 ? x.slice(0, MAX + 2) : x)); return;
      case 'number': put(Number.isFinite(x) ? String(x) : 'null'); return;
      case 'boolean': put(String(x)); return;
      case 'object': {
        if (x === null) { put('null'); return; }
        if (Array.isArray(x)) {
          put('[');
          for (let i = 0; i < x.length; i++) { if (i) put(','); walk(x[i], true); }
          put(']');
          return;
        }
        put('{');
        let first = true;
        for (const k in x) {
          if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
          const e = (x as Record<string, unknown>)[k];
          if (e === undefined || typeof e === 'function' || typeof e === 'symbol') continue;
          if (!first) put(',');
          first = false;
          walk(k, false);
          put(':');
          walk(e, false);
        }
        put('}');
        return;
      }
      default: if (inList) put('null'); // JSON drops what it cannot carry from objects, writes null in lists
    }
  };
  try {
    walk(v, false);
  } catch (e) {
    if (!(e instanceof Cut)) throw e;
  }
  return cut(out);
}

function cut(s: string): string { return s.length > MAX ? `${s.slice(0, MAX - 3)}...` : s; }
