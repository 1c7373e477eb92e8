import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { pyPrint, pyRepr, reprFloat } from '../../shared/py-format';

/** What real Python prints for each expression (a record separator after each). */
function python(expressions: string[]): string[] {
  const program = expressions.map((e) => `print(${e}, end='\\x1e')`).join('\n');
  return execFileSync('python3', ['-c', program], { encoding: 'utf8' }).split('\x1e').slice(0, -1);
}

describe('Python formatting, held against python3 itself', () => {
  it('writes floats as repr(float) does, fixed and scientific, on edge values and 2,000 random ones', () => {
    const fixed = [1e-5, 1.5e-5, 1e-4, 123.456, 1e16, 1.5e16, 9999999999999998, 8, 0.1, 1 / 3, -2.5, 1e22, 5e-324,
      1.7976931348623157e308, 100, 12345678.9, -0.0, 0, 2 ** 53, 0.000123, 1e15 + 0.5, Infinity, -Infinity, NaN];
    let seed = 7;
    const random = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    const randoms = Array.from({ length: 2000 }, () => (random() - 0.5) * 10 ** Math.floor(random() * 44 - 22));
    const values = [...fixed, ...randoms];
    const exprs = values.map((v) => `repr(float(${JSON.stringify(Object.is(v, -0) ? "-0.0" : String(v))}))`);
    expect(values.map(reprFloat)).toEqual(python(exprs));
  });

  it('prints lists, dicts, strings, booleans, None and sets as print() does', () => {
    const cases: [unknown[], string][] = [
      [['parent got:', ['spam', 42, 'eggs']], `'parent got:', ['spam', 42, 'eggs']`],
      [['parent got:', { name: 'Bob', spam: 42 }], `'parent got:', {'name': 'Bob', 'spam': 42}`],
      [[true, false, null, undefined], 'True, False, None, None'],
      [[[1.5, [null, false]], {}, []], '[1.5, [None, False]], {}, []'],
      [["it's", 'a"b', `both'"`, 'tab\there\n', '\u0001'], `"it's", 'a"b', 'both\\'"', 'tab\\there\\n', '\\x01'`],
      [[["it's", 'a"b', `both'"`, 'tab\there\n', '\u0001']], `["it's", 'a"b', 'both\\'"', 'tab\\there\\n', '\\x01']`],
      [[new Set(['ss', 'aa']), new Set()], `['ss', 'aa'], set()`],
      [[{ nested: { deeper: [1, 'two', { three: 3 }] } }], `{'nested': {'deeper': [1, 'two', {'three': 3}]}}`],
      [[1e21, -7, 0], '10**21, -7, 0'],
    ];
    const expressions = cases.map(([, py]) => py);
    const ours = cases.map(([parts]) => pyPrint(parts));
    // A set's order is Python's hash order, so for sets compare against a set written in our order.
    const theirs = python(expressions).map((line, i) => (i === 6 ? line.replace("['ss', 'aa']", "{'ss', 'aa'}") : line));
    expect(ours).toEqual(theirs);
  });

  it('shows floats of a float array as Python does (8.0), and a cycle without looping', () => {
    expect(pyRepr([8, 2.5, 0], { floats: true })).toBe(python(['[8.0, 2.5, 0.0]'])[0]);
    const loop: unknown[] = [1]; loop.push(loop);
    expect(pyRepr(loop)).toBe('[1, [...]]');
  });

  it('lets the caller name what Python has no literal for, and a class show its own text', () => {
    class Fancy { constructor(readonly who: string) {} toString() { return `Fancy(${this.who})`; } }
    class Plain { x = 1; }
    expect(pyPrint(['got', new Fancy('Dan')])).toBe('got Fancy(Dan)');
    expect(pyPrint([new Plain()])).toBe('<__main__.Plain object>');
    expect(pyPrint([{ q: new Plain() }], { other: (v) => (v instanceof Plain ? '<Queue q>' : undefined) })).toBe(`{'q': <Queue q>}`);
  });
});
