// The history commands as a user runs them: run, history, show, compare, delete, on one file.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Each test spawns the CLI a few times; on a loaded machine a node start takes seconds.
// This bound only guards a hang: no test here measures speed.
const CLI_TEST_TIMEOUT_MS = 180_000;

const CLI = path.resolve(__dirname, '../../../dist/main/cli/lab.js');
const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-history-'));
const DB = path.join(dir, 'class.sqlite');

function lab(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: CLI_TEST_TIMEOUT_MS, env: { ...process.env, XDG_DATA_HOME: dir } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('lab history, show, compare, delete', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const first = JSON.parse(lab('run', 'manager-namespace', '--time-unit-ms', '5', '--json', '--db', DB).stdout);
  const second = JSON.parse(lab('run', 'manager-namespace', '--set', 'variant=mutable-gotcha', '--time-unit-ms', '5', '--json', '--db', DB).stdout);

  it('run keeps every run and says where; --no-store keeps nothing', () => {
    const r = lab('run', 'fork-loop', '--time-unit-ms', '5', '--db', DB);
    expect(r.stderr).toMatch(new RegExp(`kept in the history as \\S+ \\(${DB.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)`));
    const none = path.join(dir, 'none.sqlite');
    lab('run', 'fork-loop', '--time-unit-ms', '5', '--no-store', '--db', none);
    expect(JSON.parse(lab('history', '--json', '--db', none).stdout)).toEqual([]);
  });

  it('history lists runs newest first, filtered', () => {
    const all = JSON.parse(lab('history', '--json', '--db', DB).stdout) as { runId: string; scenario: string }[];
    expect(all.map((r) => r.runId)).toEqual(expect.arrayContaining([first.runId, second.runId]));
    expect(all.findIndex((r) => r.runId === second.runId)).toBeLessThan(all.findIndex((r) => r.runId === first.runId));
    const ns = JSON.parse(lab('history', '--scenario', 'manager-namespace', '--limit', '1', '--json', '--db', DB).stdout);
    expect(ns.map((r: { runId: string }) => r.runId)).toEqual([second.runId]);
    expect(lab('history', '--db', DB).stdout).toMatch(new RegExp(`^✓ ${second.runId} .* manager-namespace`, 'm'));
  });

  it('history shows each run\'s seed, time unit and the parameters it changed; --json gives them all', () => {
    const text = lab('history', '--scenario', 'manager-namespace', '--db', DB).stdout;
    expect(text).toMatch(new RegExp(`^✓ ${second.runId} .* manager-namespace .*  seed ${second.params.seed} · 5 ms · variant=mutable-gotcha$`, 'm'));
    expect(text).toMatch(new RegExp(`^✓ ${first.runId} .* manager-namespace .*  seed ${first.params.seed} · 5 ms$`, 'm'));
    const json = JSON.parse(lab('history', '--json', '--db', DB).stdout) as { runId: string; params: unknown }[];
    expect(json.find((r) => r.runId === second.runId)!.params).toEqual(second.params);
  });

  it('history says how many runs it left out and how to see them (--limit, --offset, --all)', () => {
    const all = JSON.parse(lab('history', '--json', '--all', '--db', DB).stdout) as { runId: string }[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const one = lab('history', '--limit', '1', '--db', DB).stdout.trim().split('\n');
    expect(one).toHaveLength(2);
    expect(one[1]).toBe(`showing runs 1–1 of ${all.length} (newest first); ${all.length - 1} more: --offset 1 for the next 1, --limit ${all.length} or --all for every one`);
    const next = lab('history', '--limit', '1', '--offset', '1', '--json', '--db', DB);
    expect(JSON.parse(next.stdout).map((r: { runId: string }) => r.runId)).toEqual([all[1].runId]);
    const every = lab('history', '--all', '--db', DB).stdout.trim().split('\n');
    expect(every).toHaveLength(all.length);
  });

  it('show prints every parameter (a changed one with its default), the seed and the time unit', () => {
    const text = lab('show', second.runId, '--db', DB).stdout;
    expect(text).toContain('  parameters: variant=mutable-gotcha (default value)\n');
    expect(text).toContain(`  seed ${second.params.seed}, time unit 5 ms (one second of the original example)\n`);
    expect(lab('show', first.runId, '--db', DB).stdout).toContain('  parameters: variant=value\n');
  });

  it('show --json gives the same JSON as run --json', () => {
    expect(JSON.parse(lab('show', first.runId, '--json', '--db', DB).stdout)).toEqual(first);
    expect(lab('show', first.runId, '--db', DB).stdout).toMatch(/manager-namespace: completed/);
  });

  it('compare puts two runs side by side and marks the differences', () => {
    const c = JSON.parse(lab('compare', first.runId, second.runId, '--json', '--db', DB).stdout) as { rows: { section: string; key: string; a: unknown; b: unknown; differs: boolean }[] };
    const row = (section: string, key: string) => c.rows.find((r) => r.section === section && r.key === key)!;
    expect(row('param', 'variant')).toMatchObject({ a: 'value', b: 'mutable-gotcha', differs: true });
    expect(row('run', 'scenario')).toMatchObject({ differs: false });
    expect(row('result', 'after')).toMatchObject({ a: 'This is the value', b: [], differs: true });
    expect(row('invariant', 'after-read')).toMatchObject({ a: true, b: true, differs: false });
    expect(lab('compare', first.runId, second.runId, '--db', DB).stdout).toMatch(/^≠ param variant\s+value\s+mutable-gotcha$/m);
  });

  it('delete removes runs; with an unknown id it deletes nothing', () => {
    const bad = lab('delete', first.runId, 'no-such-run', '--db', DB);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no run "no-such-run" in .*; "lab history" lists the kept runs/);
    expect(lab('show', first.runId, '--json', '--db', DB).code).toBe(0);
    expect(lab('delete', first.runId, '--db', DB)).toMatchObject({ code: 0, stdout: 'deleted 1 run\n' });
    expect(lab('show', first.runId, '--db', DB).code).toBe(2);
  });

  it.each([
    [['show'], /show needs one run id/],
    [['show', 'nope', '--db', DB], /no run "nope"/],
    [['compare', 'a', '--db', DB], /compare needs two run ids/],
    [['history', '--limit', 'lots', '--db', DB], /--limit takes a whole number from 1 to 10000/],
    [['history', '--colour'], /Unknown option '--colour'/],
    [['history', '--status', 'bogus', '--db', DB], /unknown status "bogus" for --status; valid statuses: running, completed, failed, stopped, hung, timeout, interrupted$/m],
    [['history', '--scenario', 'nosuch', '--db', DB], /unknown scenario "nosuch" for --scenario; valid ids: fork-loop, semaphore-pool, manager-namespace, /],
    [['history', '--all', '--limit', '5', '--db', DB], /--all and --limit say different things; give one/],
    [['history', '--offset', 'x', '--db', DB], /--offset takes a whole number/],
    [['history', '--limit', '3', '--limit', '4', '--db', DB], /--limit is given more than once; give it once/],
    [['delete'], /delete needs at least one run id/],
  ])('bad usage %j exits 2 with a clear message', (args, message) => {
    const r = lab(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('tells the user when a damaged history file was moved aside (only a command that writes moves it)', () => {
    const damaged = path.join(dir, 'damaged.sqlite');
    writeFileSync(damaged, 'not a database at all');
    const read = lab('history', '--db', damaged);
    expect(read.code).toBe(2);
    expect(read.stderr).toMatch(/is not a readable Process Lab history .* Nothing was changed\. To set this history aside, move it away/);
    expect(readFileSync(damaged, 'utf8')).toBe('not a database at all');
    const r = lab('run', 'fork-loop', '--time-unit-ms', '5', '--db', damaged);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/was not a readable Process Lab history .* moved to .*damaged.sqlite.damaged-/);
  });
});
