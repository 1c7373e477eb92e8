// What a replay needs from the history, on real runs kept in real files: chart buckets with
// min, max and last per field, merged correctly into any slices; the object and process tables
// written as a run goes; and windows of events whose stateAtStart is exactly what folding
// every event from the run's start gives, read from keyframes, with pages that give every
// event exactly once.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../../shared/events';
import type { RunReport } from '../../../../shared/run-report';
import { RunStore } from '../../../../main/core/store/run-store';
import { newHost, startRun } from '../../../support/lab-host';
import { clocks, expectedSlice, reference } from './replay-reference';

const host = newHost(4);
const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-replay-'));
const file = path.join(dir, 'lab.sqlite');
/** A small interval, so that a run of a few thousand events has many keyframes. */
const EVERY = 10;
let store: RunStore;

interface Kept { report: RunReport; events: LabEvent[] }
const runs: Record<string, Kept> = {};
const NAMES = ['semaphore', 'producer-consumer', 'pipe', 'manager-dict', 'slow'];

async function keep(name: string, scenario: string, params: Record<string, number | string | boolean>): Promise<void> {
  const handle = startRun(host, { scenario, params: { timeUnitMs: 5, seed: 3, ...params } });
  const report = await store.record(handle);
  expect(handle.record.truncated).toBe(false);
  runs[name] = { report, events: handle.record.events };
}

beforeAll(async () => {
  store = RunStore.open(file, { keyframeEvery: EVERY });
  await keep('semaphore', 'semaphore-pool', { jobs: 12, slots: 3, holdMaxUnits: 4 });
  await keep('producer-consumer', 'producer-consumer', { ending: 'joinable', sleepMaxUnits: 2 });
  await keep('pipe', 'pipe', {});
  await keep('manager-dict', 'manager-dict', { workers: 8 });
  // Seconds long: the fold thread's model forgets history older than a second as it goes
  // (run-folder.ts), and its keyframes after that must still be whole.
  await keep('slow', 'semaphore-pool', { jobs: 8, slots: 2, holdMaxUnits: 4, timeUnitMs: 500 });
}, 300_000);
afterAll(async () => { await store.close(); await host.close(); });

describe('chart buckets', () => {
  it('keep min, max and last per field, merged into any slices: a semaphore\'s value, a lock\'s owner', () => {
    const { report, events } = runs.semaphore;
    const clock = clocks(events);
    const span = store.queries.timeSpan(report.runId)!;
    const lastClock = clock.at(-1)!;
    for (const [fromUs, toUs, slices] of [[0, lastClock, 1], [0, lastClock, 7], [0, lastClock, 300], [span.fromUs + 20_000, lastClock - 15_000, 5]]) {
      const chart = store.queries.chartWindow(report.runId, fromUs, toUs, slices);
      expect(chart.length).toBeLessThanOrEqual(slices);
      expect(chart[0].fromUs).toBeLessThanOrEqual(fromUs);
      expect(chart.at(-1)!.toUs).toBeGreaterThanOrEqual(toUs);
      chart.forEach((b, i) => {
        expect(b.fromUs % 10_000).toBe(0);
        if (i) expect(b.fromUs).toBe(chart[i - 1].toUs + 1);
        expect({ ops: b.ops, objects: b.objects }, `slice ${i} of ${slices}`).toEqual(expectedSlice(events, clock, b.fromUs, b.toUs));
      });
    }
    // What a max-only bucket could not say: the semaphore went down (its "in use" is its
    // initial value less its minimum) and was back at 3 at the end; the lock was held by a
    // process of the run, and ends free.
    const [whole] = store.queries.chartWindow(report.runId, 0, lastClock, 1);
    const slots = whole.objects.slots.value!;
    expect(slots.max).toBe(3);
    expect(slots.last).toBe(3);
    expect(slots.min).toBeLessThan(3);
    expect(slots.min).toBe(Math.min(...events.filter((e) => e.obj === 'slots' && e.state?.value !== undefined).map((e) => e.state!.value!)));
    const owner = whole.objects['active-lock'].owner!;
    expect(owner).toMatchObject({ min: 0, last: 0 });
    expect(report.processes.map((p) => p.pid)).toContain(owner.max);
  });
});

