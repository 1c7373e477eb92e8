// The service over real processes and a real history file: start, watch, stop, read back.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Push } from '../../../../shared/contract';
import type { LabEvent } from '../../../../shared/events';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import { LabService } from '../../../../main/core/service/lab-service';
import { survivors } from '../../../support/lab-host';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-service-'));
const logged: string[] = [];
const service = new LabService({ port: new NodeForkPort(), history: { file: path.join(dir, 'lab.sqlite') }, warmWorkers: 2, log: (l) => logged.push(l) });
afterAll(() => service.close());

function started(args: Parameters<LabService['start']>[0], svc = service): string {
  const r = svc.start(args);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.runId;
}

/** Collects a subscription's pushes until its 'ended'. */
function watch(runId: string, fromSeq = 0, svc = service): Promise<Push[]> {
  return new Promise((resolve, reject) => {
    const pushes: Push[] = [];
    const sub = svc.subscribe(runId, fromSeq, (p) => { pushes.push(p); if (p.type === 'ended') resolve(pushes); });
    if (!sub.ok) reject(new Error(sub.error.message));
  });
}

const eventsOf = (pushes: Push[]): LabEvent[] => pushes.flatMap((p) => (p.type === 'events' ? p.events : []));

describe('LabService', () => {
  it('says when a run\'s clock started, once its processes were prepared, in the live report and the stored one', async () => {
    const runId = started({ scenario: 'fork-loop', params: { iterations: 5, timeUnitMs: 10, seed: 1 } });
    const pushes = await watch(runId);
    const ended = pushes.find((p) => p.type === 'ended')!;
    if (ended.type !== 'ended') throw new Error('no end');
    const { startedAt, clockStartedAt } = ended.report;
    expect(clockStartedAt).toBeDefined();
    // The request came first; the clock starts once every process the run needs is ready.
    expect(Date.parse(clockStartedAt!)).toBeGreaterThanOrEqual(Date.parse(startedAt));
    const stored = await service.run(runId);
    if (!stored.ok) throw new Error(stored.error.message);
    expect(stored.value.clockStartedAt).toBe(clockStartedAt);
  });

  it('lists the scenarios with machine-dependent defaults resolved to numbers', () => {
    const r = service.scenarios();
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.slice(0, 3).map((s) => s.id)).toEqual(['fork-loop', 'semaphore-pool', 'manager-namespace']);
    const consumers = r.value.find((s) => s.id === 'task-queue')!.params.find((p) => p.name === 'consumers')!;
    expect(consumers.default).toBeTypeOf('number');
    expect(consumers).toHaveProperty('machineDefault');
  });

  it('pushes every event of a run in order, without a gap, then its end with the stored report', async () => {
    const runId = started({ scenario: 'semaphore-pool', params: { timeUnitMs: 10 } });
    const pushes = await watch(runId);
    const events = eventsOf(pushes);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    expect(pushes.some((p) => p.type === 'gap')).toBe(false);
    expect(pushes.some((p) => p.type === 'status')).toBe(true);
    const end = pushes[pushes.length - 1];
    expect(end.type).toBe('ended');
    if (end.type !== 'ended') return;
    expect(end.report.eventCount).toBe(events.length);
    const stored = await service.run(runId);
    expect(stored.ok && stored.value.status).toBe(end.report.status);
    // Coalesced: far fewer pushes than the kernel's batches.
    expect(pushes.filter((p) => p.type === 'events').length).toBeLessThan(events.length / 5);
  });

  it('gives a subscriber that joins mid-run exactly the events after the seq it names', async () => {
    const runId = started({ scenario: 'producer-consumer', params: { timeUnitMs: 5, seed: 3 } });
    const all = watch(runId);
    // Join once the run has recorded some events.
    const fromSeq = await new Promise<number>((resolve) => {
      const probe = service.subscribe(runId, 0, (p) => {
        if (p.type === 'events' && p.events.length && p.events[p.events.length - 1].seq >= 40) { if (probe.ok) probe.value.unsubscribe(); resolve(37); }
      });
    });
    const late = eventsOf(await watch(runId, fromSeq));
    const everything = eventsOf(await all);
    expect(late[0].seq).toBe(fromSeq + 1);
    expect(late).toEqual(everything.filter((e) => e.seq > fromSeq));
  });

  it('cuts off a subscriber that throws, and serves the others and the run', async () => {
    const runId = started({ scenario: 'manager-namespace', params: { timeUnitMs: 5 } });
    service.subscribe(runId, 0, () => { throw new Error('a broken window'); });
    const pushes = await watch(runId);
    expect(pushes[pushes.length - 1].type).toBe('ended');
    expect(logged.join('\n')).toMatch(/cut off: a broken window/);
  });

  it('stops a run: status stopped, and none of its processes is left', async () => {
    const runId = started({ scenario: 'fork-loop', params: { intervalUnits: 10, timeUnitMs: 1000 } });
    await new Promise((r) => setTimeout(r, 300));
    const r = await service.stop(runId);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.status).toBe('stopped');
    expect(await survivors(r.value.processes.map((p) => p.pid))).toEqual([]);
  });

  it('lists a run going on, stops it by its id, and answers a late stop with the report it kept', async () => {
    const runId = started({ scenario: 'fork-loop', params: { intervalUnits: 10, timeUnitMs: 1000 } });
    const live = service.liveRuns();
    expect(live.ok && live.value.find((r) => r.runId === runId)).toMatchObject({ scenario: 'fork-loop' });
    const stopped = await service.stop(runId);
    expect(stopped).toMatchObject({ ok: true, value: { runId, status: 'stopped' } });
    const after = service.liveRuns();
    expect(after.ok && after.value.map((r) => r.runId)).not.toContain(runId);
    expect(await service.stop(runId)).toEqual(stopped);
    expect(await service.run(runId)).toMatchObject({ ok: true, value: { status: 'stopped' } });
  });

  it('answers with data, never a throw: unknown runs and scenarios', async () => {
    expect(service.start({ scenario: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(service.start({ scenario: 'fork-loop', params: { iterations: 0 } })).toMatchObject({ ok: false, error: { code: 'bad-param' } });
    expect(await service.run('no-such-run')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await service.stop('no-such-run')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(service.subscribe('no-such-run', 0, () => {})).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await service.delete(['no-such-run'])).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('LabService.prepare', () => {
  // A service of its own: no run of another test may be holding the pool when it prepares.
  const own = new LabService({ port: new NodeForkPort(), history: null, warmWorkers: 2 });
  afterAll(() => own.close());

  it('prepares the workers a run of given values needs, and refuses values it could not start, naming them', async () => {
    // whoami with 8 children: 10 processes (the parent, the child it joins, the 8).
    // It answers once they are ready.
    expect(await own.prepare({ scenario: 'whoami', params: { children: 8 } })).toEqual({ ok: true, value: { workers: 10 } });
    expect(await own.prepare({ scenario: 'nope' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    const bad = await own.prepare({ scenario: 'fork-loop', params: { iterations: 0 } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad-param' } });
    if (!bad.ok) expect(bad.error.message).toMatch(/iterations/);
    // A run finds all ten at once: it never says it holds fewer.
    const pushes = await watch(started({ scenario: 'whoami', params: { children: 8, timeUnitMs: 5 } }, own), 0, own);
    const preparing = pushes.flatMap((p) => (p.type === 'status' && p.phase === 'preparing' ? [[p.prepared, p.needed]] : []));
    expect(preparing.length).toBeGreaterThan(0);
    expect(preparing).toEqual(preparing.map(() => [10, 10]));
  });
});

describe('LabService without a usable history', () => {
  it('refuses to start a run it could not keep, and starts nothing', async () => {
    const notAFolder = path.join(dir, 'a-file');
    (await import('node:fs')).writeFileSync(notAFolder, 'x');
    const broken = new LabService({ port: new NodeForkPort(), history: { file: path.join(notAFolder, 'lab.sqlite') }, warmWorkers: 0 });
    try {
      const r = broken.start({ scenario: 'fork-loop' });
      expect(r).toMatchObject({ ok: false, error: { code: 'store' } });
      expect(broken.liveRuns()).toEqual({ ok: true, value: [] });
    } finally {
      await broken.close();
    }
  });
});
