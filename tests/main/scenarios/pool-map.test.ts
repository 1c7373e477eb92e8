import { availableParallelism } from 'node:os';
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../shared/run-report';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 50;
const FIXED_REPEATS = 10;
const doubled = (n: number) => Array.from({ length: n }, (_, i) => i * 2);

/** What every pool-map run must show, whatever its parameters. */
function expectConsistent(r: RunReport, inputs: number): void {
  expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
  expect(r.invariants.every((x) => x.ok), JSON.stringify(r.invariants)).toBe(true);
  expect(r.result.output).toEqual(doubled(inputs));
  const workers = r.result.workers as number[];
  const pool = r.processes.filter((p) => p.program === '$pool-worker');
  expect([...workers].sort()).toEqual(pool.map((p) => p.pid).sort());
  expect(r.result.workersStarted).toBe(pool.length);
  expect(r.prediction?.answer).toBe(pool.length);
  // One "Starting" line per worker process, in its own name.
  for (const p of pool) expect(r.output.filter((o) => o.pid === p.pid).map((o) => o.text)).toEqual([`Starting ${p.name}`]);
  // whoRan covers every input with a pool worker; the per-worker counts add up to the chunks.
  const whoRan = r.result.whoRan as Record<string, number>;
  expect(Object.keys(whoRan).map(Number).sort((a, b) => a - b)).toEqual([...Array(inputs).keys()]);
  for (const pid of Object.values(whoRan)) expect(workers).toContain(pid);
  const cs = r.result.chunksize as number;
  const perWorker = r.result.tasksPerWorker as Record<string, number>;
  expect(Object.values(perWorker).reduce((a, b) => a + b, 0)).toBe(Math.ceil(inputs / cs));
  for (let x = 0; x < inputs; x++) expect(whoRan[x]).toBe(whoRan[x - (x % cs)]); // one chunk, one worker
}

describe('pool-map', () => {
  it(`maps in input order with a fixed set of workers, over ${FIXED_REPEATS} runs (the first with the default size)`, async () => {
    for (let i = 0; i < FIXED_REPEATS; i++) {
      const size = i === 0 ? Math.min(availableParallelism() * 2, 32) : 2;
      const r = await run(host, { scenario: 'pool-map', params: { ...(i === 0 ? {} : { poolSize: 2 }), timeUnitMs: 2, seed: i } });
      expectConsistent(r, 10);
      expect(r.params.poolSize).toBe(size);
      expect(r.invariants.map((x) => x.id)).toEqual(['output-in-order', 'each-chunk-once', 'initializer-first', 'fixed-workers']);
      expect(r.result.workersStarted).toBe(size);
      expect(r.result.replaced).toBe(0);
      expect(r.output[0].text).toBe('Input   : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]');
      expect(r.output.at(-1)!.text).toBe('Pool    : [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]');
    }
  });

  // Issue 7, defect 1: a retired worker's exit notice could be lost when it arrived with the
  // spawn reply of its replacement, and the pool then hung or replaced too few workers.
  it(`with maxTasksPerChild=2 no worker runs more than 2 tasks and fresh workers take over, ${REPEATS} runs out of ${REPEATS}`, async () => {
    const failures: string[] = [];
    let next = 0;
    // Two runs at a time on one host: the kernel's batches to a parent then interleave more.
    const lane = async (): Promise<void> => {
      while (next < REPEATS) {
        const i = next++;
        const r = await run(host, { scenario: 'pool-map', params: { inputs: 5, poolSize: 2, maxTasksPerChild: 2, timeUnitMs: 2, seed: i }, timeoutS: 20 });
        try {
          expectConsistent(r, 5);
          expect(r.invariants.map((x) => x.id)).toEqual(['output-in-order', 'each-chunk-once', 'initializer-first', 'max-tasks-per-child', 'retired-replaced']);
          expect(Math.max(...Object.values(r.result.tasksPerWorker as Record<string, number>))).toBeLessThanOrEqual(2);
          // 5 tasks, 2 first workers of at most 2 tasks each: at least one replacement had to run the last.
          expect(r.result.workersStarted as number).toBeGreaterThanOrEqual(3);
          expect(r.result.workersStarted as number).toBeLessThanOrEqual(4); // at most 2 workers can retire with 5 tasks
          expect(r.notes.join(' ')).toMatch(/Retired after 2 tasks: ForkPoolWorker-/);
        } catch (e) {
          failures.push(`seed ${i}: ${r.status}: ${(e as Error).message.split('\n')[0]}`);
        }
      }
    };
    await Promise.all([lane(), lane()]);
    expect(failures).toEqual([]);
  }, 240_000);

  it('a task is a chunk: 40 inputs on 2 workers go in chunks of 5, one chunk per worker with maxTasksPerChild=1', async () => {
    const r = await run(host, { scenario: 'pool-map', params: { inputs: 40, poolSize: 2, maxTasksPerChild: 1, timeUnitMs: 2, seed: 5 } });
    expectConsistent(r, 40);
    expect(r.result.chunksize).toBe(5);
    expect(Object.values(r.result.tasksPerWorker as Record<string, number>).every((n) => n <= 1)).toBe(true);
    expect(r.result.workersStarted as number).toBeGreaterThanOrEqual(8);
    expect(r.notes[0]).toBe("map() cut the 40 inputs into 8 chunks of 5 (Python's default chunksize): a task here is one chunk.");
  });

  it.each([
    ['inputs', 0, 'parameter "inputs": 0 is out of range; allowed: an integer from 1 to 100'],
    ['poolSize', 33, 'parameter "poolSize": 33 is out of range; allowed: an integer from 1 to 32'],
    ['maxTasksPerChild', -1, 'parameter "maxTasksPerChild": -1 is out of range; allowed: an integer from 0 to 20'],
    ['poolSize', 'four', 'parameter "poolSize": "four" is not an integer; allowed: an integer from 1 to 32'],
  ])('refuses %s=%j, naming the allowed range', (name, value, message) => {
    const r = host.start({ scenario: 'pool-map', params: { [name]: value } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
  });
});