describe('keyframes and windows', () => {
  it.each(NAMES)('stateAtStart of a window at every seq of a real run is what folding every event before it gives (%s)', (name) => {
    const { report, events } = runs[name];
    expect(events.length).toBeGreaterThan(3 * EVERY);
    if (name === 'slow') expect(events.at(-1)!.t).toBeGreaterThan(2_500_000);
    const at = reference(events);
    for (let seq = 1; seq <= events.length + 1; seq++) {
      const page = store.queries.eventsPage(report.runId, { fromSeq: seq, limit: 3 })!;
      expect(page.stateAtStart, `window from seq ${seq}`).toEqual(at(seq));
      expect(page.events).toEqual(events.slice(seq - 1, seq + 2));
      expect(page.more).toBe(seq + 3 <= events.length);
    }
  });

  it('keeps a keyframe every N events, in the file', () => {
    const db = new Database(file, { readonly: true });
    const { report, events } = runs.semaphore;
    const rows = db.prepare('SELECT k.seq FROM keyframes k JOIN runs r ON r.no = k.run_no WHERE r.id = ? ORDER BY k.seq').all(report.runId) as { seq: number }[];
    const every = db.prepare('SELECT keyframe_every AS n FROM runs WHERE id = ?').get(report.runId) as { n: number };
    db.close();
    expect(every.n).toBe(EVERY);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: Math.floor(events.length / EVERY) }, (_, i) => (i + 1) * EVERY));
  });

  it.each(NAMES)('a time window holds the events from the first at or after fromUs to the last before the first after toUs, with the state folding every event before it gives (%s)', (name) => {
    const { report, events } = runs[name];
    const at = reference(events);
    const last = events.at(-1)!.t;
    const times = [0, 1, events[10].t, events[10].t + 1, ...Array.from({ length: 40 }, (_, i) => Math.round((last * i) / 39)), last + 1];
    for (const fromUs of times) {
      const toUs = fromUs + last / 7;
      const page = store.queries.eventsPage(report.runId, { fromUs, toUs, limit: 100_000 })!;
      const start = events.findIndex((e) => e.t >= fromUs);
      const first = start < 0 ? events.length : start;
      const past = events.findIndex((e) => e.t > toUs);
      const end = past < 0 ? events.length : past;
      expect(page.events, `window ${fromUs}–${toUs}`).toEqual(events.slice(first, Math.max(first, end)));
      expect(page.more).toBe(false);
      expect(page.stateAtStart).toEqual(at(first + 1));
    }
  });

  it('pages of a window, each asked from the last seq, give every event exactly once', () => {
    const { report, events } = runs.semaphore;
    const from = events[40].t;
    const to = events.at(-40)!.t;
    const past = events.findIndex((e) => e.t > to);
    const want = events.slice(events.findIndex((e) => e.t >= from), past < 0 ? events.length : past);
    expect(want.length).toBeGreaterThan(100);
    for (const limit of [1, 13, 500]) {
      const got: LabEvent[] = [];
      let window: { fromUs?: number; fromSeq?: number; toUs: number } = { fromUs: from, toUs: to };
      for (let pages = 0; ; pages++) {
        expect(pages).toBeLessThan(want.length + 2);
        const page = store.queries.eventsPage(report.runId, { ...window, limit })!;
        expect(page.events.length).toBeLessThanOrEqual(limit);
        got.push(...page.events);
        if (!page.more) break;
        expect(page.events).toHaveLength(limit);
        window = { fromSeq: page.events.at(-1)!.seq + 1, toUs: to };
      }
      expect(got).toEqual(want);
    }
    // By seq the same way, to the end of the run.
    const bySeq: LabEvent[] = [];
    for (let fromSeq = 1; ;) {
      const page = store.queries.eventsPage(report.runId, { fromSeq, limit: 97 })!;
      bySeq.push(...page.events);
      if (!page.more) break;
      fromSeq = page.events.at(-1)!.seq + 1;
    }
    expect(bySeq).toEqual(events);
  });

  it('an unknown run has no page', () => {
    expect(store.queries.eventsPage('no-such-run', {})).toBeUndefined();
  });
});

describe('object and process tables', () => {
  it('are written as the run goes, and hold its objects with their limits and its processes as they ended', async () => {
    const own = RunStore.open(path.join(dir, 'tables.sqlite'));
    const reader = RunStore.open(own.file, { readonly: true });
    const handle = startRun(host, { scenario: 'semaphore-pool', params: { jobs: 6, slots: 2, holdMaxUnits: 4, timeUnitMs: 50, seed: 1 } });
    const kept = own.record(handle);
    // While it runs: once the jobs exist and hold their slots, the tables say so.
    let during: { objects: string[]; processes: number } | undefined;
    for (let i = 0; i < 600 && !during; i++) {
      await new Promise((r) => setTimeout(r, 25));
      if (handle.record.status && handle.record.status !== 'running') break;
      const objects = reader.queries.objects(handle.id).map((o) => o.info.label);
      const processes = reader.queries.processes(handle.id);
      if (processes.length >= 7 && reader.queries.run(handle.id)?.status === 'running') during = { objects, processes: processes.length };
    }
    expect(during, 'the tables filled while the run was still going').toEqual({ objects: ['slots', 'active', 'active-lock'], processes: 7 });
    const report = await kept;
    const created = handle.record.events.filter((e) => e.op === 'create' && e.object);
    expect(reader.queries.objects(report.runId)).toEqual(created.map((e) => ({ info: e.object, createdSeq: e.seq, createdUs: e.t })));
    expect(reader.queries.objects(report.runId)[0].info).toMatchObject({ kind: 'Semaphore', label: 'slots', initial: 2 });
    const byPid = (ps: RunReport['processes']) => [...ps].sort((a, b) => a.pid - b.pid);
    expect(byPid(reader.queries.processes(report.runId))).toEqual(byPid(report.processes));
    await reader.close();
    await own.close();
  }, 120_000);
});
