import { afterAll, describe, expect, it } from 'vitest';
import { newHost, probe } from '../../../../support/lab-host';

const host = newHost();
/** Probes whose order depends on children blocking in turn get roomy time units. */
const ORDERED_UNIT_MS = 100;
afterAll(() => host.close());

describe('Lock', () => {
  it('hands the lock to blocked acquirers in the order they asked', async () => {
    const { report } = await probe(host, 'lock-fifo', ORDERED_UNIT_MS);
    expect(report.status).toBe('completed');
    expect(report.result.order).toEqual(['A', 'B', 'C']);
  });

  it('answers false without blocking or after a timeout, and refuses to release an unheld lock', async () => {
    const { report } = await probe(host, 'lock-timeout', ORDERED_UNIT_MS);
    expect(report.result).toEqual({ nonBlocking: false, timed: false, afterRelease: true, releaseUnheld: 'ValueError' });
  });

  it('stays held when its owner exits, and the hang report says so', async () => {
    const { report } = await probe(host, 'lock-orphaned');
    expect(report.status).toBe('hung');
    const careless = report.processes.find((p) => p.name === 'careless')!;
    expect(report.hang?.orphanedLocks).toEqual([{ obj: 'lock', ownerPid: careless.pid }]);
    expect(report.hang?.summary).toContain('exited without releasing it');
    expect(report.hang?.blocked.map((b) => [b.name, b.op, b.obj])).toEqual([['MainProcess', 'acquire', 'lock']]);
  });
});

describe('Semaphore', () => {
  it('never lets more than its value in, and a bounded one refuses an extra release', async () => {
    const { report, record } = await probe(host, 'semaphore-bound');
    expect(report.status).toBe('completed');
    const inside = record.ops('inside').map((e) => e.state?.size ?? 0);
    expect(Math.max(...inside)).toBe(2);
    expect(Math.min(...record.ops('sem').map((e) => e.state?.value ?? 0))).toBe(0);
    expect(report.result).toEqual({ boundedOver: 'ValueError', value: 2 });
  });
});

describe('Condition', () => {
  it('notify(1) wakes the first waiter; notify_all the rest; wait needs the lock; a timed wait returns false', async () => {
    const { report, record } = await probe(host, 'condition', ORDERED_UNIT_MS);
    expect(report.status).toBe('completed');
    expect(report.result).toEqual({ afterNotifyOne: ['A'], afterNotifyAll: ['A', 'B', 'C'], waitUnheld: 'RuntimeError', timedWait: false });
    const notifyAll = record.ops('cond', 'notify_all')[0];
    const appends = record.ops('woke', 'append');
    expect(appends.slice(1).every((e) => e.seq > notifyAll.seq)).toBe(true);
  });
});
