// The CLI as a user runs it: a real `node dist/main/cli/lab.js` process.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { survivors } from '../../support/lab-host';
import { SCENARIOS } from '../../../main/scenarios/checks/registry';

// Each test spawns the CLI a few times; on a loaded machine a node start takes seconds.
// This bound only guards a hang: no test here measures speed.
const CLI_TEST_TIMEOUT_MS = 180_000;

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/main/cli/lab.js');

// Every CLI here keeps its history in a temporary folder, never in the user's own.
const ENV = { ...process.env, XDG_DATA_HOME: mkdtempSync(path.join(os.tmpdir(), 'lab-cli-')) };

function lab(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: CLI_TEST_TIMEOUT_MS, env: ENV });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A run that would last long, once three of its processes have printed. */
async function startLongRun(extra: string[]) {
  const child = spawn(process.execPath, [CLI, 'run', 'semaphore-pool', '--set', 'holdMaxUnits=10', '--time-unit-ms', '2000', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
  let out = '';
  const pids = new Set<number>();
  await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
    for (const m of out.matchAll(/^\[[^\]]* (\d+)\]/gm)) pids.add(Number(m[1]));
    if (pids.size >= 3) resolve();
  }));
  return { child, pids };
}

describe('lab scenarios', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('lists the flagship scenarios first, as text and as JSON', () => {
    const text = lab('scenarios');
    expect(text.code).toBe(0);
    expect(text.stdout.split('\n')[0]).toMatch(/^fork-loop\s+Forking in a loop/);
    const json = JSON.parse(lab('scenarios', '--json').stdout) as { id: string }[];
    expect(json.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.meta.id));
    expect(json.slice(0, 3).map((s) => s.id)).toEqual(['fork-loop', 'semaphore-pool', 'manager-namespace']);
  });
});

