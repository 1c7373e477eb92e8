import { describe, expect, it } from 'vitest';
import { bounded, isCutMark, pyValueText, sizeUpTo, summarizeValue } from '../../shared/values';
import { normalizeArgs } from '../../shared/op-args';

describe('bounded values', () => {
  it('hands back a value that fits as it is, without copying it', () => {
    const v = { names: ['Ada', 'Basil'], n: 3 };
    expect(bounded(v)).toBe(v);
  });

  it('cuts a long string, a long list and a wide object to the budget, marking the cuts', () => {
    const s = bounded('x'.repeat(100_000), 100) as string;
    expect(s.length).toBeLessThanOrEqual(100);
    expect(s.endsWith('…')).toBe(true);
    const list = bounded(Array.from({ length: 10_000 }, (_, i) => i), 200) as unknown[];
    expect(isCutMark(list[list.length - 1])).toBe(true);
    expect(list.length - 1 + (list[list.length - 1] as { $cut: number }).$cut).toBe(10_000);
    const wide = bounded(Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`k${i}`, i])), 200) as Record<string, number>;
    expect(Object.keys(wide).length).toBeLessThan(100);
    expect(Object.keys(wide).length - 1 + wide.$cut).toBe(1000);
    expect(JSON.stringify(wide).length).toBeLessThan(400);
  });

  it('stops measuring once the limit is passed', () => {
    const huge = Array.from({ length: 1_000_000 }, () => 'abc');
    expect(sizeUpTo(huge, 100)).toBeLessThan(200);
  });

  it('summarizes in at most max characters', () => {
    expect(summarizeValue(['spam', 42])).toBe('["spam",42]');
    expect(summarizeValue('y'.repeat(500), 20)).toHaveLength(20);
  });
});

describe('values shown as Python shows them', () => {
  it('writes what the events carry as repr() does', () => {
    expect(pyValueText(['spam', 42, true, null, 2.5])).toBe("['spam', 42, True, None, 2.5]");
    expect(pyValueText({ name: 'Bob', n: [1, 2] })).toBe("{'name': 'Bob', 'n': [1, 2]}");
    expect(pyValueText('2')).toBe("'2'");
    expect(pyValueText(2)).toBe('2');
    expect(pyValueText("it's")).toBe('"it\'s"');
  });

  it('shows lab objects, sets and objects of travelling classes by what they are', () => {
    expect(pyValueText([{ $lab: 'Queue', id: 'q1' }, 3])).toBe('[<Queue q1>, 3]');
    expect(pyValueText({ $py: 'set', items: ['a', 'b'] })).toBe("{'a', 'b'}");
    expect(pyValueText({ $py: 'set', items: [] })).toBe('set()');
    expect(pyValueText({ $py: 'object', cls: 'Point', fields: { x: 1 } })).toBe('<__main__.Point object>');
  });

  it('says how much a cut left out, and keeps within max characters', () => {
    expect(pyValueText([1, 2, { $cut: 5 }])).toBe('[1, 2, … 5 more]');
    expect(pyValueText({ a: 1, $cut: 3 })).toBe("{'a': 1, … 3 more}");
    const long = pyValueText(Array.from({ length: 10_000 }, (_, i) => i), 40);
    expect(long).toHaveLength(40);
    expect(long.startsWith('[0, 1, 2, 3')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
  });
});

describe('operation argument shapes', () => {
  it('fills defaults so a put is always [item, block, timeout]', () => {
    expect(normalizeArgs('Queue', 'put', ['Ada'])).toEqual(['Ada', true, null]);
    expect(normalizeArgs('Queue', 'put', ['Ada', false, 2])).toEqual(['Ada', false, 2]);
    expect(normalizeArgs('Condition', 'notify', [])).toEqual([1]);
  });

  it('leaves out a parameter without a default that was not given', () => {
    expect(normalizeArgs('ManagerDict', 'get', ['k'])).toEqual(['k']);
  });
});
