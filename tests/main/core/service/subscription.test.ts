// Coalescing and back-pressure of one subscriber, with real timers.
import { describe, expect, it } from 'vitest';
import type { Push } from '../../../../shared/contract';
import type { LabEvent } from '../../../../shared/events';
import { Subscription } from '../../../../main/core/service/subscription';

const ev = (seq: number): LabEvent => ({ seq, t: seq, pid: 1, ph: 'X', kind: 'op', call: seq });
const progress = () => ({ phase: 'running' as const, elapsedMs: 1, liveProcesses: 1, eventCount: 1 });

function subscriber(maxPending = 1000, from = 0) {
  const pushes: Push[] = [];
  const failures: Error[] = [];
  const s = new Subscription('s1', 'r1', from, (p) => pushes.push(p), progress, (e) => failures.push(e), 33, maxPending);
  return { s, pushes, failures };
}
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Subscription', () => {
  it('coalesces many batches into one push per frame interval', async () => {
    const { s, pushes } = subscriber();
    for (let i = 1; i <= 300; i++) s.add([ev(i)]);
    await tick(80);
    const batches = pushes.filter((p) => p.type === 'events');
    expect(batches.length).toBe(1);
    expect(batches[0].type === 'events' && batches[0].events.length).toBe(300);
  });

  it('tells a subscriber that fell behind which seqs it missed, then goes on without a hole', async () => {
    const { s, pushes } = subscriber(100);
    for (let i = 1; i <= 250; i++) s.add([ev(i)]);
    s.add([ev(251), ev(252)]);
    s.flush();
    const gap = pushes.find((p) => p.type === 'gap');
    expect(gap).toMatchObject({ fromSeq: 1, toSeq: 202 });
    const after = pushes.filter((p) => p.type === 'events').flatMap((p) => (p.type === 'events' ? p.events.map((e) => e.seq) : []));
    expect(after).toEqual(Array.from({ length: 50 }, (_, i) => 203 + i));
    s.close();
  });

  it('skips what it already had and names a hole in what it is given', () => {
    const { s, pushes } = subscriber(1000, 10);
    s.add([ev(9), ev(10), ev(11)]);
    s.add([ev(15)]);
    s.flush();
    expect(pushes.filter((p) => p.type !== 'status')).toEqual([
      { type: 'events', subscription: 's1', runId: 'r1', events: [ev(11)] },
      { type: 'gap', subscription: 's1', runId: 'r1', fromSeq: 12, toSeq: 14 },
      { type: 'events', subscription: 's1', runId: 'r1', events: [ev(15)] },
    ]);
  });

  it('is cut off when its listener throws, and pushes nothing more', () => {
    const failures: Error[] = [];
    let calls = 0;
    const s = new Subscription('s1', 'r1', 0, () => { calls++; throw new Error('gone'); }, progress, (e) => failures.push(e));
    s.add([ev(1)]);
    s.flush();
    s.add([ev(2)]);
    s.flush();
    expect(calls).toBe(1);
    expect(failures.map((e) => e.message)).toEqual(['gone']);
  });
});
