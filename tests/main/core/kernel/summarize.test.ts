// summarize() keeps 60 characters of a value's JSON for the event log. Issue 7: it must
// build no more than that, where it used to stringify the whole value first.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../../main/core/kernel/summarize';

/** What summarize() always returned: JSON.stringify, then cut. */
function reference(v: unknown): string {
  if (v === undefined) return '';
  const s = typeof v === 'number' || typeof v === 'boolean' || v === null ? String(v) : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

describe('summarize', () => {
  it.each([
    ['a short string', 'hello'],
    ['a string with quotes and a newline', 'say "hi"\nbye'],
    ['a long string', 'x'.repeat(500)],
    ['unicode', 'héllo wörld ✓ 😀'.repeat(6)],
    ['numbers', [1, 2.5, -3, 1e21, 0]],
    ['a pool task', [1, 0, 'double', [0, 1, 2]]],
    ['a long list', Array.from({ length: 1000 }, (_, i) => i)],
    ['nested objects', { a: { b: [1, { c: 'd' }], e: null }, f: true }],
    ['holes JSON drops or nulls', { a: undefined, b: [undefined, 1] }],
    ['empty things', [[], {}, '']],
    ['an exit status', { exitCode: 0, signal: null }],
    ['null', null],
    ['a number', 42],
    ['a boolean', false],
  ])('writes %s exactly as JSON.stringify then cut', (_label, v) => {
    expect(summarize(v)).toBe(reference(v));
  });

  it('reads only the start of a huge value (a list whose every read is counted)', () => {
    let reads = 0;
    const huge = new Proxy(new Array<number>(1_000_000_000), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) { reads++; return 7; }
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(summarize(huge)).toBe(`[${Array(29).fill(7).join(',')}...`.slice(0, 57) + '...');
    expect(reads).toBeLessThan(40);
  });

  it('copes with nesting deeper than the stack (each level adds a character, so it stops at 60)', () => {
    let v: unknown = 0;
    for (let i = 0; i < 100_000; i++) v = [v];
    expect(summarize(v)).toBe(`${'['.repeat(57)}...`);
  });
});
