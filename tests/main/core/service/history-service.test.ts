// The service's history over a real file: the list as the contract says (entries, total,
// search, dates, pages), and a service opened for reading only that never creates, migrates
// or writes a file, refuses what is not ours, and says why with a code a client can act on.
import Database from 'better-sqlite3';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { historyPageSchema, runReportSchema, type RunReport } from '../../../../shared/contract';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import { LabService, type LabServiceOptions } from '../../../../main/core/service/lab-service';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-service-history-'));
const file = path.join(dir, 'lab.sqlite');
const services: LabService[] = [];
function open(history: LabServiceOptions['history']): LabService {
  const s = new LabService({ port: new NodeForkPort(), history, warmWorkers: 0 });
  services.push(s);
  return s;
}
afterAll(async () => { for (const s of services) await s.close(); });

const reports: RunReport[] = [];
/** The moment between the first run and the second, for the date filters. */
let between = '';

async function runToEnd(service: LabService, scenario: string, params: Record<string, number | string | boolean>): Promise<RunReport> {
  const started = service.start({ scenario, params });
  if (!started.ok) throw new Error(started.error.message);
  const done = await service.finished(started.value.runId);
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

beforeAll(async () => {
  const writer = open({ file, mode: 'write' });
  reports.push(await runToEnd(writer, 'manager-namespace', { timeUnitMs: 5, seed: 1 }));
  await new Promise((r) => setTimeout(r, 20));
  between = new Date().toISOString();
  await new Promise((r) => setTimeout(r, 20));
  reports.push(await runToEnd(writer, 'manager-namespace', { variant: 'mutable-gotcha', timeUnitMs: 5, seed: 42 }));
  reports.push(await runToEnd(writer, 'fork-loop', { timeUnitMs: 5, seed: 7 }));
  await writer.close();
}, 120_000);

const page = async (service: LabService, filter: Parameters<LabService['history']>[0]) => {
  const r = await service.history(filter);
  if (!r.ok) throw new Error(r.error.message);
  return { ids: r.value.runs.map((e) => e.runId), total: r.value.total, runs: r.value.runs };
};

describe('history', () => {
  it('answers entries as the contract says, newest first, with total counting every run that matches', async () => {
    const reader = open({ file, mode: 'read' });
    const r = await reader.history({ limit: 1 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(historyPageSchema.safeParse(r.value).error).toBeUndefined();
    expect(r.value.total).toBe(3);
    const [newest] = r.value.runs;
    const last = reports[2];
    expect(newest).toEqual({
      runId: last.runId, scenario: 'fork-loop', status: last.status, expectedStatus: last.expectedStatus, passed: last.passed,
      startedAt: last.startedAt, durationMs: last.durationMs, params: last.params, seed: 7, timeUnitMs: 5,
      eventCount: last.eventCount, summary: expect.any(String), prediction: last.prediction,
    });
    expect(await page(reader, { offset: 1, limit: 5 })).toMatchObject({ ids: [reports[1].runId, reports[0].runId], total: 3 });
    expect(await page(reader, { scenario: 'manager-namespace', limit: 1 })).toMatchObject({ ids: [reports[1].runId], total: 2 });
    expect(await page(reader, { status: 'hung' })).toEqual({ ids: [], total: 0, runs: [] });
  });

  it('finds runs by id (whole or part) or by a parameter written name=value', async () => {
    const reader = open({ file, mode: 'read' });
    expect(await page(reader, { search: reports[1].runId })).toMatchObject({ ids: [reports[1].runId], total: 1 });
    expect((await page(reader, { search: reports[0].runId.slice(-8) })).ids).toContain(reports[0].runId);
    expect(await page(reader, { search: 'variant=mutable-gotcha' })).toMatchObject({ ids: [reports[1].runId], total: 1 });
    expect((await page(reader, { search: 'Variant=Mutable-Gotcha' })).ids).toEqual([reports[1].runId]);
    expect((await page(reader, { search: 'seed=42' })).ids).toEqual([reports[1].runId]);
    expect((await page(reader, { search: 'seed=4' })).ids).toEqual([]); // a value is matched whole
    expect((await page(reader, { search: 'childExits=true' })).ids).toEqual([reports[2].runId]);
    expect((await page(reader, { search: 'gotcha' })).ids).toEqual([reports[1].runId]); // text inside a parameter
    expect(await page(reader, { search: 'variant=value', scenario: 'fork-loop' })).toMatchObject({ ids: [], total: 0 });
  });

  it('keeps runs started from `from` on and before `to`, and refuses a date it cannot read, naming it', async () => {
    const reader = open({ file, mode: 'read' });
    expect(await page(reader, { from: between })).toMatchObject({ ids: [reports[2].runId, reports[1].runId], total: 2 });
    expect(await page(reader, { to: between })).toMatchObject({ ids: [reports[0].runId], total: 1 });
    const day = reports[0].startedAt.slice(0, 10);
    expect((await page(reader, { from: day })).total).toBe(3);
    expect((await page(reader, { to: day })).total).toBe(0);
    expect(await reader.history({ from: 'last tuesday' })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/from: "last tuesday" is not a date/) } });
  });

  it('gives back each run as the contract\'s report', async () => {
    const reader = open({ file, mode: 'read' });
    const r = await reader.run(reports[1].runId);
    expect(r.ok && runReportSchema.safeParse(r.value).error).toBeUndefined();
    expect(r).toEqual({ ok: true, value: reports[1] });
  });
});

