// Replay through the service's door, as the app asks for it: events windows and chart data of
// runs kept in a real history, through LabService, through the RequestRouter (every answer
// checked against the contract), and over HTTP from the browser shell. The state a window
// starts from is the one a live viewer's model had reached: the pushed events folded up to it.
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  REQUESTS, chartBucketSchema, eventsPageSchema, runTablesSchema, type ChartBucket, type ClientSession, type EventsPage, type Push,
  type RunTables,
} from '../../../../shared/contract';
import type { LabEvent } from '../../../../shared/events';
import { LiveModel } from '../../../../shared/live';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import { LabService } from '../../../../main/core/service/lab-service';
import { RequestRouter } from '../../../../main/core/service/request-router';
import { KEYFRAME_EVERY } from '../../../../main/core/store/run-folder';
import { startShell, type Shell } from '../../../renderer/support/shell';
import { clocks, expectedSlice } from '../store/replay-reference';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-replay-service-'));
const file = path.join(dir, 'lab.sqlite');
const V1_FIXTURE = path.join(__dirname, '../store/fixtures/history-v1.db');
const services: LabService[] = [];
function open(history: ConstructorParameters<typeof LabService>[0]['history']): LabService {
  const s = new LabService({ port: new NodeForkPort(), history, warmWorkers: 2 });
  services.push(s);
  return s;
}
afterAll(async () => { for (const s of services) await s.close(); });

const service = open({ file });
const router = new RequestRouter(service, { exports: { open: async () => null }, checkAnswers: true });
const session: ClientSession = { push: () => {}, onClose: () => {} };

interface Watched { runId: string; pushed: LabEvent[] }
const runs: Record<string, Watched> = {};

/** Starts a run and watches it to its end, keeping every event pushed to the viewer. */
async function watch(scenario: string, params: Record<string, number | string | boolean>): Promise<Watched> {
  const started = service.start({ scenario, params });
  if (!started.ok) throw new Error(started.error.message);
  const runId = started.value.runId;
  const pushed: LabEvent[] = [];
  await new Promise<void>((resolve) => {
    const sub = service.subscribe(runId, 0, (p: Push) => {
      if (p.type === 'events') pushed.push(...p.events);
      if (p.type === 'ended') resolve();
    });
    if (!sub.ok) throw new Error(sub.error.message);
  });
  const done = await service.finished(runId);
  if (!done.ok) throw new Error(done.error.message);
  // The viewer saw every event, none twice: what it folded is the whole run.
  expect(pushed.map((e) => e.seq)).toEqual(pushed.map((_, i) => i + 1));
  expect(pushed).toHaveLength(done.value.eventCount);
  return { runId, pushed };
}

const value = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

beforeAll(async () => {
  // Past two keyframes (the default interval), and a few small catalogue runs.
  runs.flood = await watch('bench', { metric: 'event-flood', n: 10_000, procs: 1 });
  runs.semaphore = await watch('semaphore-pool', { jobs: 8, slots: 3, holdMaxUnits: 4, timeUnitMs: 5, seed: 3 });
  runs.condition = await watch('condition', { timeUnitMs: 5, seed: 3 });
}, 300_000);

