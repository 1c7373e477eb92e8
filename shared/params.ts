// Parameter checking shared by the CLI, the HTTP/IPC boundary and the renderer's forms.
import type { ParamSpec } from './scenario-meta';

export type ParamValue = number | boolean | string;
export type ParamValues = Record<string, ParamValue>;

export interface ParamError { code: 'BAD_PARAM'; message: string }

export function describeAllowed(spec: ParamSpec): string {
  if (spec.type === 'int') return `an integer from ${spec.min} to ${spec.max}`;
  if (spec.type === 'bool') return 'true or false';
  return `one of ${spec.values.join(', ')}`;
}

/** Turns a command-line string into the parameter's type, or explains why it cannot. */
export function parseParamText(spec: ParamSpec, text: string): ParamValue | ParamError {
  if (spec.type === 'int') {
    if (!/^-?\d+$/.test(text.trim())) return bad(spec, `"${text}" is not an integer`);
    return Number(text);
  }
  if (spec.type === 'bool') {
    if (text === 'true' || text === '1') return true;
    if (text === 'false' || text === '0') return false;
    return bad(spec, `"${text}" is not a boolean`);
  }
  return text;
}

/** Checks one typed value against its spec. */
export function checkParam(spec: ParamSpec, value: unknown): ParamError | null {
  if (spec.type === 'int') {
    if (typeof value !== 'number' || !Number.isInteger(value)) return bad(spec, `${JSON.stringify(value)} is not an integer`);
    if (value < spec.min || value > spec.max) return bad(spec, `${value} is out of range`);
    return null;
  }
  if (spec.type === 'bool') return typeof value === 'boolean' ? null : bad(spec, `${JSON.stringify(value)} is not a boolean`);
  if (typeof value !== 'string' || !spec.values.includes(value)) return bad(spec, `${JSON.stringify(value)} is not allowed`);
  return null;
}

/**
 * Fills defaults and checks every given value. `cpuCount` resolves defaults written as
 * "cpu_count()*2" in the seeds. Unknown names are refused with the list of known ones.
 */
export function resolveParams(
  specs: readonly ParamSpec[], given: Record<string, unknown>, cpuCount: number,
): { ok: true; values: ParamValues } | { ok: false; error: ParamError } {
  const known = new Map(specs.map((s) => [s.name, s]));
  for (const name of Object.keys(given)) {
    if (!known.has(name)) {
      const list = specs.map((s) => s.name).join(', ') || '(none)';
      return { ok: false, error: { code: 'BAD_PARAM', message: `unknown parameter "${name}"; this scenario takes: ${list}` } };
    }
  }
  const values: ParamValues = {};
  for (const spec of specs) {
    if (Object.prototype.hasOwnProperty.call(given, spec.name)) {
      const err = checkParam(spec, given[spec.name]);
      if (err) return { ok: false, error: err };
      values[spec.name] = given[spec.name] as ParamValue;
    } else {
      values[spec.name] = spec.type === 'int' && spec.default === 'cpu2' ? Math.min(cpuCount * 2, spec.max) : (spec.default as ParamValue);
    }
  }
  return { ok: true, values };
}

function bad(spec: ParamSpec, what: string): ParamError {
  return { code: 'BAD_PARAM', message: `parameter "${spec.name}": ${what}; allowed: ${describeAllowed(spec)}` };
}
