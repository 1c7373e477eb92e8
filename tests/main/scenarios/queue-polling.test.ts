import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';
import { pyRepr } from '../../../shared/py-format';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;
/** Real processes on a shared machine: the repeated runs get room beyond the default 30 s. */
const LONG = 90_000;

interface QpResult { posts: [number, number][]; postCount: number; noDataCount: number; exitCodes: Record<string, number> }

describe('queue-polling', () => {
  it(`holds every invariant over ${REPEATS} runs with the defaults`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'queue-polling', params: { timeUnitMs: 4, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id).sort()).toEqual(['exit-0', 'post-count', 'states-rise']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      const res = r.result as unknown as QpResult;
      expect(res.postCount).toBe(9);
      expect(r.prediction?.answer).toBe(9);
      // The seed's Counter subclass: Python names its processes Counter-1, Counter-2, ...
      expect(res.exitCodes).toEqual({ 'Counter-1': 0, 'Counter-2': 0, 'Counter-3': 0 });
      // Each counter's own posts arrive in the order it sent them, whatever the interleaving.
      const counters = r.processes.filter((p) => p.program === 'counter').sort((a, b) => a.name.localeCompare(b.name));
      counters.forEach((c, k) => expect(res.posts.filter(([pid]) => pid === c.pid).map(([, s]) => s)).toEqual([1, 2, 3].map((d) => [0, 100, 1000][k] + d)));
      // What the parent printed matches the result: each post, and each empty poll.
      const root = r.processes.find((p) => p.parentPid === null)!;
      const mine = r.output.filter((o) => o.pid === root.pid).map((o) => o.text);
      expect(mine.filter((t) => t.startsWith('posted: '))).toEqual(res.posts.map((p) => `posted: ${pyRepr(p)}`));
      expect(mine.filter((t) => t === 'no data...')).toHaveLength(res.noDataCount);
      // One exit code, the last counter's, as the seed prints r.exitcode.
      expect(mine.at(-1)).toBe(`finish ${root.pid} 0`);
      // The counters' lines keep the seed's label ' @': " @ <pid> <state>".
      counters.forEach((c, k) => expect(r.output.filter((o) => o.pid === c.pid).map((o) => o.text))
        .toEqual([...[1, 2, 3].map((d) => ` @ ${c.pid} ${[0, 100, 1000][k] + d}`), ` @ ${c.pid} -`]));
    }
  }, LONG);

  it('five counters of two steps each start at 0, 100, 1000, 10000 and 100000', async () => {
    const r = await run(host, { scenario: 'queue-polling', params: { counters: 5, steps: 2, timeUnitMs: 4, seed: 3 } });
    expect(r.passed, JSON.stringify(r.invariants)).toBe(true);
    const res = r.result as unknown as QpResult;
    expect(res.postCount).toBe(10);
    expect(res.posts.map(([, s]) => s).sort((a, b) => a - b)).toEqual([1, 2, 101, 102, 1001, 1002, 10001, 10002, 100001, 100002]);
  });

  it.each([
    [{ counters: 0 }, 'parameter "counters": 0 is out of range; allowed: an integer from 1 to 6'],
    [{ steps: 11 }, 'parameter "steps": 11 is out of range; allowed: an integer from 1 to 10'],
    [{ steps: true }, 'parameter "steps": true is not an integer; allowed: an integer from 1 to 10'],
  ])('refuses %j, naming the parameter and its allowed range', (params, message) => {
    const r = host.start({ scenario: 'queue-polling', params });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
  });
});
