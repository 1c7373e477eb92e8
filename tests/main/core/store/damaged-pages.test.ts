// A history with pages overwritten in the middle of the file: the pages of one run's event
// blocks, or of its printed output. The list still works, the other runs stay readable, and
// reading the damaged run says which run and which part, and how to set the file aside:
// never SQLite's bare "database disk image is malformed" with a stack trace.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RunStore } from '../../../../main/core/store/run-store';
import { StoreError } from '../../../../main/core/store/store-error';
import { newHost, startRun } from '../../../support/lab-host';
import { leavesOnlyOf, overwritePages } from './damage-pages';

const CLI = path.resolve(__dirname, '../../../../dist/main/cli/lab.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-damaged-'));
const lab = (...args: string[]) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, XDG_DATA_HOME: dir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
};
const noStack = (stderr: string) => { expect(stderr).not.toMatch(/^\s+at /m); expect(stderr).not.toMatch(/internal error|SqliteError/); };

const ids: string[] = [];
let damagedNo = 0;
const original = path.join(dir, 'original.sqlite');

beforeAll(async () => {
  const host = newHost(2);
  const store = RunStore.open(original);
  try {
    ids.push((await store.record(startRun(host, { scenario: 'fork-loop', params: { timeUnitMs: 2, seed: 1 } }))).runId);
    // The damaged one: many events and many printed lines, so that whole pages hold only its rows.
    ids.push((await store.record(startRun(host, { scenario: 'queue-polling', params: { counters: 6, steps: 10, timeUnitMs: 2, seed: 2 } }))).runId);
    ids.push((await store.record(startRun(host, { scenario: 'fork-loop', params: { timeUnitMs: 2, seed: 3 } }))).runId);
  } finally {
    await store.close();
    await host.close();
  }
  const db = new Database(original, { readonly: true });
  damagedNo = (db.prepare('SELECT no FROM runs WHERE id = ?').get(ids[1]) as { no: number }).no;
  db.close();
}, 120_000);

describe('a history with damaged pages', () => {
  it('damaged event blocks: history and the other runs work; export of that run names it and its events, with no stack trace', () => {
    const file = path.join(dir, 'events-damaged.sqlite');
    copyFileSync(original, file);
    // Not the first and last of its pages: a scan of the runs beside it may step onto those.
    const pages = leavesOnlyOf(file, 'event_blocks', damagedNo).slice(1, -1);
    expect(pages.length).toBeGreaterThan(0);
    overwritePages(file, pages);

    const list = lab('history', '--json', '--db', file);
    expect(list.code, list.stderr).toBe(0);
    expect((JSON.parse(list.stdout) as { runId: string }[]).map((r) => r.runId).sort()).toEqual([...ids].sort());
    // Its report is intact: show still works.
    expect(lab('show', ids[1], '--db', file).code).toBe(0);

    const bad = lab('export', ids[1], '--format', 'json', '--out', path.join(dir, 'bad.json'), '--db', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`lab: run ${ids[1]} cannot be read: its events are damaged in ${file} (database disk image is malformed). The other runs can still be read.`);
    expect(bad.stderr).toContain(`To set this history aside, move it away (mv "${file}" "${file}.damaged"); the next \`lab run\` starts a new history there.`);
    noStack(bad.stderr);

    for (const id of [ids[0], ids[2]]) {
      const ok = lab('export', id, '--format', 'json', '--out', path.join(dir, `${id}.json`), '--db', file);
      expect(ok.code, ok.stderr).toBe(0);
    }
  }, 120_000);

  it('damaged output pages: show of that run names it and its report; the others show', async () => {
    const file = path.join(dir, 'output-damaged.sqlite');
    copyFileSync(original, file);
    // The first run's few lines share a page with the start of this one's; the last run's, with its end.
    const pages = leavesOnlyOf(file, 'output', ids[1]);
    expect(pages.length).toBeGreaterThan(0);
    overwritePages(file, pages);

    const bad = lab('show', ids[1], '--db', file);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(`lab: run ${ids[1]} cannot be read: its report is damaged in ${file}`);
    expect(bad.stderr).toContain('To set this history aside');
    noStack(bad.stderr);
    expect(lab('history', '--db', file).code).toBe(0);
    for (const id of [ids[0], ids[2]]) expect(lab('show', id, '--db', file).code).toBe(0);

    // The same through the store's API: a StoreError with its code, for the app to show.
    const store = RunStore.open(file, { readonly: true });
    expect(() => store.queries.run(ids[1])).toThrow(StoreError);
    try { store.queries.run(ids[1]); } catch (e) { expect((e as StoreError).code).toBe('CORRUPT'); }
    expect(store.queries.run(ids[0])?.runId).toBe(ids[0]);
    await store.close();
  }, 120_000);
});
