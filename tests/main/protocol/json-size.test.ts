// Sizes without building the text: measureJson against JSON.stringify, nestsDeeperThan
// against the parser, on the values and texts that can travel.
import { describe, expect, it } from 'vitest';
import { measureJson, nestsDeeperThan, stringJsonBytes } from '../../../main/protocol/json-size';

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');

describe('measureJson', () => {
  const values: [string, unknown][] = [
    ['plain ASCII', 'hello world'],
    ['escapes', 'quote " backslash \\ newline \n tab \t bell \u0007 nul \u0000'],
    ['two- and three-byte UTF-8', 'héllo — ✓'],
    ['a surrogate pair', 'smile 😀'],
    ['a lone surrogate', 'broken \ud800 here'],
    ['numbers', [0, -1, 1.5, 1e21, 1e-7, 123456789]],
    ['undefined in a list and an object', [undefined, { a: undefined, b: 1 }]],
    ['nested', { list: [1, 'two', null, true, { deep: [[[]]] }], 'key "q"': {} }],
    ['empty', [[], {}, '']],
  ];
  it.each(values)('exact mode equals JSON.stringify\'s UTF-8 length: %s', (_l, v) => {
    expect(measureJson(v, Infinity, 64, true)).toEqual({ bytes: bytes(v), tooDeep: false });
  });

  it('counts numbers as JSON writes them, whole or not, safe or not', () => {
    const numbers = [0, -0, 7, -7, 9, 10, 99, 100, -100, 123456789012345, 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 53 + 2, 1e21, -1e21,
      0.1, -0.000001, 1e-7, 5e-324, Number.MAX_VALUE, NaN, Infinity, -Infinity];
    for (const n of numbers) expect(measureJson([n, n], Infinity, 64, true).bytes, String(n)).toBe(bytes([n, n]));
    const long = Array.from({ length: 1000 }, (_, i) => (i % 2 ? -i : i * 1013) / (i % 3 ? 1 : 8));
    expect(measureJson(long, Infinity, 64, true).bytes).toBe(bytes(long));
  });

  it('counts long lists of short lists (the largest items) exactly, and their nesting at the edge', () => {
    const pairs = Array.from({ length: 5000 }, (_, i) => [i, `k${i}`, i % 2 === 0, null]);
    expect(measureJson(pairs, Infinity, 64, true)).toEqual({ bytes: bytes(pairs), tooDeep: false });
    expect(measureJson([[undefined, () => 1]], Infinity, 64, true).bytes).toBe(bytes([[undefined, () => 1]]));
    for (const depth of [62, 63, 64, 65]) {
      // `depth` levels in all: lists around a flat list of two numbers.
      let v: unknown = [1, 2];
      for (let i = 1; i < depth; i++) v = i === depth - 1 ? [v, [3], 'x'] : [v];
      expect(measureJson(v, Infinity, 64, true), `depth ${depth}`).toEqual({ bytes: depth > 64 ? expect.any(Number) : bytes(v), tooDeep: depth > 64 });
    }
  });

  it('matches JSON.stringify on random values of every kind', () => {
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const value = (depth: number): unknown => {
      const r = rnd();
      if (depth > 4 || r < 0.35) return [() => rnd() * 1e6 - 5e5, () => Math.floor(rnd() * 2000) - 1000, () => 'é"\\x'.slice(0, Math.floor(rnd() * 5)), () => rnd() < 0.5, () => null][Math.floor(rnd() * 5)]();
      if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 12) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(rnd() * 5) }, (_, i) => [`k${i}`, value(depth + 1)]));
    };
    for (let i = 0; i < 300; i++) {
      const v = value(0);
      expect(measureJson(v, Infinity, 64, true).bytes).toBe(bytes(v));
    }
  });

  it('fast mode counts strings by their UTF-8 bytes: exact without escapes, never more than exact', () => {
    for (const [, v] of values) expect(measureJson(v).bytes).toBeLessThanOrEqual(bytes(v));
    expect(measureJson({ a: ['héllo', 1] }).bytes).toBe(bytes({ a: ['héllo', 1] }));
  });

  it('stops counting once the limit is passed, without reading the rest', () => {
    let reads = 0;
    const counted = (n: number) => new Proxy(Array.from({ length: n }, () => 'xxxxxxxxxx'), {
      get(t, k, r) { if (typeof k === 'string' && /^\d+$/.test(k)) reads++; return Reflect.get(t, k, r) as unknown; },
    });
    const m = measureJson([counted(100), counted(1_000_000)], 1000);
    expect(m.bytes).toBeGreaterThan(1000);
    expect(reads).toBeLessThanOrEqual(100);
  });

  it('says tooDeep past the nesting allowed, without recursion', () => {
    let v: unknown = 1;
    for (let i = 0; i < 200_000; i++) v = [v];
    expect(measureJson(v, Infinity, 64).tooDeep).toBe(true);
    let ok: unknown = 1;
    for (let i = 0; i < 64; i++) ok = { a: ok };
    expect(measureJson(ok, Infinity, 64).tooDeep).toBe(false);
  });

  it('stringJsonBytes matches JSON.stringify on every character class', () => {
    let all = '';
    for (let c = 0; c < 0x800; c++) all += String.fromCharCode(c);
    all += '\ud83d\ude00\udc00\ud800x';
    expect(stringJsonBytes(all)).toBe(bytes(all));
  });
});

describe('nestsDeeperThan', () => {
  it.each([
    ['flat', '{"t":"calls","c":[[1,"q","put",[1]]],"ack":0}', 4, false],
    ['exactly at the limit', '[[[[]]]]', 4, false],
    ['one past it', '[[[[[]]]]]', 4, true],
    ['brackets inside strings do not count', '["[[[[[[[[[[", "{{{{{{"]', 2, false],
    ['escaped quotes keep a string open', '["\\"[[[[[[[[", 1]', 2, false],
    ['an escaped backslash closes it', '["\\\\", [[[[[]]]]]]', 3, true],
    ['objects count too', '{"a":{"b":{"c":{}}}}', 3, true],
  ])('%s', (_l, text, max, deeper) => {
    expect(nestsDeeperThan(text, max)).toBe(deeper);
  });

  it('reads 100,000 levels at once, where the parser would take long', () => {
    expect(nestsDeeperThan('['.repeat(100_000) + ']'.repeat(100_000), 67)).toBe(true);
  });
});
