import { describe, expect, it } from 'vitest';
import { parseParamText, resolveParams } from '../../shared/params';
import type { ParamSpec } from '../../shared/scenario-meta';

const specs: ParamSpec[] = [
  { name: 'n', type: 'int', default: 3, min: 1, max: 5, description: '' },
  { name: 'workers', type: 'int', default: 'cpu2', min: 1, max: 64, description: '' },
  { name: 'flag', type: 'bool', default: true, description: '' },
  { name: 'mode', type: 'enum', default: 'a', values: ['a', 'b'], description: '' },
];

describe('parameters', () => {
  it('fills defaults, resolving cpu_count()*2', () => {
    expect(resolveParams(specs, {}, 2)).toEqual({ ok: true, values: { n: 3, workers: 4, flag: true, mode: 'a' } });
  });
  it('names the parameter and what is allowed', () => {
    expect(resolveParams(specs, { n: 9 }, 2)).toEqual({ ok: false, error: { code: 'BAD_PARAM', message: 'parameter "n": 9 is out of range; allowed: an integer from 1 to 5' } });
    expect(resolveParams(specs, { mode: 'c' }, 2)).toMatchObject({ ok: false, error: { message: 'parameter "mode": "c" is not allowed; allowed: one of a, b' } });
    expect(resolveParams(specs, { x: 1 }, 2)).toMatchObject({ ok: false, error: { message: 'unknown parameter "x"; this scenario takes: n, workers, flag, mode' } });
    expect(resolveParams(specs, { n: 2.5 }, 2)).toMatchObject({ ok: false, error: { message: 'parameter "n": 2.5 is not an integer; allowed: an integer from 1 to 5' } });
  });
  it('parses command-line text into typed values', () => {
    expect(parseParamText(specs[0], '4')).toBe(4);
    expect(parseParamText(specs[0], 'four')).toMatchObject({ message: 'parameter "n": "four" is not an integer; allowed: an integer from 1 to 5' });
    expect(parseParamText(specs[2], 'false')).toBe(false);
    expect(parseParamText(specs[2], 'maybe')).toMatchObject({ code: 'BAD_PARAM' });
  });
});
