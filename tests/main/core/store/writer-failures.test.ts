// The history's writer thread meeting real failures: a trigger that aborts an insert, a
// database locked by another connection, a folder removed under it. Each time record()
// must settle with a clear error, the run's entry must say what was not stored, and nothing
// may hang (before the fix, each of these left flush() waiting for ever).
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../../../main/core/store/run-store';
import { StoreError } from '../../../../main/core/store/store-error';
import { StoreWriter } from '../../../../main/core/store/store-writer';
import { newHost, startRun } from '../../../support/lab-host';

const host = newHost(2);
afterAll(() => host.close());
const tmp = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-writer-')), 'lab.sqlite');
const FORK_LOOP = { scenario: 'fork-loop', params: { timeUnitMs: 5, seed: 3 } };

/** A history file with a trigger that aborts every insert into `table`, as a failing disk would. */
function withFailingInsert(table: string, why: string): string {
  const file = tmp();
  RunStore.open(file).close();
  const db = new Database(file);
  db.exec(`CREATE TRIGGER fail_${table} BEFORE INSERT ON ${table} BEGIN SELECT RAISE(ABORT, '${why}'); END`);
  db.close();
  return file;
}

const row = (file: string, id: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT status, notes, ended_at FROM runs WHERE id = ?').get(id) as { status: string; notes: string | null; ended_at: string | null } | undefined;
  } finally { db.close(); }
};

