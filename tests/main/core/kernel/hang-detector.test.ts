import { afterAll, describe, expect, it } from 'vitest';
import { newHost, probe, survivors } from '../../../support/lab-host';

const host = newHost();
afterAll(() => host.close());

describe('hang detection', () => {
  it('ends a deadlocked run "hung" and names the cycle', async () => {
    const { report } = await probe(host, 'deadlock');
    expect(report.status).toBe('hung');
    const ab = report.processes.find((p) => p.name === 'ab')!.pid;
    const ba = report.processes.find((p) => p.name === 'ba')!.pid;
    expect(new Set(report.hang!.cycle)).toEqual(new Set([ab, ba]));
    expect(report.hang!.blocked).toEqual(expect.arrayContaining([
      expect.objectContaining({ name: 'ab', op: 'acquire', obj: 'B', waitsFor: [ba] }),
      expect.objectContaining({ name: 'ba', op: 'acquire', obj: 'A', waitsFor: [ab] }),
    ]));
    expect(report.hang!.summary).toContain('Deadlock');
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);
  });

  it('ends a run with a missing wake-up "hung", naming who waits on what, with no cycle', async () => {
    const { report } = await probe(host, 'missing-wakeup');
    expect(report.status).toBe('hung');
    expect(report.hang!.cycle).toEqual([]);
    expect(report.hang!.blocked.map((b) => [b.name, b.op, b.obj])).toEqual(expect.arrayContaining([
      ['waiter', 'wait', 'never'],
      ['MainProcess', 'join', expect.stringMatching(/^proc:/)],
    ]));
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);
  });

  it('does not call a run hung while a timed wait is pending', async () => {
    const { report } = await probe(host, 'event');
    expect(report.status).toBe('completed');
  });
});
