// How Python's print(), str() and repr() show values, so that a student can hold the lab's
// output against the Python text line by line: ['spam', 42, 'eggs'], {'name': 'Bob'}, True,
// None, 8.0, {'aa', 'pp'}. JavaScript cannot tell 8 from 8.0, so a number is an int unless
// it has a fraction or the caller says its values are floats (an Array('d') slot).

export interface PyFormatOptions {
  /** Show every number as a float (8 → 8.0), as Python shows the items of a 'd' array. */
  floats?: boolean;
  /** How to show a value Python has no literal for (a lab handle, a function); the default names its type. */
  other?: (v: object) => string | undefined;
}

/** str(v): strings as they are, everything else as repr shows it. */
export function pyStr(v: unknown, options: PyFormatOptions = {}): string {
  return typeof v === 'string' ? v : pyRepr(v, options);
}

/** print(a, b, c): each part as str() shows it, separated by one space. */
export function pyPrint(parts: readonly unknown[], options: PyFormatOptions = {}): string {
  return parts.map((p) => pyStr(p, options)).join(' ');
}

/** repr(v), as Python 3 writes it. */
export function pyRepr(v: unknown, options: PyFormatOptions = {}): string {
  const seen = new Set<object>();
  const repr = (x: unknown): string => {
    switch (typeof x) {
      case 'string': return reprString(x);
      case 'number': return options.floats ? reprFloat(x) : reprNumber(x);
      case 'bigint': return x.toString();
      case 'boolean': return x ? 'True' : 'False';
      case 'undefined': return 'None';
      case 'function': return `<function ${x.name || '<lambda>'}>`;
      case 'symbol': return x.toString();
      case 'object': {
        if (x === null) return 'None';
        if (seen.has(x)) return Array.isArray(x) ? '[...]' : '{...}';
        const custom = options.other?.(x);
        if (custom !== undefined) return custom;
        seen.add(x);
        try { return reprObject(x, repr); } finally { seen.delete(x); }
      }
    }
  };
  return repr(v);
}

function reprObject(x: object, repr: (v: unknown) => string): string {
  if (Array.isArray(x)) return `[${x.map(repr).join(', ')}]`;
  if (x instanceof Set) return x.size === 0 ? 'set()' : `{${[...x].map(repr).join(', ')}}`;
  if (x instanceof Map) return `{${[...x].map(([k, val]) => `${repr(k)}: ${repr(val)}`).join(', ')}}`;
  const proto = Object.getPrototypeOf(x);
  if (proto === Object.prototype || proto === null) {
    return `{${Object.entries(x).map(([k, val]) => `${reprString(k)}: ${repr(val)}`).join(', ')}}`;
  }
  // An instance of a program's class: its own toString plays __str__/__repr__, as in Python.
  if (typeof (x as { toString?: unknown }).toString === 'function' && (x as object).toString !== Object.prototype.toString) {
    return String(x);
  }
  return `<__main__.${(x as object).constructor?.name ?? 'object'} object>`;
}

/** A Python string literal: single quotes unless the text holds ' and no ". */
export function reprString(s: string): string {
  const quote = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = quote;
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === quote || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + quote;
}

/** An int as Python writes it, or a float if the number has a fraction. */
export function reprNumber(x: number): string {
  if (!Number.isInteger(x)) return reprFloat(x);
  return Math.abs(x) < 1e21 ? String(x === 0 ? 0 : x) : BigInt(x).toString();
}

/**
 * A float as Python's repr writes it: the shortest digits that read back the same (which
 * JavaScript computes too), in fixed notation between 1e-4 and 1e16 with at least one
 * decimal ('8.0'), in scientific notation outside it ('1e-05', '1.5e+16').
 */
export function reprFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const [mantissa, expText] = x.toExponential().split('e');
  const exp = Number(expText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  if (exp < 0) return `${sign}0.${'0'.repeat(-exp - 1)}${digits}`;
  const whole = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
  const fraction = digits.slice(exp + 1) || '0';
  return `${sign}${whole}.${fraction}`;
}
