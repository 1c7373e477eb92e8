import { afterAll, describe, expect, it } from 'vitest';
import { newHost, probe } from '../../support/lab-host';

const host = newHost();
afterAll(() => host.close());

describe('Pool', () => {
  it('maps in input order, runs the initializer in each worker, and retires workers after maxTasksPerChild', async () => {
    const { report, record } = await probe(host, 'pool');
    expect(report.status).toBe('completed');
    expect(report.result.output).toEqual([0, 2, 4, 6, 8, 10, 12, 14, 16, 18]);
    const workers = report.processes.filter((p) => p.program === '$pool-worker');
    // 10 one-item chunks, at most 2 per worker: at least 5 workers, so replacements were started.
    expect(workers.length).toBeGreaterThanOrEqual(5);
    // Each worker took at most 2 tasks from the task queue (its final get may be the pill).
    const tasksOf = (pid: number) => record.events.filter((e) => e.pid === pid && e.op === 'get' && (e.ph === 'X' || e.ph === 'E') && e.res !== 'null').length;
    for (const w of workers) expect(tasksOf(w.pid)).toBeLessThanOrEqual(2);
    // The initializer printed once per worker.
    for (const w of workers) expect(record.prints(w.pid).map((e) => e.text)).toEqual([`Starting ${w.name}`]);
  });
});
