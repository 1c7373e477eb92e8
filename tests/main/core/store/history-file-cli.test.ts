// The history file as the CLI treats it: commands that only read (history, show, compare,
// export) never create, migrate or write a file; another application's database is refused
// by every command and left as it was; only the default data folder is ever created; and a
// history that cannot be written ends `lab run` / `lab run all` with exit 1 and a clear
// message, never a hang, a stack trace or a process left behind.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../../../main/core/store/migrations';
import { RunStore } from '../../../../main/core/store/run-store';
import type { RunReport } from '../../../../shared/run-report';
import { survivors } from '../../../support/lab-host';

const CLI = path.resolve(__dirname, '../../../../dist/main/cli/lab.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-file-'));

function lab(args: string[], env: NodeJS.ProcessEnv = {}, timeout = 60_000) {
  // SIGKILL at the time limit: a CLI that hangs may well be one that also waits out SIGTERM.
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout, killSignal: 'SIGKILL', env: { ...process.env, XDG_DATA_HOME: path.join(dir, 'xdg'), ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, timedOut: r.error !== undefined };
}

/** Everything that tells whether a file was touched: its bytes, its time, and what lies beside it. */
function snapshot(file: string) {
  return { bytes: readFileSync(file), mtime: statSync(file).mtimeMs, beside: readdirSync(path.dirname(file)).sort() };
}

/** Each test runs several CLI commands; on a loaded machine one can take seconds. */
const SLOW = 300_000;

const noStack = (stderr: string) => { expect(stderr).not.toMatch(/^\s+at /m); expect(stderr).not.toMatch(/internal error|SqliteError/); };

describe('another application\'s database', () => {
  it('is refused by every command (exit 2) and left exactly as it was', () => {
    const folder = mkdtempSync(path.join(dir, 'foreign-'));
    const other = path.join(folder, 'other.sqlite');
    const db = new Database(other);
    db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('buy milk')");
    db.close();
    const before = snapshot(other);
    for (const args of [
      ['history'], ['history', '--json'], ['show', 'some-run'], ['compare', 'a', 'b'],
      ['export', 'some-run', '--format', 'json', '--out', path.join(dir, 'x.json')],
      ['delete', 'some-run'], ['run', 'fork-loop', '--time-unit-ms', '5'],
    ]) {
      const r = lab([...args, '--db', other]);
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain(`lab: ${other} is not a Process Lab history: it holds another application's tables (notes). It was left untouched; choose another file with --db.`);
    }
    expect(snapshot(other)).toEqual(before);
  }, SLOW);
});

describe('commands that only read', () => {
  it('a history that does not exist yet: history lists nothing and says so; show, compare and export name it; nothing is created', () => {
    const folder = mkdtempSync(path.join(dir, 'missing-'));
    const missing = path.join(folder, 'lab.sqlite');
    const text = lab(['history', '--db', missing]);
    expect(text).toMatchObject({ code: 0, stdout: 'no runs kept yet\n' });
    expect(text.stderr).toBe(`lab: no history at ${missing} yet: \`lab run\` keeps each run there\n`);
    expect(lab(['history', '--json', '--db', missing])).toMatchObject({ code: 0, stdout: '[]\n' });
    for (const args of [['show', 'r1'], ['compare', 'r1', 'r2'], ['export', 'r1', '--format', 'json', '--out', path.join(folder, 'x.json')]]) {
      const r = lab([...args, '--db', missing]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`no history at ${missing} yet`);
    }
    expect(readdirSync(folder)).toEqual([]);
  }, SLOW);

  it('the default data folder is not created by reading, only by a run', () => {
    const xdg = mkdtempSync(path.join(dir, 'xdg-'));
    expect(lab(['history'], { XDG_DATA_HOME: xdg }).code).toBe(0);
    expect(readdirSync(xdg)).toEqual([]);
    expect(lab(['run', 'fork-loop', '--time-unit-ms', '5'], { XDG_DATA_HOME: xdg }).code).toBe(0);
    expect(existsSync(path.join(xdg, 'process-lab', 'lab.sqlite'))).toBe(true);
  }, SLOW);

  it('a history in an older format is read as it is: not migrated, not written', async () => {
    const folder = mkdtempSync(path.join(dir, 'old-'));
    const file = path.join(folder, 'lab.sqlite');
    // A real run, kept with today's schema, then taken back to format 1 (no processes.how, no
    // event_blocks.format, no expected_status, host_pid, passed, prediction, clock_started_at, no keyframes,
    // object table or bucket minima), as Process Lab 0.0.x wrote it.
    const r = lab(['run', 'fork-loop', '--time-unit-ms', '5', '--json', '--db', file]);
    const report = JSON.parse(r.stdout) as RunReport;
    const db = new Database(file);
    db.exec(`DROP INDEX runs_by_start;
      ALTER TABLE runs DROP COLUMN expected_status; ALTER TABLE runs DROP COLUMN host_pid;
      ALTER TABLE runs DROP COLUMN passed; ALTER TABLE runs DROP COLUMN prediction;
      ALTER TABLE processes DROP COLUMN how; ALTER TABLE event_blocks DROP COLUMN format;
      ALTER TABLE runs DROP COLUMN keyframe_every; DROP TABLE objects; DROP TABLE keyframes;
      ALTER TABLE runs DROP COLUMN clock_started_at;
      ALTER TABLE event_buckets DROP COLUMN unfinished;
      ${['size', 'unfinished', 'value', 'waiters', 'owner', 'flag'].flatMap((f) => [`ALTER TABLE event_buckets DROP COLUMN ${f}_min;`, `ALTER TABLE event_buckets DROP COLUMN ${f}_last;`]).join('\n')}`);
    db.pragma('user_version = 1');
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(MIGRATIONS.length).toBeGreaterThan(1);
    const before = snapshot(file);

    const [entry] = JSON.parse(lab(['history', '--json', '--db', file]).stdout) as { runId: string; passed: boolean | null; status: string }[];
    expect(entry).toMatchObject({ runId: report.runId, status: 'completed', passed: null });
    const shown = JSON.parse(lab(['show', report.runId, '--json', '--db', file]).stdout) as RunReport;
    expect(shown.processes.map((p) => ({ ...p, how: p.how }))).toEqual(report.processes.map((p) => ({ ...p, how: null })));
    expect(shown.output).toEqual(report.output);
    const out = path.join(dir, 'old.json');
    expect(lab(['export', report.runId, '--format', 'json', '--out', out, '--db', file]).code).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { events: unknown[] }).events).toHaveLength(report.eventCount);

    const after = snapshot(file);
    expect(after.bytes.equals(before.bytes)).toBe(true);
    expect(after.mtime).toBe(before.mtime);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(1);
    check.close();
    // A command that writes migrates it, keeping the run.
    const store = RunStore.open(file);
    expect(store.queries.run(report.runId)?.processes).toHaveLength(report.processes.length);
    await store.close();
  }, SLOW);
});

