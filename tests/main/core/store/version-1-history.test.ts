// A history written in format 1 (fixtures/README.md: a real file of the f75ccce store, real
// runs of that kernel): no keyframes, no object table, max-only buckets, events as rows.
// Windows and charts on its runs work, read as it is (not migrated) and once migrated: the
// state at a window's start is what the live model reaches folding every event before it,
// and chart slices hold min, max and last, rebuilt from the events.
import Database from 'better-sqlite3';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../../../main/core/store/run-store';
import { clocks, expectedSlice, reference } from './replay-reference';
import { SCHEMA_VERSION } from '../../../../main/core/store/migrations';

const FIXTURE = path.join(__dirname, 'fixtures', 'history-v1.db');
const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-history-v1-'));
const stores: RunStore[] = [];
afterAll(async () => { for (const s of stores) await s.close(); });

/** A fresh copy of the fixture, opened as asked. */
function open(readonly: boolean): RunStore {
  const file = path.join(dir, `copy-${stores.length}.sqlite`);
  copyFileSync(FIXTURE, file);
  const store = RunStore.open(file, { readonly });
  stores.push(store);
  return store;
}

const userVersion = (file: string): number => {
  const db = new Database(file, { readonly: true });
  try { return db.pragma('user_version', { simple: true }) as number; } finally { db.close(); }
};

describe.each([['read as it is', true], ['migrated by a writing open', false]] as const)('a format-1 history, %s', (_how, readonly) => {
  const store = open(readonly);
  const runs = store.queries.history({ limit: -1 });

  it('is the fixture we think it is', () => {
    expect(userVersion(FIXTURE)).toBe(3);
    expect(userVersion(store.file)).toBe(readonly ? 3 : SCHEMA_VERSION);
    expect(runs.map((r) => r.scenario).sort()).toEqual(['condition', 'lock', 'manager-dict', 'pipe', 'producer-consumer', 'semaphore-pool']);
    for (const r of runs) {
      const events = store.queries.events(r.runId);
      expect(events).toHaveLength(r.eventCount);
      expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
      expect(events.some((e) => e.call !== undefined || e.cause !== undefined), 'format 1 has no links').toBe(false);
    }
  });

  it('gives windows whose stateAtStart is what folding every event before them gives, by seq and by time', () => {
    for (const r of runs) {
      const events = store.queries.events(r.runId);
      const at = reference(events);
      for (let seq = 1; seq <= events.length + 1; seq++) {
        const page = store.queries.eventsPage(r.runId, { fromSeq: seq, limit: 5 })!;
        expect(page.stateAtStart, `${r.scenario}, window from seq ${seq}`).toEqual(at(seq));
        expect(page.events).toEqual(events.slice(seq - 1, seq + 4));
        expect(page.more).toBe(seq + 5 <= events.length);
      }
      const clock = clocks(events);
      const last = clock.at(-1)!;
      for (let i = 0; i <= 20; i++) {
        const fromUs = Math.round((last * i) / 20);
        const page = store.queries.eventsPage(r.runId, { fromUs, toUs: fromUs + last / 5 })!;
        const first = clock.findIndex((c) => c >= fromUs);
        const past = clock.findIndex((c) => c > fromUs + last / 5);
        expect(page.events, `${r.scenario}, window from ${fromUs} µs`).toEqual(events.slice(first, past < 0 ? events.length : past));
        expect(page.stateAtStart).toEqual(at(first + 1));
      }
    }
    // The state is the model's: processes with their names and phases, objects as version 1 names them.
    const sem = runs.find((r) => r.scenario === 'semaphore-pool')!;
    const end = store.queries.eventsPage(sem.runId, { fromSeq: sem.eventCount + 1 })!.stateAtStart;
    expect(end.processes.every((p) => p.phase === 'exited')).toBe(true);
    expect(end.objects.map((o) => o.info.label)).toEqual(['slots', 'active', 'active-lock']);
  });

  it('gives chart slices with min, max and last per field, rebuilt from the events', () => {
    for (const r of runs) {
      const events = store.queries.events(r.runId);
      const clock = clocks(events);
      const last = clock.at(-1)!;
      for (const [fromUs, toUs, slices] of [[0, last, 1], [0, last, 9], [last / 3, (2 * last) / 3, 4]]) {
        const chart = store.queries.chartWindow(r.runId, fromUs, toUs, slices);
        expect(chart.length).toBeLessThanOrEqual(slices);
        chart.forEach((b, i) => expect({ ops: b.ops, objects: b.objects }, `${r.scenario}, slice ${i} of ${slices}`).toEqual(expectedSlice(events, clock, b.fromUs, b.toUs)));
      }
    }
    // What the stored max-only buckets could not say: the semaphore's lowest value.
    const sem = runs.find((r) => r.scenario === 'semaphore-pool')!;
    const [whole] = store.queries.chartWindow(sem.runId, 0, Number.MAX_SAFE_INTEGER / 2, 1);
    expect(whole.objects.slots.value).toMatchObject({ max: 3, last: 3 });
    expect(whole.objects.slots.value!.min).toBeLessThan(3);
  });

  it('lists each run\'s objects from its create events (version 1 knows their kind and name) and its processes', () => {
    for (const r of runs) {
      const events = store.queries.events(r.runId);
      const creates = events.filter((e) => e.op === 'create' && e.ph === 'X');
      expect(store.queries.objects(r.runId)).toEqual(creates.map((e) => ({ info: { kind: e.arg, label: e.obj }, createdSeq: e.seq, createdUs: e.t })));
      expect(store.queries.processes(r.runId).map((p) => p.pid).sort()).toEqual(store.queries.run(r.runId)!.processes.map((p) => p.pid).sort());
    }
  });
});

it('the fixture is never written by these tests', () => {
  expect(readFileSync(FIXTURE).subarray(0, 16).toString('latin1')).toBe('SQLite format 3\0');
  expect(userVersion(FIXTURE)).toBe(3);
});