describe('LabService.events', () => {
  it.each(['flood', 'semaphore', 'condition'])('starts a window from the state a live viewer had reached just before it (%s)', async (name) => {
    const { runId, pushed } = runs[name];
    if (name === 'flood') expect(pushed.length).toBeGreaterThan(2 * KEYFRAME_EVERY);
    const clock = clocks(pushed);
    const last = clock.at(-1)!;
    for (let i = 0; i <= 12; i++) {
      const fromUs = Math.round((last * i) / 12) + (i % 3); // off the grid too
      const toUs = fromUs + last / 10;
      const page = value(await service.events(runId, { fromUs, toUs }));
      expect(eventsPageSchema.safeParse(page).error).toBeUndefined();
      const first = clock.findIndex((c) => c >= fromUs);
      const start = first < 0 ? pushed.length : first;
      const past = clock.findIndex((c) => c > toUs);
      const want = pushed.slice(start, past < 0 ? pushed.length : past);
      expect(page.events).toEqual(want.slice(0, 20_000));
      expect(page.more).toBe(want.length > 20_000);
      const viewer = new LiveModel();
      viewer.fold(pushed.slice(0, start));
      expect(page.stateAtStart, `${name}, window from ${fromUs} µs`).toEqual(viewer.snapshot());
    }
  });

  it('never cuts a window silently: pages of `limit` events, each asked from the last seq, give the whole window', async () => {
    const { runId, pushed } = runs.flood;
    const clock = clocks(pushed);
    const fromUs = clock[3000];
    const toUs = clock[17_000];
    const got: LabEvent[] = [];
    let page: EventsPage = value(await service.events(runId, { fromUs, toUs, limit: 4000 }));
    got.push(...page.events);
    while (page.more) {
      expect(page.events).toHaveLength(4000);
      page = value(await service.events(runId, { fromSeq: page.events.at(-1)!.seq + 1, toUs, limit: 4000 }));
      got.push(...page.events);
    }
    const past = clock.findIndex((c) => c > toUs);
    expect(got).toEqual(pushed.slice(clock.findIndex((c) => c >= fromUs), past < 0 ? pushed.length : past));
  });

  it('answers a run still going with what it has recorded so far', async () => {
    const started = value(service.start({ scenario: 'fork-loop', params: { intervalUnits: 10, timeUnitMs: 200 } }));
    const pushed: LabEvent[] = [];
    const sub = value(service.subscribe(started.runId, 0, (p) => { if (p.type === 'events') pushed.push(...p.events); }));
    const deadline = Date.now() + 60_000;
    while (pushed.length < 8 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const seen = pushed.length;
    expect(seen).toBeGreaterThanOrEqual(8);
    const page = value(await service.events(started.runId, { fromSeq: 1 }));
    expect(page.events.slice(0, seen)).toEqual(pushed.slice(0, seen));
    const mid = value(await service.events(started.runId, { fromSeq: 5 }));
    const viewer = new LiveModel();
    viewer.fold(pushed.slice(0, 4));
    expect(mid.stateAtStart).toEqual(viewer.snapshot());
    const chart = value(await service.chart(started.runId, 0, pushed[seen - 1].t, 3));
    expect(chart.reduce((n, b) => n + b.ops, 0)).toBeGreaterThanOrEqual(pushed.slice(0, seen).filter((e) => e.kind === 'op').length);
    sub.unsubscribe();
    expect(value(await service.stop(started.runId)).status).toBe('stopped');
  }, 90_000);

  it('says what is wrong: an unknown run, a window that ends before it starts, a lab that keeps no history', async () => {
    expect(await service.events('no-such-run', {})).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('no run "no-such-run"') } });
    expect(await service.events(runs.semaphore.runId, { fromUs: 50, toUs: 10 })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/window\.fromUs \(50\) is after window\.toUs \(10\)/) } });
    expect(await service.events(runs.semaphore.runId, { fromSeq: 9, toSeq: 3 })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/window\.fromSeq \(9\) is after window\.toSeq \(3\)/) } });
    const none = open(null);
    expect(await none.events(runs.semaphore.runId, {})).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(await none.chart(runs.semaphore.runId, 0, 10, 1)).toMatchObject({ ok: false, error: { code: 'unavailable' } });
  });
});

