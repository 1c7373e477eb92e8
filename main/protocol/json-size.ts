// Sizes of values and texts without building them: how many bytes JSON.stringify would
// produce (UTF-8), stopping as soon as a limit is passed, and how deep a JSON text nests,
// read before it is parsed. No recursion: a value may be nested far deeper than the stack.
import { MAX_NESTING } from './limits';

export interface Measure {
  /** JSON bytes counted so far; more than the limit when it was passed (counting stopped there). */
  bytes: number;
  /** Lists and objects nested deeper than allowed. */
  tooDeep: boolean;
}

// Characters JSON.stringify escapes, and surrogates (a lone one is escaped as \udxxx).
const SPECIAL = /["\\\u0000-\u001f\ud800-\udfff]/;

/** Bytes of JSON.stringify(s), quotes included. */
export function stringJsonBytes(s: string): number {
  if (!SPECIAL.test(s)) return Buffer.byteLength(s, 'utf8') + 2;
  let n = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x22 || c === 0x5c || c === 0x08 || c === 0x0c || c === 0x0a || c === 0x0d || c === 0x09) n += 2;
    else if (c < 0x20) n += 6;
    else if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00) { n += 4; i++; }
    else if (c >= 0xd800 && c <= 0xdfff) n += 6; // lone surrogate: \udxxx
    else n += 3;
  }
  return n;
}

/**
 * JSON.stringify(v)'s length in bytes, for the values that travel (JSON data: strings,
 * finite numbers, booleans, null, lists, plain objects; undefined as JSON treats it).
 * Stops once `limit` is passed; `tooDeep` when lists and objects nest deeper than `maxDepth`.
 * `exact` counts the escapes in strings (the worker, which must know its messages fit);
 * without it a string counts its UTF-8 bytes, what it costs to keep (the kernel: a native
 * count, where the exact one reads every character in JavaScript).
 */
export function measureJson(v: unknown, limit = Infinity, maxDepth = MAX_NESTING, exact = false): Measure {
  const flat = flatBytes(v, exact);
  if (flat >= 0 && maxDepth >= 1) return { bytes: flat, tooDeep: false };
  let bytes = 0;
  const values: unknown[] = [v];
  const depths: number[] = [0];
  while (values.length > 0) {
    const x = values.pop();
    const depth = depths.pop()!;
    if (typeof x !== 'object' || x === null) { bytes += scalarBytes(x, exact); continue; }
    if (depth + 1 > maxDepth) return { bytes, tooDeep: true };
    if (Array.isArray(x)) {
      bytes += x.length === 0 ? 2 : 1 + x.length; // brackets and commas
      if (bytes > limit) return { bytes, tooDeep: false }; // before walking into it
      // Scalars and short flat lists are counted here, not stacked: a long list of them (the
      // usual large item) is one pass that allocates nothing.
      const flatOk = depth + 2 <= maxDepth;
      for (let i = x.length - 1; i >= 0; i--) {
        const e = x[i];
        const flat = typeof e !== 'object' || e === null ? scalarBytes(e, exact) : flatOk ? flatBytes(e, exact) : -1;
        if (flat < 0) { values.push(e); depths.push(depth + 1); continue; }
        bytes += flat;
        if (bytes > limit) return { bytes, tooDeep: false };
      }
    } else {
      let keys = 0;
      for (const k of Object.keys(x)) {
        const e = (x as Record<string, unknown>)[k];
        if (e === undefined || typeof e === 'function' || typeof e === 'symbol') continue;
        keys++;
        bytes += (exact ? stringJsonBytes(k) : Buffer.byteLength(k, 'utf8') + 2) + 1; // "key":
        values.push(e); depths.push(depth + 1);
        if (bytes > limit) return { bytes, tooDeep: false };
      }
      bytes += keys === 0 ? 2 : 1 + keys; // braces and commas
    }
    if (bytes > limit) return { bytes, tooDeep: false };
  }
  return { bytes, tooDeep: false };
}

/** Most calls carry a short list of plain values ([item], [true, null]): measured without allocating. -1 otherwise. */
function flatBytes(v: unknown, exact: boolean): number {
  if (!Array.isArray(v) || v.length > 8) return -1;
  let bytes = v.length === 0 ? 2 : 1 + v.length;
  for (const x of v) {
    if (typeof x === 'object' && x !== null) return -1;
    bytes += scalarBytes(x, exact);
  }
  return bytes;
}

/**
 * JSON bytes of a value that is not a list or an object. What JSON cannot carry (undefined, a
 * function, a symbol) counts as null, as in a list; the sender refuses those first, and an
 * object's keys with them are skipped before this.
 */
function scalarBytes(x: unknown, exact: boolean): number {
  switch (typeof x) {
    case 'string': return exact ? stringJsonBytes(x) : Buffer.byteLength(x, 'utf8') + 2;
    case 'number': return numberBytes(x);
    case 'boolean': return x ? 4 : 5;
    default: return 4;
  }
}

/** Characters of JSON.stringify(n); whole numbers are counted without building their text. */
function numberBytes(n: number): number {
  if (!Number.isFinite(n)) return 4; // null
  if (!Number.isSafeInteger(n)) return String(n).length;
  let digits = n < 0 ? 2 : 1;
  for (let a = Math.abs(n); a >= 10; a = Math.floor(a / 10)) digits++;
  return digits;
}

/**
 * Whether a JSON text nests lists and objects deeper than `maxDepth`, read without parsing
 * it. String literals are skipped with indexOf (native), so a long string costs next to
 * nothing and only the structure outside strings is read character by character.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // To the closing quote: the first one not escaped by an odd run of backslashes.
      let j = i + 1;
      for (;;) {
        j = text.indexOf('"', j);
        if (j < 0) return false; // not JSON: the parser will say so
        let k = j - 1;
        while (text.charCodeAt(k) === 0x5c) k--;
        if ((j - 1 - k) % 2 === 0) break;
        j++;
      }
      i = j;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}
