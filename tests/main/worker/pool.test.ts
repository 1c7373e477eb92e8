import { returned } from '../../../shared/event-values';
import { afterAll, describe, expect, it } from 'vitest';
import { runLab } from '../../../main/bench/lab-side';
import { measureJson } from '../../../main/protocol/json-size';
import { MAX_ITEM_BYTES } from '../../../main/protocol/limits';
import { chunksOf, defaultChunksize } from '../../../main/worker/pool';
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
    const tasksOf = (pid: number) => record.events.filter((e) => e.pid === pid && e.op === 'get' && (e.ph === 'X' || e.ph === 'E') && returned(e) !== null && returned(e) !== undefined).length;
    for (const w of workers) expect(tasksOf(w.pid)).toBeLessThanOrEqual(2);
    // The initializer printed once per worker.
    for (const w of workers) expect(record.prints(w.pid).map((e) => e.text)).toEqual([`Starting ${w.name}`]);
  });

  it('keeps Python\'s chunks when they can travel, and halves those that could not (MAX_ITEM_BYTES)', () => {
    const small = Array.from({ length: 100 }, (_, i) => i);
    expect(chunksOf(small, defaultChunksize(100, 4)).map((c) => c.length)).toEqual(Array(14).fill(7).concat([2]));
    const big = Array.from({ length: 100_000 }, (_, i) => i);
    const chunks = chunksOf(big, defaultChunksize(big.length, 2));
    expect(chunks.flat()).toEqual(big);
    for (const c of chunks) expect(measureJson(c, Infinity, 64, true).bytes).toBeLessThan(MAX_ITEM_BYTES);
    expect(chunks.length).toBeGreaterThan(8);
  });

  it('maps 100,000 inputs on 2 workers although a chunk and its results pass MAX_ITEM_BYTES (results come back in parts)', async () => {
    // pool-map-100k checks the whole output itself and throws when it is wrong.
    const r = await runLab(host, 'pool-map-100k', 100_000, 2);
    expect(r.m.ops).toBe(100_000);
  });
});