describe('LabService.chart', () => {
  it('merges the stored buckets into slices with min, max and last per field, as the events say', async () => {
    const { runId, pushed } = runs.semaphore;
    const clock = clocks(pushed);
    const last = clock.at(-1)!;
    for (const [fromUs, toUs, n] of [[0, last, 1], [0, last, 40], [last / 4, last / 2, 6]]) {
      const chart = value(await service.chart(runId, fromUs, toUs, n));
      expect(chart.length).toBeLessThanOrEqual(n);
      expect(chart[0].fromUs).toBeLessThanOrEqual(fromUs);
      expect(chart.at(-1)!.toUs).toBeGreaterThanOrEqual(toUs);
      chart.forEach((b) => {
        expect(chartBucketSchema.safeParse(b).error).toBeUndefined();
        expect({ ops: b.ops, objects: b.objects }).toEqual(expectedSlice(pushed, clock, b.fromUs, b.toUs));
      });
    }
    const [whole] = value(await service.chart(runId, 0, last, 1));
    expect(whole.objects.slots.value).toMatchObject({ max: 3, last: 3 });
    expect(whole.objects.slots.value!.min).toBeLessThan(3);
  });

  it('says what is wrong: an unknown run, a window that ends before it starts', async () => {
    expect(await service.chart('no-such-run', 0, 10, 5)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await service.chart(runs.semaphore.runId, 10, 5, 5)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/fromUs \(10\) is after toUs \(5\)/) } });
  });
});

