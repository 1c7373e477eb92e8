import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;
const expected = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [String(i), i * 2]));

describe('manager-dict', () => {
  it(`ends with exactly {i: 2i}, every worker writing once, over ${REPEATS} runs`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'manager-dict', params: { workers: 4, timeUnitMs: 2, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['final-dict', 'one-write-per-worker']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.result.dict).toEqual(expected(4));
      expect(r.prediction).toEqual({ question: expect.any(String), answer: 4 });
      // The write order is whatever happened; it holds each key once and is what the parent printed.
      const order = r.result.writeOrder as number[];
      expect([...order].sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
      const root = r.processes.find((p) => p.parentPid === null)!;
      expect(r.output.filter((o) => o.pid === root.pid).map((o) => o.text))
        .toEqual([`Results: {${order.map((k) => `${k}: ${k * 2}`).join(', ')}}`]);
      expect(r.processes).toHaveLength(5);
    }
  });

  it.each([10, 1])('with %i workers (10 is the default) the dict has that many keys', async (workers) => {
    const params = workers === 10 ? {} : { workers };
    const r = await run(host, { scenario: 'manager-dict', params: { ...params, timeUnitMs: 2, seed: 3 } });
    expect(r.status).toBe('completed');
    expect(r.invariants.every((x) => x.ok)).toBe(true);
    expect(r.result.dict).toEqual(expected(workers));
    expect(r.result.keys).toBe(workers);
    expect(r.prediction?.answer).toBe(workers);
    expect(r.processes).toHaveLength(workers + 1);
  });

  it.each([
    [0, 'parameter "workers": 0 is out of range; allowed: an integer from 1 to 40'],
    [41, 'parameter "workers": 41 is out of range; allowed: an integer from 1 to 40'],
    [2.5, 'parameter "workers": 2.5 is not an integer; allowed: an integer from 1 to 40'],
  ])('refuses workers=%s, naming the allowed range', (workers, message) => {
    const r = host.start({ scenario: 'manager-dict', params: { workers } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
  });
});
