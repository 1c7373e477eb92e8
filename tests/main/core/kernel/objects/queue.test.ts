import { errorOf } from '../../../../../shared/event-values';
import { afterAll, describe, expect, it } from 'vitest';
import { blockedMs, newHost, probe } from '../../../../support/lab-host';

const host = newHost();
/** Probes whose order depends on children blocking in turn get roomy time units. */
const ORDERED_UNIT_MS = 100;
afterAll(() => host.close());

describe('Queue', () => {
  it('hands items out in order and serves blocked getters first come, first served', async () => {
    const { report } = await probe(host, 'queue-fifo', ORDERED_UNIT_MS);
    expect(report.status).toBe('completed');
    expect(report.result.order).toEqual([1, 2, 3, 4, 5]);
    expect([report.result['got-A'], report.result['got-B'], report.result['got-C']]).toEqual(['x', 'y', 'z']);
  });

  it('raises Empty and Full without blocking, and after a timeout measured on the kernel clock', async () => {
    const { report, record } = await probe(host, 'queue-timeouts', 20);
    expect(report.result).toMatchObject({ nowaitEmpty: 'Empty', timeoutEmpty: 'Empty', fullFlag: true, nowaitFull: 'Full', timeoutFull: 'Full', qsize: 1, empty: true });
    const main = report.processes[0].pid;
    const [getWait] = blockedMs(record, main, 'q', 'get');
    const [putWait] = blockedMs(record, main, 'b', 'put');
    expect(getWait).toBeGreaterThanOrEqual(60);   // 3 units of 20 ms
    expect(getWait).toBeLessThan(60 + 150);
    expect(putWait).toBeGreaterThanOrEqual(40);   // 2 units
    expect(putWait).toBeLessThan(40 + 150);
  });

  it('blocks a producer on a full bounded queue until the consumer makes room', async () => {
    const { report, record } = await probe(host, 'queue-bounded');
    expect(report.status).toBe('completed');
    expect(report.result.consumed).toEqual([0, 1, 2, 3, 4]);
    const main = report.processes.find((p) => p.program === 'main')!.pid;
    expect(blockedMs(record, main, 'q', 'put').length).toBeGreaterThan(0);
    const sizes = record.ops('q').map((e) => e.state?.size ?? 0);
    expect(Math.max(...sizes)).toBe(2);
  });

  it('carries JSON values and lab objects, and refuses anything else in the sender', async () => {
    const { report } = await probe(host, 'travel');
    expect(report.result.plain).toEqual({ list: [1, 'two', null, true], nested: { x: 1.5 } });
    expect(report.result.viaTravelledHandle).toBe('through a queue that travelled');
    expect(report.result.map).toMatch(/a Map cannot travel between processes; send strings, numbers/);
    expect(report.result.function).toMatch(/a function cannot travel/);
    expect(report.result.nan).toMatch(/NaN cannot travel between processes: numbers must be finite/);
    expect(report.result.sizeAfter).toBe(0);
  });
});

describe('JoinableQueue', () => {
  it('returns from join() only after every task_done(), and refuses one too many', async () => {
    const { report, record } = await probe(host, 'joinable');
    expect(report.status).toBe('completed');
    const doneEvents = record.ops('jq', 'task_done').filter((e) => !errorOf(e));
    expect(doneEvents).toHaveLength(9);
    const joinEnd = record.events.find((e) => e.obj === 'jq' && e.op === 'join' && (e.ph === 'E' || e.ph === 'X'))!;
    expect(joinEnd.seq).toBeGreaterThan(doneEvents[doneEvents.length - 1].seq);
    expect(joinEnd.state?.unfinished).toBe(0);
    expect(report.result.tooMany).toBe('ValueError');
  });
});
