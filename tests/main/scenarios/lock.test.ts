import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;

describe('lock', () => {
  it(`with the lock every line comes out whole, every piece under the lock, over ${REPEATS} runs`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'lock', params: { timeUnitMs: 5, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['every-piece-written', 'console-shown', 'writes-under-lock', 'no-line-interleaved']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect([...(r.result.console as string[])].sort()).toEqual(['AAAAAAAA', 'BBBBBBBB']);
      expect(r.result).toMatchObject({ useLock: true, interleavedLines: 0, allLinesWhole: true, styles: { 'Process-1': 'with', 'Process-2': 'acquire/finally' } });
      expect(r.prediction?.answer).toBe(true);
      expect(r.notes).toEqual([]);
    }
  });

  it('more workers alternate the two styles, and the lock still keeps every line whole', async () => {
    const r = await run(host, { scenario: 'lock', params: { workers: 5, charsPerLine: 4, timeUnitMs: 5, seed: 3 } });
    expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
    expect(r.invariants.every((x) => x.ok)).toBe(true);
    expect([...(r.result.console as string[])].sort()).toEqual(['AAAA', 'BBBB', 'CCCC', 'DDDD', 'EEEE']);
    // No names of the lab's own: Process-1, Process-2, ... as Python names them.
    expect(r.result.styles).toEqual({ 'Process-1': 'with', 'Process-2': 'acquire/finally', 'Process-3': 'with', 'Process-4': 'acquire/finally', 'Process-5': 'with' });
    const texts = r.output.map((o) => o.text);
    expect(texts.filter((t) => t.endsWith('lock acquired via with'))).toHaveLength(3);
    expect(texts.filter((t) => t.endsWith('lock acquired directly'))).toHaveLength(2);
  });

  it(`without the lock the report shows the console as written and counts the interleaved lines, over ${REPEATS} runs`, async () => {
    const n = 8;
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'lock', params: { useLock: false, workers: 3, timeUnitMs: 5, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['every-piece-written', 'console-shown']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      const lines = r.result.console as string[];
      // Whatever the interleaving, the console holds each worker's characters and one newline each.
      const all = lines.join('');
      for (const ch of 'ABC') expect(all.split(ch).length - 1).toBe(n);
      expect(lines.length).toBe(3);
      expect(r.result.interleavedLines).toBe(lines.filter((l) => new Set(l).size > 1).length);
      const whole = lines.every((l) => /^([ABC])\1*$/.test(l) && l.length === n);
      expect(r.result.allLinesWhole).toBe(whole);
      expect(r.prediction?.answer).toBe(whole);
      expect(r.notes.join(' ')).toMatch(whole ? /still came out whole this time/ : /Without the lock the workers' pieces interleaved: 3 whole lines were written, the console shows /);
      // The parent prints the console as it found it.
      expect(r.output.filter((o) => o.text.startsWith('console | ')).map((o) => o.text.slice(10))).toEqual(lines);
    }
  });

  it('refuses bad parameters, naming the parameter and its range', () => {
    for (const [params, message] of [
      [{ workers: 0 }, 'parameter "workers": 0 is out of range; allowed: an integer from 1 to 10'],
      [{ charsPerLine: 41 }, 'parameter "charsPerLine": 41 is out of range; allowed: an integer from 1 to 40'],
      [{ useLock: 'yes' }, 'parameter "useLock": "yes" is not a boolean; allowed: true or false'],
    ] as const) {
      const r = host.start({ scenario: 'lock', params });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe(message);
    }
  });
});