describe('the history writer when writing fails', () => {
  it('an insert aborted inside the writer thread: record() rejects naming the cause, the run says what was lost, the writer goes on', async () => {
    const file = withFailingInsert('event_blocks', 'no space left for events');
    const store = RunStore.open(file);
    const handle = startRun(host, FORK_LOOP);
    const err = await store.record(handle).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(StoreError);
    expect((err as StoreError).code).toBe('WRITE_FAILED');
    const report = await handle.done;
    expect((err as Error).message).toContain(`could not keep all of run ${report.runId}`);
    expect((err as Error).message).toContain('no space left for events');
    expect((err as Error).message).toContain(`${report.eventCount} of ${report.eventCount} events`);
    expect((err as Error).message).toMatch(/The run's entry in the history says so/);
    // The report itself was stored; the note says the events were not.
    const r = row(file, report.runId)!;
    expect(r.status).toBe(report.status);
    expect(JSON.parse(r.notes!).join(' ')).toMatch(new RegExp(`not stored: ${report.eventCount} of ${report.eventCount} events.*no space left for events`));
    expect(store.queries.run(report.runId)?.processes).toHaveLength(report.processes.length);

    // The writer is still alive: once the disk is fine again, the next run is kept whole.
    const fix = new Database(file);
    fix.exec('DROP TRIGGER fail_event_blocks');
    fix.close();
    const next = await store.record(startRun(host, FORK_LOOP));
    expect(store.queries.countEvents(next.runId)).toBe(next.eventCount);
    await store.close();
  }, 120_000);

  it('a failed begin (the run row cannot be inserted) rejects, and says the note could not be written either', async () => {
    const file = withFailingInsert('runs', 'the disk is full');
    const store = RunStore.open(file);
    const handle = startRun(host, FORK_LOOP);
    const err = await store.record(handle).then(() => undefined, (e: unknown) => e) as StoreError;
    const report = await handle.done;
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toContain('the disk is full');
    expect(err.message).toMatch(/not stored: its entry, its report and \d+ of \d+ events/);
    expect(err.message).toMatch(/Nothing could be noted in the history either: the disk is full/);
    expect(row(file, report.runId)).toBeUndefined();
    await store.close();
  }, 120_000);

  it('a database locked by another connection (BEGIN IMMEDIATE): the writer gives up after its busy timeout and goes on once the lock is gone', async () => {
    const file = tmp();
    const store = RunStore.open(file, { busyTimeoutMs: 100 });
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    const handle = startRun(host, FORK_LOOP);
    const err = await store.record(handle).then(() => undefined, (e: unknown) => e) as StoreError;
    other.exec('COMMIT');
    other.close();
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toMatch(/: database is locked \(SQLITE_BUSY\); not stored: its entry, its report and (\d+) of \1 events\. Nothing could be noted in the history either: database is locked \(SQLITE_BUSY\)\.$/);
    expect(store.queries.run(handle.id)).toBeUndefined();
    // The lock is gone: the same writer keeps the next run whole.
    const next = await store.record(startRun(host, FORK_LOOP));
    expect(store.queries.run(next.runId)).toEqual(next);
    expect(store.queries.countEvents(next.runId)).toBe(next.eventCount);
    await store.close();
  }, 120_000);

  it('a run whose entry the writer could not insert is completed from the main thread once it can: entry, report and a note', async () => {
    const file = tmp();
    const store = RunStore.open(file);
    await store.record(startRun(host, FORK_LOOP)); // the writer thread is up and idle
    const db = new Database(file);
    db.exec(`CREATE TABLE failing (on_ INTEGER); INSERT INTO failing VALUES (1);
      CREATE TRIGGER fail_runs BEFORE INSERT ON runs WHEN (SELECT count(*) FROM failing) > 0 BEGIN SELECT RAISE(ABORT, 'a passing fault'); END`);
    const handle = startRun(host, FORK_LOOP);
    const kept = store.record(handle).then(() => undefined, (e: unknown) => e);
    const report = await handle.done;
    db.exec('DELETE FROM failing'); // the fault has passed by the time the run ends
    db.close();
    const err = await kept as StoreError;
    expect(err.message).toMatch(/: a passing fault \(SQLITE_CONSTRAINT_TRIGGER\); not stored: its entry, its report and (\d+) of \1 events\. The run's entry in the history says so \(its entry and report were written afterwards\)\.$/);
    const back = store.queries.run(report.runId)!;
    expect({ ...back, notes: [] }).toEqual({ ...report, notes: [] });
    expect(back.notes.at(-1)).toBe(`the history could not store all of this run: not stored: ${report.eventCount} of ${report.eventCount} events (a passing fault (SQLITE_CONSTRAINT_TRIGGER)); its entry and report were written afterwards.`);
    await store.close();
  }, 120_000);

  it('the history\'s folder removed under it: record() rejects saying the file is gone', async () => {
    const file = tmp();
    const store = RunStore.open(file);
    rmSync(path.dirname(file), { recursive: true });
    const err = await store.record(startRun(host, FORK_LOOP)).then(() => undefined, (e: unknown) => e) as StoreError;
    expect(err).toBeInstanceOf(StoreError);
    expect(err.message).toMatch(/could not keep all of run/);
    expect(err.message).toContain(`${file} is no longer there`);
    await store.close();
  }, 120_000);

  it('its fold thread ended mid-run: record() rejects saying so, the run says what was lost, later flushes reject', async () => {
    const file = tmp();
    const store = RunStore.open(file);
    const handle = startRun(host, { scenario: 'fork-loop', params: { timeUnitMs: 20, seed: 3 } });
    const kept = store.record(handle).then(() => undefined, (e: unknown) => e);
    // The real thread, ended from outside as a crash would end it, once some events went by.
    await new Promise<void>((resolve) => handle.onEvents(() => resolve()));
    const writer = store['writer']!;
    await writer['folder'].terminate();
    const err = await kept;
    const report = await handle.done;
    expect(err).toBeInstanceOf(StoreError);
    expect((err as Error).message).toMatch(new RegExp(`could not keep all of run ${report.runId}: the history writer stopped: its fold thread ended \\(exit code 1\\)`));
    expect((err as Error).message).toMatch(/The run's entry in the history says so/);
    await expect(writer.flush()).rejects.toThrow(/its fold thread ended/);
    const r = row(file, report.runId)!;
    expect(r.status).toBe(report.status);
    expect(JSON.parse(r.notes!).join(' ')).toMatch(/its fold thread ended/);
    await store.close();
  }, 120_000);

  it('a writer that cannot start rejects every flush, now and later, with its reason', async () => {
    const writer = new StoreWriter(path.join(path.dirname(tmp()), 'no-such-file.sqlite'));
    await expect(writer.flush()).rejects.toThrow(/history writer stopped: unable to open database file \(SQLITE_CANTOPEN\)/);
    await expect(writer.flush()).rejects.toThrow(/history writer stopped/);
    await writer.close();
  }, 120_000);
});