describe('lab run', { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  it('--json prints exactly one JSON object with the documented fields, and exits 0', () => {
    const r = lab('run', 'fork-loop', '--time-unit-ms', '5', '--seed', '7', '--json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['runId', 'scenario', 'status', 'params', 'startedAt', 'durationMs', 'processes', 'output', 'invariants', 'result', 'eventCount']));
    expect(report.params).toMatchObject({ iterations: 4, intervalUnits: 1, childExits: true, maxProcesses: 32, seed: 7, timeUnitMs: 5 });
    expect(new Date(report.startedAt).toISOString()).toBe(report.startedAt);
    expect(Object.keys(report.processes[0]).sort()).toEqual(['daemon', 'endMs', 'exitCode', 'how', 'name', 'parentPid', 'pid', 'program', 'signal', 'startMs'].sort());
    expect(Object.keys(report.output[0]).sort()).toEqual(['name', 'pid', 'tMs', 'text']);
    expect(Object.keys(report.result)).toEqual(expect.arrayContaining(['parentPid', 'children', 'parentCounterBefore', 'parentCounterAfter', 'capped']));
  });

  it('without --json streams lines tagged with name and pid, then ✓ per invariant', () => {
    const r = lab('run', 'manager-namespace', '--set', 'variant=mutable-gotcha', '--time-unit-ms', '5');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\[Process-1 \d+\] After event : \[\]$/m); // the seed's line; Python's default name
    expect(r.stdout).toMatch(/✓ the consumer sees an empty list after the event/);
    expect(r.stdout).toMatch(/manager-namespace: completed/);
  });

  it.each([
    [['run', 'nope'], /unknown scenario "nope"; valid ids: fork-loop, semaphore-pool, manager-namespace/],
    [['run', 'fork-loop', '--set', 'iterations=99'], /parameter "iterations": 99 is out of range; allowed: an integer from 1 to 20/],
    [['run', 'fork-loop', '--set', 'bogus=1'], /unknown parameter "bogus" for fork-loop; it takes: iterations, intervalUnits, childExits, maxProcesses/],
    [['run', 'fork-loop', '--set', 'iterations=many'], /"many" is not an integer/],
    [['run', 'fork-loop', '--set', 'iterations'], /--set takes name=value/],
    [['run', 'fork-loop', '--time-unit-ms', '0'], /parameter "timeUnitMs": 0 is out of range; allowed: an integer from 1 to 2000/],
    [['run', 'fork-loop', '--timeout-s', 'soon'], /--timeout-s takes a number of seconds/],
    [['run', 'fork-loop', '--frobnicate'], /Unknown option '--frobnicate'/],
    [['run'], /run needs exactly one scenario id/],
    [['explode'], /unknown command "explode"/],
    [['run', 'all', '--time-unit-ms', 'x'], /--time-unit-ms takes a whole number from 1 to 2000/],
    [['run', 'fork-loop', '--set', 'iterations=2', '--set', 'iterations=3'], /parameter "iterations" is given twice \(--set iterations=2 and --set iterations=3\); give it once/],
    [['run', 'fork-loop', '--set', 'timeUnitMs=5', '--time-unit-ms', '7'], /parameter "timeUnitMs" is given twice \(--set timeUnitMs=5 and --time-unit-ms 7\); give it once/],
    [['run', 'fork-loop', '--seed', '1', '--seed', '2'], /--seed is given more than once; give it once/],
  ])('bad usage %j exits 2 with a clear message', (args, message) => {
    const r = lab(...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('run all runs every scenario with its defaults, one line each, and exits 0 when all end as expected', () => {
    const r = lab('run', 'all', '--time-unit-ms', '10', '--no-store');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(SCENARIOS.length + 1);
    for (const [i, s] of SCENARIOS.entries()) expect(lines[i]).toMatch(new RegExp(`^✓ ${s.meta.id}\\s`));
    expect(lines.at(-1)).toBe(`${SCENARIOS.length} of ${SCENARIOS.length} scenarios ended as expected`);
    const json = JSON.parse(lab('run', 'all', '--time-unit-ms', '10', '--json', '--no-store').stdout) as { scenario: string; passed: boolean }[];
    expect(json.map((x) => x.scenario)).toEqual(SCENARIOS.map((s) => s.meta.id));
    expect(json.every((x) => x.passed)).toBe(true);
  }, 2 * CLI_TEST_TIMEOUT_MS);

  it('exits 1 when the run does not complete (a probe that hangs)', () => {
    const r = lab('run', 'probe', '--set', 'case=missing-wakeup', '--time-unit-ms', '5', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).status).toBe('hung');
  });

  it('Ctrl-C stops the run, leaves no process behind, and exits 130', async () => {
    const { child, pids } = await startLongRun([]);
    child.kill('SIGINT');
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(await survivors([...pids], 60_000)).toEqual([]);
  });

  it.each([
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const)('%s stops the run like Ctrl-C, keeps it as "stopped", leaves no process behind, and exits %i', async (signal, exitCode) => {
    const db = path.join(ENV.XDG_DATA_HOME, `${signal}.sqlite`);
    const { child, pids } = await startLongRun(['--db', db]);
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    expect(code).toBe(exitCode);
    expect(await survivors([...pids], 60_000)).toEqual([]);
    const kept = JSON.parse(lab('history', '--json', '--db', db).stdout) as { status: string }[];
    expect(kept.map((r) => r.status)).toEqual(['stopped']);
  });

  it.each(['run', 'run all', 'history', 'show', 'compare', 'delete', 'export', 'scenarios'])('%s --help prints that command\'s usage on stdout and exits 0', (command) => {
    const r = lab(...command.split(' '), '--help');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^usage: lab ${command} `));
    expect(r.stderr).toBe('');
    if (command === 'run') expect(r.stdout).toMatch(/--set name=value .*once per name/);
  });

  it('shows a crashed process at once on stderr, in one line, while the rest of the run goes on', async () => {
    // fork-loop with childExits=false: each child sleeps, then forks on. One child is killed
    // while it sleeps; the parent goes on creating children (a round every 3 s) after the
    // crash line is out.
    const child = spawn(process.execPath, [CLI, 'run', 'fork-loop', '--set', 'childExits=false', '--set', 'iterations=3', '--set', 'intervalUnits=10', '--time-unit-ms', '300', '--no-store'],
      { stdio: ['ignore', 'pipe', 'pipe'], env: ENV });
    let out = '';
    let err = '';
    let victim = 0;
    let outAtCrash = '';
    const crashLine = new Promise<string>((resolve) => {
      child.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /^\[\S+ (\d+)\] Hello from child/m.exec(out);
        if (m && !victim) { victim = Number(m[1]); process.kill(victim, 'SIGKILL'); }
      });
      child.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const line = err.split('\n').find((l) => l.includes('crash'));
        if (line && !outAtCrash) { outAtCrash = out; resolve(line); }
      });
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    const line = await crashLine;
    expect(line).toBe(`✗ crash: Process-1 (pid ${victim}) was killed by SIGKILL before its program finished`);
    expect(child.exitCode).toBeNull(); // the run is still going
    expect(await exited).toBe(1);
    // The parent created more children after the crash was shown: the run went on.
    const later = out.slice(outAtCrash.length);
    expect(later).toMatch(/Hello from parent/);
    expect(out).toMatch(/fork-loop: failed/);
    expect(err.split('\n').filter((l) => l.includes('crash'))).toHaveLength(1);
  });

  it('npm run --silent lab leaves only the JSON on stdout', () => {
    const r = spawnSync('npm', ['run', '--silent', 'lab', '--', 'scenarios', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: CLI_TEST_TIMEOUT_MS, env: ENV });
    expect(r.status).toBe(0);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });
});