/** Everything that tells whether a file was touched: its bytes, its time, and what lies beside
 *  it (SQLite's own -wal and -shm companions aside: reading a WAL-mode file read-only makes them). */
function snapshot(f: string) {
  const companions = new Set([`${path.basename(f)}-wal`, `${path.basename(f)}-shm`]);
  return { bytes: readFileSync(f), mtime: statSync(f).mtimeMs, beside: readdirSync(path.dirname(f)).filter((n) => !companions.has(n)).sort() };
}

describe('a service opened for reading only', () => {
  it('reads without writing anything, and refuses to start or delete a run', async () => {
    const copy = path.join(mkdtempSync(path.join(dir, 'ro-')), 'lab.sqlite');
    writeFileSync(copy, readFileSync(file));
    const before = snapshot(copy);
    const reader = open({ file: copy, mode: 'read' });
    expect((await page(reader, {})).total).toBe(3);
    expect((await reader.compare(reports[0].runId, reports[1].runId)).ok).toBe(true);
    expect(reader.start({ scenario: 'fork-loop' })).toMatchObject({ ok: false, error: { code: 'store', detail: 'READ_ONLY' } });
    expect(await reader.delete([reports[0].runId])).toMatchObject({ ok: false, error: { code: 'store', detail: 'READ_ONLY' } });
    expect(reader.liveRuns()).toEqual({ ok: true, value: [] });
    await reader.close();
    expect(snapshot(copy)).toEqual(before);
  });

  it('refuses another application\'s database, with its code, and leaves it as it was', async () => {
    const other = path.join(mkdtempSync(path.join(dir, 'foreign-')), 'other.sqlite');
    const db = new Database(other);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('buy milk')");
    db.close();
    const before = snapshot(other);
    for (const mode of ['read', 'write'] as const) {
      const s = open({ file: other, mode });
      expect(await s.history({})).toMatchObject({ ok: false, error: { code: 'store', detail: 'FOREIGN', message: expect.stringContaining('another application\'s tables (notes)') } });
      expect(s.start({ scenario: 'fork-loop' })).toMatchObject({ ok: false, error: { code: 'store', detail: mode === 'read' ? 'READ_ONLY' : 'FOREIGN' } });
    }
    expect(snapshot(other)).toEqual(before);
  });

  it('says a history that does not exist yet is missing (NO_HISTORY) and creates nothing; a missing folder is NO_FOLDER', async () => {
    const folder = mkdtempSync(path.join(dir, 'missing-'));
    const missing = open({ file: path.join(folder, 'lab.sqlite'), mode: 'read' });
    expect(await missing.history({})).toMatchObject({ ok: false, error: { code: 'store', detail: 'NO_HISTORY', message: expect.stringContaining('no history at') } });
    expect(await missing.run('r1')).toMatchObject({ ok: false, error: { detail: 'NO_HISTORY' } });
    // The default place (its folder ours to create) not made yet: nothing was ever kept there.
    const defaultPlace = open({ file: path.join(folder, 'process-lab', 'lab.sqlite'), mode: 'read', createFolder: true });
    expect(await defaultPlace.history({})).toMatchObject({ ok: false, error: { detail: 'NO_HISTORY' } });
    const noFolder = open({ file: path.join(folder, 'no', 'such', 'x.sqlite'), mode: 'read' });
    expect(await noFolder.history({})).toMatchObject({ ok: false, error: { code: 'store', detail: 'NO_FOLDER', message: expect.stringContaining(`the folder ${path.join(folder, 'no', 'such')} does not exist`) } });
    const noFolderWrite = open({ file: path.join(folder, 'no', 'such', 'x.sqlite'), mode: 'write' });
    expect(noFolderWrite.start({ scenario: 'fork-loop' })).toMatchObject({ ok: false, error: { detail: 'NO_FOLDER' } });
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a file that is not a history, untouched (DAMAGED), where a writing open would move it aside', async () => {
    const folder = mkdtempSync(path.join(dir, 'damaged-'));
    const damaged = path.join(folder, 'lab.sqlite');
    writeFileSync(damaged, 'not a database at all');
    const reader = open({ file: damaged, mode: 'read' });
    expect(await reader.history({})).toMatchObject({ ok: false, error: { code: 'store', detail: 'DAMAGED', message: expect.stringContaining('Nothing was changed') } });
    expect(readFileSync(damaged, 'utf8')).toBe('not a database at all');
    const notices: string[] = [];
    const writer = new LabService({ port: new NodeForkPort(), history: { file: damaged, mode: 'write' }, warmWorkers: 0, onNotice: (n) => notices.push(n) });
    services.push(writer);
    expect(await writer.history({})).toMatchObject({ ok: true, value: { total: 0 } });
    expect(notices.join('\n')).toMatch(/was not a readable Process Lab history .* moved to .*lab\.sqlite\.damaged-/);
  });
});
