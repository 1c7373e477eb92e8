import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';

const host = newHost(6);
afterAll(() => host.close());
const REPEATS = 20;
/** Real processes on a shared machine: the repeated runs get room beyond the default 30 s. */
const LONG = 90_000;
const squares = (n: number) => Array.from({ length: n }, (_, i) => i * i);

interface TqResult { results: number[]; whoRan: Record<string, number>; pills: Record<string, number>; taskDoneBeforeJoin: number }

describe('task-queue', () => {
  it(`holds every invariant over ${REPEATS} runs with the defaults (consumers = 2 x cores)`, async () => {
    const consumers = Math.min(availableParallelism() * 2, 16);
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'task-queue', params: { timeUnitMs: 5, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id).sort()).toEqual(['exit-after-pill', 'join-after-task-done', 'results-exact']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.params.consumers).toBe(consumers);
      const res = r.result as unknown as TqResult;
      // Arrival order may differ from run to run; the set of answers may not.
      expect([...res.results].sort((a, b) => a - b)).toEqual(squares(10));
      const pids = r.processes.filter((p) => p.program === 'consumer').map((p) => p.pid);
      expect(Object.keys(res.whoRan).map(Number).sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, j) => j));
      for (const pid of Object.values(res.whoRan)) expect(pids).toContain(pid);
      expect(Object.values(res.pills)).toEqual(Array(consumers).fill(1));
      expect(r.prediction?.answer).toBe(10 + consumers);
      // The parent prints the results in the order it received them, after join() returned.
      const printed = r.output.filter((o) => o.text.startsWith('Result: ')).map((o) => o.text);
      expect(printed).toEqual(res.results.map((p) => { const a = Math.sqrt(p); return `Result: ${a} * ${a} = ${p}`; }));
      expect(r.output.filter((o) => o.text.endsWith(': Exiting'))).toHaveLength(consumers);
    }
  }, LONG);

  it('one consumer runs every task, in order, and takes the only pill', async () => {
    const r = await run(host, { scenario: 'task-queue', params: { consumers: 1, tasks: 6, timeUnitMs: 5, seed: 1 } });
    expect(r.passed).toBe(true);
    const res = r.result as unknown as TqResult;
    expect(res.results).toEqual(squares(6));
    expect(new Set(Object.values(res.whoRan)).size).toBe(1);
    expect(res.pills).toEqual({ 'Consumer-1': 1 });
    expect(res.taskDoneBeforeJoin).toBe(7);
  });

  it('more consumers than tasks: every consumer still gets one pill and join() waits for all of them', async () => {
    const r = await run(host, { scenario: 'task-queue', params: { consumers: 7, tasks: 3, timeUnitMs: 5, seed: 2 } });
    expect(r.passed, JSON.stringify(r.invariants)).toBe(true);
    const res = r.result as unknown as TqResult;
    expect([...res.results].sort((a, b) => a - b)).toEqual([0, 1, 4]);
    expect(Object.values(res.pills)).toEqual(Array(7).fill(1));
    expect(r.prediction?.answer).toBe(10);
  });

  it.each([
    [{ tasks: 0 }, 'parameter "tasks": 0 is out of range; allowed: an integer from 1 to 40'],
    [{ consumers: 17 }, 'parameter "consumers": 17 is out of range; allowed: an integer from 1 to 16'],
    [{ consumers: 'many' }, 'parameter "consumers": "many" is not an integer; allowed: an integer from 1 to 16'],
  ])('refuses %j, naming the parameter and its allowed range', (params, message) => {
    const r = host.start({ scenario: 'task-queue', params });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
  });
});