describe('LabService.tables', () => {
  it('gives every process and object of a run, whatever window is drawn: objects with their limits, as their create events said', async () => {
    for (const name of ['flood', 'semaphore', 'condition']) {
      const { runId, pushed } = runs[name];
      const tables = value(await service.tables(runId));
      expect(runTablesSchema.safeParse(tables).error).toBeUndefined();
      const byPid = (ps: RunTables['processes']) => [...ps].sort((a, b) => a.pid - b.pid);
      expect(byPid(tables.processes)).toEqual(byPid(value(await service.run(runId)).processes));
      expect(tables.objects).toEqual(pushed.filter((e) => e.op === 'create' && e.object).map((e) => ({ info: e.object, createdSeq: e.seq, createdUs: e.t })));
    }
    const sem = value(await service.tables(runs.semaphore.runId));
    expect(sem.objects[0].info).toMatchObject({ kind: 'Semaphore', label: 'slots', initial: 3 });
    const cond = value(await service.tables(runs.condition.runId));
    const lock = cond.objects.find((o) => o.info.kind === 'Condition')!.info.lock;
    expect(cond.objects.find((o) => o.info.label === lock)?.info).toMatchObject({ kind: 'Lock', partOf: expect.any(String) });
    expect(await service.tables('no-such-run')).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('of a run still going: the processes started so far, none ended yet, and its objects', async () => {
    const started = value(service.start({ scenario: 'fork-loop', params: { intervalUnits: 10, timeUnitMs: 300 } }));
    const pushed: LabEvent[] = [];
    const sub = value(service.subscribe(started.runId, 0, (p) => { if (p.type === 'events') pushed.push(...p.events); }));
    const deadline = Date.now() + 60_000;
    while (pushed.filter((e) => e.life === 'created').length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const tables = value(await service.tables(started.runId));
    const created = pushed.filter((e) => e.life === 'created').map((e) => e.pid);
    expect(created.length).toBeGreaterThanOrEqual(2);
    expect(tables.processes.map((p) => p.pid)).toEqual(expect.arrayContaining(created));
    expect(tables.processes.find((p) => p.pid === created[0])).toMatchObject({ exitCode: null, endMs: null });
    sub.unsubscribe();
    await service.stop(started.runId);
  }, 90_000);
});

describe('through the RequestRouter', () => {
  it('answers events and chart as the contract says (answers checked too)', async () => {
    const { runId, pushed } = runs.condition;
    const page = value(await router.handle('events', { runId, window: { fromSeq: 10, limit: 7 } }, session)) as EventsPage;
    expect(page.events).toEqual(pushed.slice(9, 16));
    expect(page.more).toBe(true);
    expect(REQUESTS.events.result.safeParse(page).error).toBeUndefined();
    expect(value(await router.handle('tables', { runId }, session))).toEqual(value(await service.tables(runId)));
    const chart = value(await router.handle('chart', { runId, fromUs: 0, toUs: pushed.at(-1)!.t, buckets: 16 }, session)) as ChartBucket[];
    expect(chart.reduce((n, b) => n + b.ops, 0)).toBe(pushed.filter((e) => e.kind === 'op').length);
  });

  it('refuses malformed windows before the service sees them, naming the field', async () => {
    const { runId } = runs.condition;
    const refused = async (name: string, args: unknown, field: RegExp) => {
      expect(await router.handle(name, args, session)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(field) } });
    };
    await refused('events', { runId, window: { fromUs: -1 } }, /^events: window\.fromUs: /);
    await refused('events', { runId, window: { from: 3 } }, /^events: window has unknown field from/);
    await refused('events', { runId, window: { limit: 200_001 } }, /^events: window\.limit: /);
    await refused('events', { runId }, /^events: window: /);
    await refused('chart', { runId, fromUs: 0, toUs: 10, buckets: 0 }, /^chart: buckets: /);
    await refused('chart', { runId, fromUs: 0, toUs: 10, buckets: 2.5 }, /^chart: buckets: /);
    await refused('chart', { runId, fromUs: 0, buckets: 5 }, /^chart: toUs: /);
  });
});

describe('from the browser shell', () => {
  let shell: Shell;
  beforeAll(async () => {
    // A format-1 history (a real one, fixtures/README.md) that the shell adds a run of its own to.
    const v1 = path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-replay-shell-')), 'lab.sqlite');
    copyFileSync(V1_FIXTURE, v1);
    shell = await startShell(['--db', v1], { db: null });
  }, 60_000);
  afterAll(async () => { await shell?.stop(); });

  it('serves events windows and charts of a run it kept and of a format-1 run, answers checked against the contract', async () => {
    const started = value(await shell.api<{ runId: string }>('start', { scenario: 'lock', params: { timeUnitMs: 5, seed: 3 } }));
    const deadline = Date.now() + 60_000;
    let ended = false;
    while (!ended && Date.now() < deadline) {
      const live = value(await shell.api<{ runId: string }[]>('live'));
      ended = !live.some((r) => r.runId === started.runId) && (await shell.api('run', { runId: started.runId })).ok;
      if (!ended) await new Promise((r) => setTimeout(r, 50));
    }
    expect(ended).toBe(true);
    const history = value(await shell.api<{ runs: { runId: string; scenario: string; eventCount: number }[] }>('history', { limit: 100 }));
    const v1Lock = history.runs.find((r) => r.scenario === 'lock' && r.runId !== started.runId)!;
    for (const r of [history.runs.find((x) => x.runId === started.runId)!, v1Lock]) {
      const whole = value(await shell.api<EventsPage>('events', { runId: r.runId, window: {} }));
      expect(whole.events).toHaveLength(r.eventCount);
      expect(whole.more).toBe(false);
      const fromSeq = Math.floor(r.eventCount / 2);
      const page = value(await shell.api<EventsPage>('events', { runId: r.runId, window: { fromSeq } }));
      const viewer = new LiveModel();
      viewer.fold(whole.events.slice(0, fromSeq - 1));
      expect(page.stateAtStart, r.runId).toEqual(viewer.snapshot());
      expect(page.stateAtStart.objects.some((o) => o.info.kind === 'Lock')).toBe(true);
      const chart = value(await shell.api<ChartBucket[]>('chart', { runId: r.runId, fromUs: 0, toUs: whole.events.at(-1)!.t, buckets: 10 }));
      const clock = clocks(whole.events);
      for (const b of chart) expect({ ops: b.ops, objects: b.objects }).toEqual(expectedSlice(whole.events, clock, b.fromUs, b.toUs));
      expect(chart.some((b) => Object.values(b.objects).some((o) => o.owner !== undefined && o.owner.max > 0))).toBe(true);
      const tables = value(await shell.api<RunTables>('tables', { runId: r.runId }));
      expect(tables.objects.map((o) => o.info.kind)).toContain('Lock');
      expect(tables.processes.length).toBeGreaterThanOrEqual(2);
    }
    expect(await shell.api('events', { runId: 'nope', window: {} })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(shell.stderr()).not.toMatch(/does not match the contract/);
  }, 120_000);
});
