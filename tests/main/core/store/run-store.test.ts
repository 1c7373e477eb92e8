import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../../../main/core/store/run-store';
import { StoreError } from '../../../../main/core/store/open-database';
import { MIGRATIONS, SCHEMA_VERSION } from '../../../../main/core/store/migrations';
import { newHost, startRun, survivors } from '../../../support/lab-host';
import type { RunReport } from '../../../../shared/run-report';
import { LiveModel } from '../../../../shared/live';

const host = newHost(4);
afterAll(() => host.close());
const tmp = () => path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-store-')), 'lab.sqlite');
const CLI = path.resolve(__dirname, '../../../../dist/main/cli/lab.js');
const lab = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};

describe('RunStore', () => {
  it('keeps a run on a real file and gives it back exactly: report, processes, output, every event', async () => {
    const file = tmp();
    const store = RunStore.open(file);
    const handle = startRun(host, { scenario: 'semaphore-pool', params: { timeUnitMs: 5, seed: 4 } });
    const report = await store.record(handle);
    expect(store.queries.run(report.runId)).toEqual(report);
    expect(store.queries.countEvents(report.runId)).toBe(report.eventCount);
    expect(store.queries.events(report.runId)).toEqual(handle.record.events);
    expect(store.queries.history()).toEqual([expect.objectContaining({ runId: report.runId, scenario: 'semaphore-pool', status: 'completed', passed: true })]);
    await store.close();
    const again = RunStore.open(file);
    expect(again.queries.run(report.runId)).toEqual(report);
    expect(again.notices).toEqual([]);
    await again.close();
  });

  it('filters and pages the history, newest first, and deletes runs with their events', async () => {
    const store = RunStore.open(tmp());
    const ids: string[] = [];
    for (const variant of ['value', 'mutable-gotcha', 'mutable-fixed']) {
      ids.push((await store.record(startRun(host, { scenario: 'manager-namespace', params: { variant, timeUnitMs: 5 } }))).runId);
    }
    ids.push((await store.record(startRun(host, { scenario: 'probe', params: { case: 'missing-wakeup', timeUnitMs: 5 } }))).runId);
    expect(store.queries.history().map((r) => r.runId)).toEqual([...ids].reverse());
    expect(store.queries.history({ scenario: 'manager-namespace', limit: 2 }).map((r) => r.runId)).toEqual([ids[2], ids[1]]);
    expect(store.queries.history({ scenario: 'manager-namespace', limit: 2, offset: 2 }).map((r) => r.runId)).toEqual([ids[0]]);
    expect(store.queries.history({ status: 'hung' }).map((r) => r.runId)).toEqual([ids[3]]);
    expect(store.queries.delete([ids[0], 'nope'])).toEqual(['nope']);
    expect(store.queries.run(ids[0])).toBeUndefined();
    expect(store.queries.countEvents(ids[0])).toBe(0);
    await store.close();
  });

  it('gives chart data in time windows, downsampled into buckets', async () => {
    const store = RunStore.open(tmp());
    const report = await store.record(startRun(host, { scenario: 'semaphore-pool', params: { timeUnitMs: 5, seed: 2 } }));
    const span = store.queries.timeSpan(report.runId)!;
    const buckets = store.queries.chartWindow(report.runId, span.fromUs, span.toUs, 10);
    // At most 10 slices, each a whole number of the stored 10 ms buckets, covering the run.
    expect(buckets.length).toBeGreaterThan(0);
    expect(buckets.length).toBeLessThanOrEqual(10);
    expect(buckets[0].fromUs).toBeLessThanOrEqual(span.fromUs);
    expect(buckets[0].fromUs % 10_000).toBe(0);
    expect(buckets.at(-1)!.toUs).toBeGreaterThanOrEqual(span.toUs);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i].fromUs).toBe(buckets[i - 1].toUs + 1);
    const opEvents = store.queries.events(report.runId).filter((e) => e.kind === 'op').length;
    expect(buckets.reduce((n, b) => n + b.ops, 0)).toBe(opEvents);
    expect(Math.max(...buckets.map((b) => b.objects.active?.size?.max ?? 0))).toBe(report.result.maxActive);
    expect(Math.min(...buckets.filter((b) => b.objects.slots).map((b) => b.objects.slots.value!.min))).toBeGreaterThanOrEqual(0);
    await store.close();
  });

  it('migrates a file written with the first schema, keeping its runs', async () => {
    const file = tmp();
    const v1 = new Database(file);
    v1.exec(MIGRATIONS[0]);
    v1.pragma('user_version = 1');
    v1.prepare(`INSERT INTO runs (id, scenario, params, seed, time_unit_ms, app_version, started_at, status, event_count)
      VALUES ('old-run', 'fork-loop', '{"iterations":4}', 7, 100, '0.0.1', '2026-01-01T00:00:00.000Z', 'completed', 0)`).run();
    v1.close();
    const store = RunStore.open(file);
    expect(store.queries.history()).toEqual([expect.objectContaining({ runId: 'old-run', scenario: 'fork-loop', passed: null })]);
    await store.close();
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    check.close();
  });

  it('refuses a file from a newer Process Lab with a clear message, and leaves it alone', () => {
    const file = tmp();
    const db = new Database(file);
    db.pragma(`user_version = ${SCHEMA_VERSION + 5}`);
    db.close();
    const before = readFileSync(file);
    expect(() => RunStore.open(file)).toThrow(StoreError);
    expect(() => RunStore.open(file)).toThrow(new RegExp(`written by a newer Process Lab \\(history format ${SCHEMA_VERSION + 5}\\); this version reads formats up to ${SCHEMA_VERSION}\\.`));
    expect(readFileSync(file)).toEqual(before);
  });

  it('moves a file that is not a database aside, says where, and starts a fresh history', async () => {
    const file = tmp();
    writeFileSync(file, 'these are my lecture notes, not a database\n'.repeat(200));
    const store = RunStore.open(file);
    expect(store.notices).toHaveLength(1);
    const moved = /moved to (\S+) and a new history/.exec(store.notices[0])![1];
    expect(readFileSync(moved, 'utf8')).toMatch(/^these are my lecture notes/);
    expect(store.queries.history()).toEqual([]);
    await store.close();
  });

  it('sets aside a file that claims the current format but lacks its tables', async () => {
    const file = tmp();
    const odd = new Database(file);
    odd.exec('CREATE TABLE runs (id TEXT)');
    odd.pragma(`user_version = ${SCHEMA_VERSION}`);
    odd.close();
    const store = RunStore.open(file);
    expect(store.notices.join(' ')).toMatch(/tables missing: processes, event_blocks, event_buckets, output.*moved to/);
    expect(store.queries.history()).toEqual([]);
    await store.close();
  });

  it('a run whose host was killed: read-only commands show it interrupted with its processes and output rebuilt, writing nothing; a writing open marks it', async () => {
    const file = tmp();
    const cli = spawn(process.execPath, [CLI, 'run', 'semaphore-pool', '--set', 'holdMaxUnits=10', '--time-unit-ms', '2000', '--db', file], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((resolve) => cli.stdout.on('data', (d: Buffer) => { if (d.toString().includes('Activating')) resolve(); }));
    // Wait until the writer thread has put a printed line on disk, reading alongside it.
    const reader = new Database(file, { readonly: true });
    const kept = reader.prepare("SELECT count(*) AS n FROM event_blocks WHERE events LIKE '%Activating%'");
    for (let i = 0; i < 200 && (kept.get() as { n: number }).n === 0; i++) await new Promise((r) => setTimeout(r, 50));
    reader.close();
    const workers = readFileSync(`/proc/${cli.pid}/task/${cli.pid}/children`, 'utf8').trim().split(/\s+/).map(Number);
    cli.kill('SIGKILL');
    await new Promise((r) => cli.on('exit', r));
    // They go once they see the host gone: how soon depends on the machine's load, not on us.
    expect(await survivors(workers, 60_000)).toEqual([]);

    // Commands that only read show it interrupted, with its processes and output rebuilt from
    // its events, and write nothing: the file and its WAL keep their bytes and times.
    const stamp = () => ['', '-wal'].map((s) => (existsSync(file + s) ? { bytes: readFileSync(file + s), mtime: statSync(file + s).mtimeMs } : null));
    const before = stamp();
    const listed = JSON.parse(lab('history', '--json', '--db', file).stdout) as { runId: string; status: string; eventCount: number }[];
    expect(listed).toEqual([expect.objectContaining({ status: 'interrupted', eventCount: expect.any(Number) })]);
    const id = listed[0].runId;
    const shown = JSON.parse(lab('show', id, '--json', '--db', file).stdout) as RunReport;
    expect(shown.status).toBe('interrupted');
    expect(shown.eventCount).toBe(listed[0].eventCount);
    const main = shown.processes.find((p) => p.name === 'MainProcess')!;
    expect(main).toMatchObject({ program: 'main', parentPid: null, exitCode: null, how: null, endMs: null });
    expect(shown.processes.length).toBeGreaterThan(1);
    for (const p of shown.processes.filter((q) => q !== main)) expect(p.parentPid).toBe(main.pid);
    expect(shown.output.some((o) => o.text.includes('Activating'))).toBe(true);
    expect(shown.notes.join(' ')).toMatch(/Process Lab stopped before this run ended: its processes and output were rebuilt from the \d+ events kept/);
    expect(lab('show', id, '--db', file).stdout).toMatch(new RegExp(`semaphore-pool: interrupted .* ${shown.processes.length} processes, ${shown.eventCount} events`));
    const html = path.join(path.dirname(file), 'report.html');
    expect(lab('export', id, '--format', 'html', '--out', html, '--db', file).code).toBe(0);
    const page = readFileSync(html, 'utf8');
    const printed = shown.output.find((o) => o.text.includes('Activating'))!;
    const esc = (t: string) => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    expect(page.includes(`[${esc(printed.name)} ${printed.pid}] ${esc(printed.text)}`), 'the output section shows the kept prints').toBe(true);
    expect(page.includes('<td>MainProcess</td>'), 'the process table lists the processes').toBe(true);
    // Its object and process tables were written as the run went: they are there without its report.
    const readOnly = RunStore.open(file, { readonly: true });
    expect(readOnly.queries.objects(id).map((o) => o.info)).toEqual([
      expect.objectContaining({ kind: 'Semaphore', label: 'slots', initial: 3 }),
      expect.objectContaining({ kind: 'ManagerList', label: 'active' }),
      expect.objectContaining({ kind: 'Lock', label: 'active-lock' }),
    ]);
    const byPid = (ps: RunReport['processes']) => [...ps].sort((a, b) => a.pid - b.pid);
    expect(byPid(readOnly.queries.processes(id))).toEqual(byPid(shown.processes));
    // And a window of it opens from its keyframes as from its events.
    const events = readOnly.queries.events(id);
    const tail = readOnly.queries.eventsPage(id, { fromSeq: events.length })!;
    const model = new LiveModel();
    model.fold(events.slice(0, -1));
    expect(tail.stateAtStart.processes).toEqual(model.snapshot().processes);
    expect(tail.stateAtStart.objects).toEqual(model.snapshot().objects);
    expect(tail.events).toEqual(events.slice(-1));
    await readOnly.close();
    expect(stamp()).toEqual(before);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT status FROM runs').get()).toEqual({ status: 'running' });
    raw.close();

    // A writing open marks it in the file.
    const store = RunStore.open(file);
    expect(store.notices.join(' ')).toMatch(/1 run was still marked running .* marked "interrupted"/);
    const [entry] = store.queries.history();
    expect(entry.status).toBe('interrupted');
    expect(entry.eventCount).toBe(listed[0].eventCount);
    expect(store.queries.countEvents(entry.runId)).toBe(entry.eventCount);
    expect(store.queries.run(id)?.processes).toEqual(shown.processes);
    await store.close();
  }, 300_000);

  it('can be read while a run is being written', async () => {
    const file = tmp();
    const store = RunStore.open(file);
    const handle = startRun(host, { scenario: 'fork-loop', params: { timeUnitMs: 80, seed: 1 } });
    const kept = store.record(handle);
    const reader = RunStore.open(file);
    const seen: number[] = [];
    while (!handle.record.status || handle.record.status === 'running') {
      seen.push(reader.queries.countEvents(handle.id));
      if (seen.length > 400) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const report = await kept;
    expect(seen.some((n) => n > 0 && n < report.eventCount)).toBe(true);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(reader.queries.run(handle.id)?.status).toBe('completed');
    await reader.close();
    await store.close();
    expect(existsSync(file)).toBe(true);
  });
});
