import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 8;

describe('semaphore-pool', () => {
  it(`never has more than slots active and activates each job once, over ${REPEATS} runs`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'semaphore-pool', params: { timeUnitMs: 10, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.result.maxActive as number).toBeLessThanOrEqual(3);
      expect(r.result.activations).toEqual(Object.fromEntries(Array.from({ length: 10 }, (_, j) => [String(j), 1])));
      expect(r.processes).toHaveLength(11);
      expect(r.output.filter((o) => o.text.startsWith('Activating'))).toHaveLength(10);
    }
  });

  it('with one slot the jobs run strictly one at a time', async () => {
    const r = await run(host, { scenario: 'semaphore-pool', params: { slots: 1, jobs: 5, timeUnitMs: 10, seed: 9 } });
    expect(r.status).toBe('completed');
    expect(r.result.maxActive).toBe(1);
  });
});