describe('--db in a folder that does not exist', () => {
  it('is refused with the folder named (exit 2), and no folder is created', () => {
    const base = mkdtempSync(path.join(dir, 'nofolder-'));
    const file = path.join(base, 'no', 'such', 'x.sqlite');
    for (const args of [['run', 'fork-loop', '--time-unit-ms', '5'], ['run', 'all'], ['history'], ['show', 'r1'], ['delete', 'r1']]) {
      const r = lab([...args, '--db', file]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`the folder ${path.join(base, 'no', 'such').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} does not exist`));
    }
    expect(readdirSync(base)).toEqual([]);
  }, SLOW);
});

describe('a history that cannot be written', () => {
  /** A history whose every insert of events fails inside the writer thread, as on a full disk. */
  function failingHistory(): string {
    const folder = mkdtempSync(path.join(dir, 'failing-'));
    mkdirSync(folder, { recursive: true });
    const file = path.join(folder, 'lab.sqlite');
    RunStore.open(file).close();
    const db = new Database(file);
    db.exec("CREATE TRIGGER full BEFORE INSERT ON event_blocks BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    db.close();
    return file;
  }

  it('lab run: the run is shown, then exit 1 with what was not kept; no stack trace, no process left', async () => {
    const file = failingHistory();
    const r = lab(['run', 'fork-loop', '--time-unit-ms', '5', '--db', file], {}, 120_000);
    expect(r.timedOut, 'lab run hung').toBe(false);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/fork-loop: completed/);
    const id = /run id: (\S+)/.exec(r.stdout)![1];
    expect(r.stderr).toMatch(new RegExp(`lab: the history at ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} could not keep all of run ${id}: database or disk is full \\(SQLITE_CONSTRAINT_TRIGGER\\); not stored: \\d+ of \\d+ events\\. The run's entry in the history says so\\.`));
    expect(r.stderr).not.toMatch(/kept in the history as/);
    noStack(r.stderr);
    const shown = JSON.parse(lab(['show', id, '--json', '--db', file]).stdout) as RunReport;
    expect(shown.notes.join(' ')).toMatch(/not stored: \d+ of \d+ events \(database or disk is full/);
    expect(await survivors(shown.processes.map((p) => p.pid), 60_000)).toEqual([]);
  }, SLOW);

  it('lab run all: stops at the first run it cannot keep, exit 1, no process left', async () => {
    const file = failingHistory();
    const r = lab(['run', 'all', '--time-unit-ms', '5', '--db', file], {}, 120_000);
    expect(r.timedOut, 'lab run all hung').toBe(false);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lab: the history at .* could not keep all of run \S+: database or disk is full/);
    noStack(r.stderr);
    const runs = JSON.parse(lab(['history', '--json', '--db', file]).stdout) as { runId: string }[];
    expect(runs).toHaveLength(1);
    const shown = JSON.parse(lab(['show', runs[0].runId, '--json', '--db', file]).stdout) as RunReport;
    expect(await survivors(shown.processes.map((p) => p.pid), 60_000)).toEqual([]);
  }, SLOW);
});
