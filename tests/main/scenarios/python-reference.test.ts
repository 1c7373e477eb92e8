// Our Python reference programs (main/scenarios/python/): each runs with real Python
// multiprocessing, ends as it should (or hangs by design and is ended by hangAfterS),
// leaves no process behind, and prints what the seed's example prints.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCENARIO_CATALOGUE } from '../../../shared/scenarios';
import { COMMON_PARAMS } from '../../../shared/scenario-meta';
import { resolveParams } from '../../../shared/params';
import {
  HANG_EXIT_CODE, PYTHON_DIR, describeRun, leftAfterExit, programPath, requirePython, runPythonOnce, type PythonRun,
} from '../../support/python-runner';

const FAST = { timeUnitMs: 10, seed: 7 };
/** Parameters of ours that the lab has no use for. */
const OURS = ['startMethod', 'hangAfterS'];

/** Ran to its end, exit 0, nothing left behind. */
function expectClean(r: PythonRun): void {
  expect(r.code, describeRun(r)).toBe(0);
  expect(r.leftovers, describeRun(r)).toEqual([]);
}
/** Hung as designed and was ended by hangAfterS, nothing left behind. */
function expectHungAndEnded(r: PythonRun): void {
  expect(r.code, describeRun(r)).toBe(HANG_EXIT_CODE);
  expect(r.timedOut).toBe(false);
  expect(r.stderr).toMatch(/hangAfterS: still running after/);
  expect(r.leftovers, describeRun(r)).toEqual([]);
}
const matching = (r: PythonRun, re: RegExp) => r.lines.filter((l) => re.test(l));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('the Python reference programs', () => {
  it('need python3 3.11 or newer, and find it', () => {
    const { version } = requirePython();
    const [major, minor] = version.split('.').map(Number);
    expect(major).toBe(3);
    expect(minor).toBeGreaterThanOrEqual(11);
  });

  it('cover every scenario of the catalogue', () => {
    for (const id of SCENARIO_CATALOGUE.map((s) => s.id)) expect(existsSync(programPath(id)), id).toBe(true);
  });

  it('take the lab\'s parameters with the lab\'s defaults', () => {
    const cpus = os.availableParallelism();
    for (const meta of SCENARIO_CATALOGUE) {
      const r = spawnSync(requirePython().command, [programPath(meta.id), '--params'], { encoding: 'utf8', cwd: PYTHON_DIR });
      expect(r.status, `${meta.id}: ${r.stderr}`).toBe(0);
      const py = JSON.parse(r.stdout) as Record<string, unknown>;
      const lab = resolveParams(meta.params, {}, cpus);
      if (!lab.ok) throw new Error(lab.error.message);
      const common = Object.fromEntries(COMMON_PARAMS.filter((p) => p.name !== 'seed').map((p) => [p.name, p.default]));
      const ourOwn = Object.fromEntries(Object.entries(py).filter(([k]) => OURS.includes(k) || k === 'seed'));
      expect(py, meta.id).toEqual({ ...lab.values, ...common, ...ourOwn });
      expect(py.startMethod).toBe('fork');
    }
  });

  it('refuse a bad parameter, naming it and what is allowed', () => {
    const r = spawnSync(requirePython().command, [programPath('producer-consumer'), JSON.stringify({ ending: 'never', timeUnitMs: 10 })], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain("parameter 'ending' is 'never'; allowed: 'daemon', 'poison-pill', 'joinable', 'none'");
    const u = spawnSync(requirePython().command, [programPath('fork-loop'), JSON.stringify({ iteration: 3 })], { encoding: 'utf8' });
    expect(u.status).toBe(2);
    expect(u.stderr).toContain("unknown parameter 'iteration'; allowed: iterations, intervalUnits, childExits, maxProcesses");
  });
});

describe('fork-loop.py', () => {
  const parentLine = /^Hello from parent (\d+) (\d+)$/;
  const childLine = /^Hello from child (\d+) \(my copy of the counter is (\d+)\)$/;

  it.each(['fork', 'spawn'])('the parent prints its pid and each child\'s, each child its own (%s)', async (startMethod) => {
    const r = await runPythonOnce('fork-loop', { ...FAST, intervalUnits: 1, startMethod });
    expectClean(r);
    const parents = matching(r, parentLine).map((l) => parentLine.exec(l)!.slice(1).map(Number));
    const children = matching(r, childLine).map((l) => Number(childLine.exec(l)![1]));
    expect(r.lines).toHaveLength(9);
    expect(parents.map(([p]) => p)).toEqual([r.pid, r.pid, r.pid, r.pid]);
    expect([...children].sort()).toEqual(parents.map(([, c]) => c).sort());
    // The child's copy of the parent's counter: the count at the fork, or 0 when spawned afresh.
    const copies = parents.map(([, c]) => Number(childLine.exec(r.lines.find((l) => l.startsWith(`Hello from child ${c} `))!)![2]));
    expect(copies).toEqual(startMethod === 'fork' ? [0, 1, 2, 3] : [0, 0, 0, 0]);
    expect(r.lines).toContain(`parent ${r.pid}: my counter is 4`);
    expect(r.stderr).toContain('5 processes in all, 0 starts refused');
  });

  it('childExits=false: children fork too, the tree has grandchildren', async () => {
    const r = await runPythonOnce('fork-loop', { ...FAST, iterations: 3, childExits: false });
    expectClean(r);
    const forkers = new Set(matching(r, parentLine).map((l) => Number(parentLine.exec(l)![1])));
    expect(matching(r, parentLine)).toHaveLength(7); // 2^3 processes: 7 children in all
    expect(matching(r, childLine)).toHaveLength(7);
    expect(forkers.size).toBe(4); // the parent, and three children that forked on
    expect(r.stderr).toContain('8 processes in all, 0 starts refused');
  });

  it('childExits=false past maxProcesses: refuses the extra starts, ends, leaves nothing', async () => {
    const r = await runPythonOnce('fork-loop', { ...FAST, iterations: 6, childExits: false, maxProcesses: 12 });
    expectClean(r);
    expect(matching(r, childLine)).toHaveLength(11);
    expect(r.stderr).toMatch(/12 processes in all, [1-9]\d* starts refused/);
  });
});

describe('producer-consumer.py', () => {
  const NAMES = ['Ada', 'Basil', 'Cora', 'Dmitri', 'Elsa', 'Femi', 'Gwen', 'Hugo', 'Ines', 'Jonas', 'Keiko', 'Luca', 'Mira', 'Nico'];
  const got = (r: PythonRun) => matching(r, /^\d+ got /).map((l) => l.replace(/^\d+ got /, ''));
  const params = { ...FAST, sleepMaxUnits: 2 };

  it.each(['poison-pill', 'joinable'])('ending=%s: every name eaten once, the parent\'s line last', async (ending) => {
    const r = await runPythonOnce('producer-consumer', { ...params, ending });
    expectClean(r);
    expect([...got(r)].sort()).toEqual([...NAMES].sort());
    expect(matching(r, /^Starting producer => \d+$/)).toHaveLength(3);
    expect(matching(r, /^Starting consumer => \d+$/)).toHaveLength(6);
    expect(matching(r, /^Producer \d+ exiting\.\.\.$/)).toHaveLength(3);
    expect(r.lines[r.lines.length - 1]).toBe('Parent process exiting...');
  });

  it('ending=daemon: the parent exits after the producers; no name twice', async () => {
    const r = await runPythonOnce('producer-consumer', { ...params, ending: 'daemon' });
    expectClean(r);
    expect(new Set(got(r)).size).toBe(got(r).length);
    for (const n of got(r)) expect(NAMES).toContain(n);
    expect(r.lines).toContain('Parent process exiting...');
  });

  it('ending=none hangs: the consumers wait in get() for ever, hangAfterS ends them', async () => {
    const r = await runPythonOnce('producer-consumer', { ...params, ending: 'none', hangAfterS: 4 });
    expectHungAndEnded(r);
    expect([...got(r)].sort()).toEqual([...NAMES].sort());
    expect(r.lines).toContain('Parent process exiting...');
    expect(r.stderr.match(/Process-\d+ \(pid \d+\)/g)).toHaveLength(6); // the six consumers
  });
});

describe('end-signal.py (seed 004)', () => {
  const ate = (r: PythonRun) => matching(r, / Ate /).map((l) => l.split(' Ate ')[1]);

  it('no-signal: "Main process" first, then the consumer blocks for ever', async () => {
    const r = await runPythonOnce('end-signal', { ...FAST, variant: 'no-signal', hangAfterS: 3 });
    expectHungAndEnded(r);
    expect(r.lines[0]).toBe('Main process');
    expect(ate(r)).toEqual(['plum 0', 'plum 1', 'plum 2']);
    expect(r.stderr).toMatch(/processes left: Process-2 \(pid \d+\);/);
  });

  it('no-signal without hangAfterS never ends: the runner\'s limit kills its whole process group', async () => {
    const r = await runPythonOnce('end-signal', { ...FAST, variant: 'no-signal' }, 3000);
    expect(r.timedOut).toBe(true);
    expect(r.signal).toBe('SIGKILL');
    expect(r.lines[0]).toBe('Main process');
    // SIGKILLed a moment ago: every member is gone within the runner's grace period.
    expect(await leftAfterExit(r.pid)).toEqual([]);
  });

  it('one-none: one None after join() lets the consumer leave', async () => {
    const r = await runPythonOnce('end-signal', { ...FAST, variant: 'one-none' });
    expectClean(r);
    expect(ate(r)).toEqual(['plum 0', 'plum 1', 'plum 2']);
    // After the join, the consumer may still be printing its last item: either order.
    expect(r.lines.indexOf('Main process')).toBeGreaterThan(r.lines.indexOf('nora Produced plum 2'));
  });

  it.each(['none-per-consumer', 'joinable-daemons'])('%s: two producers, three consumers, every item eaten once', async (variant) => {
    const r = await runPythonOnce('end-signal', { ...FAST, variant });
    expectClean(r);
    const items = ['plum', 'fig'].flatMap((f) => range(3).map((i) => `${f} ${i}`));
    expect([...ate(r)].sort()).toEqual([...items].sort());
    expect(matching(r, / Produced /)).toHaveLength(6);
    expect(r.lines).toContain('Main process');
    if (variant === 'joinable-daemons') expect(r.lines[r.lines.length - 1]).toBe('Main process');
  });
});

describe('the other programs, each as its seed shows it', () => {
  it.each(['fork', 'spawn'])('queue-object: the rebuilt object\'s method runs in the worker (%s)', async (startMethod) => {
    const r = await runPythonOnce('queue-object', { ...FAST, startMethod });
    expectClean(r);
    expect(r.lines).toEqual(['Doing something fancy in Process-1 for Fancy Dan!']);
    expect(r.stderr).toMatch(/^put after close: ValueError: Queue <multiprocessing\.queues\.Queue object at 0x[0-9a-f]+> is closed$/m);
  });

  it('task-queue: Consumer-N names, one pill each, every result once after join()', async () => {
    const r = await runPythonOnce('task-queue', { ...FAST, tasks: 6, consumers: 3 });
    expectClean(r);
    expect(r.lines[0]).toBe('Creating 3 consumers');
    const ran = matching(r, /^Consumer-[123]: \d \* \d$/).map((l) => l.split(': ')[1]);
    expect([...ran].sort()).toEqual(range(6).map((i) => `${i} * ${i}`));
    expect(matching(r, /^Consumer-\d: Exiting$/).sort()).toEqual(['Consumer-1: Exiting', 'Consumer-2: Exiting', 'Consumer-3: Exiting']);
    const results = r.lines.slice(-6);
    expect([...results].sort()).toEqual(range(6).map((i) => `Result: ${i} * ${i} = ${i * i}`));
  });

  it('event-signal: the timed waiter sees False, the patient one True', async () => {
    const r = await runPythonOnce('event-signal', { timeUnitMs: 200 });
    expectClean(r);
    expect(r.lines).toHaveLength(6);
    expect(r.lines).toContain('main: waiting before calling Event.set()');
    const idx = (l: string) => r.lines.indexOf(l);
    expect(idx('wait_for_event_timeout: e.is_set()-> False')).toBeGreaterThan(idx('wait_for_event_timeout: starting'));
    expect(idx('wait_for_event_timeout: e.is_set()-> False')).toBeLessThan(idx('main: event is set'));
    expect(idx('wait_for_event: e.is_set()-> True')).toBeGreaterThan(idx('wait_for_event: starting'));
  });

  it('lock: with the lock, each worker\'s lines come out whole', async () => {
    const r = await runPythonOnce('lock', { ...FAST, workers: 3, charsPerLine: 5 });
    expectClean(r);
    expect(r.lines).toHaveLength(6);
    const pairs = range(3).map((i) => r.lines.slice(2 * i, 2 * i + 2).join(' / '));
    expect(pairs.sort()).toEqual(['Lock acquired via with / AAAAA', 'Lock acquired directly / BBBBB', 'Lock acquired via with / CCCCC'].sort());
  });

  it('lock: without it, every character still reaches the one stream', async () => {
    const r = await runPythonOnce('lock', { ...FAST, workers: 3, charsPerLine: 5, useLock: false });
    expectClean(r);
    expect([...r.lines.join('')].sort().join('')).toBe('AAAAABBBBBCCCCC');
  });

  it.each([['fork', '__main__'], ['spawn', '__mp_main__']])('whoami: __name__ and pids, the exit line among the children (%s)', async (startMethod, childName) => {
    const r = await runPythonOnce('whoami', { ...FAST, children: 3, startMethod });
    expectClean(r);
    expect(r.lines[0]).toBe(`function call: name:__main__, pid:${r.pid}`);
    expect(r.lines[1]).toMatch(new RegExp(`^spawned child: name:${childName}, pid:\\d+$`));
    expect(r.lines[1]).not.toContain(`pid:${r.pid}`);
    expect(r.lines).toHaveLength(6);
    expect(r.lines).toContain('Main process exit.');
    const runs = matching(r, /^run process \d/);
    expect(runs.map((l) => l.split(':')[0]).sort()).toEqual(['run process 0', 'run process 1', 'run process 2']);
    for (const l of runs) expect(l).toMatch(new RegExp(`: name:${childName}, pid:\\d+$`));
  });

  it('condition: stage 2 runs only after stage 1\'s notify_all', async () => {
    const r = await runPythonOnce('condition', { timeUnitMs: 100 });
    expectClean(r);
    expect(r.lines.slice(0, 4)).toEqual(['Starting stage_2[1]', 'Starting stage_2[2]', 'Starting s1', 's1 done and ready for stage 2']);
    expect(r.lines.slice(4).sort()).toEqual(['stage_2[1] running', 'stage_2[2] running']);
  });

  it('semaphore-pool: never more active names than slots, each job once', async () => {
    const r = await runPythonOnce('semaphore-pool', { ...FAST, jobs: 6, slots: 2 });
    expectClean(r);
    const act = /^Activating (\d) now running \[(.*)\]$/;
    const activations = matching(r, act).map((l) => act.exec(l)!);
    expect(activations.map((m) => m[1]).sort()).toEqual(['0', '1', '2', '3', '4', '5']);
    for (const m of activations) {
      expect(m[2].split(', ').length).toBeLessThanOrEqual(2);
      expect(m[2]).toContain(`'${m[1]}'`); // Python's repr of a list of str
    }
    expect(r.lines[r.lines.length - 1]).toBe('Now running []');
  });

  it('manager-dict: every key, as Python prints a dict', async () => {
    const r = await runPythonOnce('manager-dict', { ...FAST, workers: 5 });
    expectClean(r);
    expect(r.lines).toHaveLength(1);
    const m = /^Results: \{(.*)\}$/.exec(r.lines[0]);
    expect(m, r.lines[0]).not.toBeNull();
    expect(m![1].split(', ').sort()).toEqual(['0: 0', '1: 2', '2: 4', '3: 6', '4: 8']);
  });

  // What the read before the event sees depends on who runs first, in Python as in the lab:
  // each variant lists what it may print there.
  it.each([
    ['value', ["Before event, error: 'Namespace' object has no attribute 'value'", 'Before event: This is the value'], 'After event: This is the value'],
    ['mutable-gotcha', ['Before event: []'], 'After event : []'],
    ['mutable-fixed', ['Before event: []', "Before event: ['This is the value']"], "After event : ['This is the value']"],
  ])('manager-namespace %s', async (variant, before, after) => {
    const r = await runPythonOnce('manager-namespace', { ...FAST, variant });
    expectClean(r);
    expect(r.lines).toHaveLength(2);
    expect(before).toContain(r.lines[0]);
    expect(r.lines[1]).toBe(after);
  });

  it('pool-map: the lazy map object, each worker\'s greeting, the pool\'s list in input order', async () => {
    const r = await runPythonOnce('pool-map', { ...FAST, poolSize: 3 });
    expectClean(r);
    expect(r.lines[0]).toBe('Input   : [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]');
    expect(r.lines[1]).toMatch(/^Built-in: <map object at 0x[0-9a-f]+>$/);
    expect(r.lines.slice(2, 5).sort()).toEqual(['Starting ForkPoolWorker-1', 'Starting ForkPoolWorker-2', 'Starting ForkPoolWorker-3']);
    expect(r.lines[5]).toBe('Pool    : [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]');
  });

  it('pool-map with maxTasksPerChild=2: retired workers are replaced', async () => {
    const r = await runPythonOnce('pool-map', { ...FAST, poolSize: 2, maxTasksPerChild: 2 });
    expectClean(r);
    // 10 inputs in chunks of 2 make 5 tasks: two workers of 2 tasks each cannot do them all.
    expect(matching(r, /^Starting ForkPoolWorker-\d+$/).length).toBeGreaterThanOrEqual(3);
    expect(r.lines[r.lines.length - 1]).toBe('Pool    : [0, 2, 4, 6, 8, 10, 12, 14, 16, 18]');
  });

  it('pipe: a list, a dict, and a set in a varying order', async () => {
    const r = await runPythonOnce('pipe', FAST);
    expectClean(r);
    expect(r.lines[0]).toBe("parent got: ['spam', 42, 'eggs']");
    expect(r.lines[1]).toBe("parent got: {'name': 'Bob', 'spam': 42}");
    const set = /^talker got: \{(.*)\}$/.exec(r.lines[2]);
    expect(set![1].split(', ').sort()).toEqual(["'aa'", "'mm'", "'pp'", "'ss'"]);
    expect(r.lines[3]).toBe('parent exit');
  });

  const show = /^(.{12}): pid:\s*(\d+), global:(\d+), value:(\d+), array:\[(.*)\]$/;
  const shown = (r: PythonRun) => matching(r, show).map((l) => {
    const m = show.exec(l)!;
    return { label: m[1].trim(), pid: Number(m[2]), global: Number(m[3]), value: Number(m[4]), array: m[5] };
  });

  /**
   * The parent's last line. Loop 4's three updaters add 1 to the Value (9) and to each slot
   * (5.0) without the lock, as the seed does: under load Python itself can lose one of those
   * += 1 (CI's machine once showed 11), and the last to write always counts.
   */
  const expectRacedEnd = (end: ReturnType<typeof shown>[number]) => {
    expect(end.label).toBe('parent end');
    expect(end.value).toBeGreaterThanOrEqual(10);
    expect(end.value).toBeLessThanOrEqual(12);
    for (const slot of end.array.split(', ')) expect(['6.0', '7.0', '8.0']).toContain(slot);
  };

  it('shared-memory under fork: children start with a copy of the parent\'s global', async () => {
    const r = await runPythonOnce('shared-memory', FAST);
    expectClean(r);
    const s = shown(r);
    // Loop 2's children run side by side: their lines may come in any order.
    const loop2 = s.slice(5, 8).sort((a, b) => a.label.localeCompare(b.label));
    expect([...s.slice(0, 5), ...loop2, ...s.slice(8)].map((x) => x.global)).toEqual([0, 0, 1, 2, 3, 4, 5, 6, 6, 6]);
    expect(s.filter((x) => x.pid === r.pid).map((x) => x.label)).toEqual(['parent start', 'parent temp', 'parent end']);
    expect(s[8]).toMatchObject({ label: 'parent temp', value: 9, array: '5.0, 5.0, 5.0' });
    expectRacedEnd(s[9]);
    expect(r.lines).toContain('loop1 (updates in parent, serial children)...');
    expect(r.lines.filter((l) => l === '')).toHaveLength(4); // the seed's blank line before each loop
  });

  it('shared-memory under spawn: every child\'s global is 0', async () => {
    const r = await runPythonOnce('shared-memory', { ...FAST, startMethod: 'spawn' });
    expectClean(r);
    const s = shown(r);
    expect(s.filter((x) => x.pid !== r.pid).map((x) => x.global)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(s[s.length - 1]).toMatchObject({ label: 'parent end', global: 6 });
    expectRacedEnd(s[s.length - 1]);
  });

  it('shared-memory with the lock around the race: no increment lost', async () => {
    const r = await runPythonOnce('shared-memory', { ...FAST, procs: 2, raceIncrements: 200, useLock: true });
    expectClean(r);
    expect(shown(r).pop()).toMatchObject({ label: 'parent end', value: 4 * 2 + 2 * 2 * 200 });
  });

  it('queue-polling: " @" lines, rising states, one exit code at the end', async () => {
    const r = await runPythonOnce('queue-polling', { ...FAST, counters: 2, steps: 2 });
    expectClean(r);
    expect(r.lines[0]).toBe(`start ${r.pid}`);
    expect(r.lines[r.lines.length - 1]).toBe(`finish ${r.pid} 0`);
    const posted = matching(r, /^posted: \[\d+, \d+\]$/).map((l) => JSON.parse(l.slice(8)) as [number, number]);
    expect(posted).toHaveLength(4);
    const byPid = new Map<number, number[]>();
    for (const [pid, state] of posted) byPid.set(pid, [...(byPid.get(pid) ?? []), state]);
    expect([...byPid.values()].sort((a, b) => a[0] - b[0])).toEqual([[1, 2], [101, 102]]);
    expect(matching(r, /^ @ \d+ (\d+|-)$/)).toHaveLength(6);
  });
});

// Keep the list of programs honest: a file in the folder that no test runs is noticed.
it('every program in main/scenarios/python is one of the catalogue\'s', () => {
  const files = readdirSync(PYTHON_DIR).filter((f) => f.endsWith('.py') && f !== 'lab_params.py');
  const ids = new Set(SCENARIO_CATALOGUE.map((s) => s.id));
  expect(files.map((f) => path.basename(f, '.py')).filter((id) => !ids.has(id))).toEqual([]);
});
