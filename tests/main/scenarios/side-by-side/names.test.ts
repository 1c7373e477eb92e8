// Issue 9, point 3, side by side with Python: processes carry the names Python gives them
// (Process-N in creation order, the class's name for a Process subclass, the seed's own
// names where it gives some), and every explanation says once that the OS parent of every
// worker is the lab itself.
import { afterAll, describe, expect, it } from 'vitest';
import { SCENARIO_CATALOGUE } from '../../../../shared/scenarios';
import { OS_PARENT_TEXT } from '../../../../shared/scenarios/common';
import { newHost, run } from '../../../support/lab-host';
import { describeRun, HANG_EXIT_CODE, runPythonOnce } from '../../../support/python-runner';
import { labLines, pyLines, sorted } from './support';

const host = newHost(4);
afterAll(() => host.close());
const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);

describe('default names, as Python numbers its processes', () => {
  it('producer-consumer with no end signal: the consumers left blocked are Process-4..9 in the lab as in Python', async () => {
    const params = { timeUnitMs: 10, sleepMaxUnits: 2, ending: 'none' };
    const py = await runPythonOnce('producer-consumer', { ...params, hangAfterS: 3 });
    expect(py.code, describeRun(py)).toBe(HANG_EXIT_CODE);
    const pyLeft = [...py.stderr.matchAll(/(Process-\d+) \(pid \d+\)/g)].map((m) => m[1]);
    const lab = await run(host, { scenario: 'producer-consumer', params: { ...params, seed: 1 } });
    expect(lab.status).toBe('hung');
    const labLeft = lab.hang!.blocked.filter((b) => b.op === 'get').map((b) => b.name); // the parent waits for them at exit
    // Three producers made first (Process-1..3), then six consumers.
    const consumers = range(6, 4).map((k) => `Process-${k}`);
    expect(sorted(pyLeft)).toEqual(sorted(consumers));
    expect(sorted(labLeft)).toEqual(sorted(consumers));
    expect(lab.processes.map((p) => p.name).sort()).toEqual(sorted(['MainProcess', ...range(9).map((k) => `Process-${k}`)]));
  });

  it('task-queue: the seed subclasses Process as Consumer, so its workers are Consumer-1..3 in both', async () => {
    const params = { tasks: 6, consumers: 3, timeUnitMs: 10 };
    const lab = await labLines(host, 'task-queue', params);
    const py = await pyLines('task-queue', params);
    for (const lines of [py.lines, lab.lines]) {
      expect(sorted(lines.filter((l) => l.endsWith(': Exiting')))).toEqual(range(3).map((k) => `Consumer-${k}: Exiting`));
      expect(new Set(lines.filter((l) => / \* \d$/.test(l)).map((l) => l.split(':')[0])).size).toBeGreaterThanOrEqual(1);
      for (const l of lines.filter((x) => / \* \d$/.test(x))) expect(l).toMatch(/^Consumer-[123]: \d \* \d$/);
    }
  });

  it('queue-polling: the seed\'s Counter subclass names its processes Counter-1..3', async () => {
    const params = { counters: 3, steps: 1, timeUnitMs: 10 };
    const lab = await labLines(host, 'queue-polling', params);
    expect(lab.report.processes.filter((p) => p.parentPid !== null).map((p) => p.name)).toEqual(['Counter-1', 'Counter-2', 'Counter-3']);
    // What the seed's Counter.label and r.exitcode print: " @ <pid> <state>", and one exit code.
    const py = await pyLines('queue-polling', params);
    const labRoot = lab.report.processes.find((p) => p.parentPid === null)!.pid;
    for (const [lines, root] of [[py.lines, py.pid], [lab.lines, labRoot]] as const) {
      expect(sorted(lines.filter((l) => l.startsWith(' @ ')).map((l) => l.replace(/\d{3,}/, 'X'))))
        .toEqual(sorted([' @ X 1', ' @ X 101', ' @ X 1001', ' @ X -', ' @ X -', ' @ X -']));
      expect(lines.at(-1)).toBe(`finish ${root} 0`);
    }
  });

  it('the seed\'s own names where it gives some: condition\'s s1 and stage_2[i], semaphore-pool\'s 0..n-1', async () => {
    const cond = { timeUnitMs: 100 };
    const labCond = await labLines(host, 'condition', cond);
    const pyCond = await pyLines('condition', cond);
    for (const lines of [pyCond.lines, labCond.lines]) {
      expect(lines.slice(0, 4)).toEqual(['Starting stage_2[1]', 'Starting stage_2[2]', 'Starting s1', 's1 done and ready for stage 2']);
      expect(sorted(lines.slice(4))).toEqual(['stage_2[1] running', 'stage_2[2] running']);
    }
    const sem = { jobs: 5, slots: 2, timeUnitMs: 10 };
    const labSem = await labLines(host, 'semaphore-pool', sem);
    const pySem = await pyLines('semaphore-pool', sem);
    for (const lines of [pySem.lines, labSem.lines]) {
      expect(lines.map((l) => /^Activating (\d) now running /.exec(l)?.[1]).filter(Boolean).sort()).toEqual(['0', '1', '2', '3', '4']);
    }
  });

  it('no scenario gives its processes names of the lab\'s own: Process-N where the seed names none', async () => {
    // The names each seed's program gets from Python (Process-N counts every Process the parent makes).
    const cases: [string, Record<string, unknown>, string[]][] = [
      ['lock', { workers: 2 }, ['Process-1', 'Process-2']],
      ['manager-dict', { workers: 3 }, ['Process-1', 'Process-2', 'Process-3']],
      ['manager-namespace', {}, ['Process-1', 'Process-2']],
      ['pipe', {}, ['Process-1', 'Process-2']],
      ['whoami', { children: 2 }, ['Process-1', 'Process-2', 'Process-3']],
      ['fork-loop', { iterations: 2 }, ['Process-1', 'Process-2']],
      ['event-signal', {}, ['block', 'nonblock']],
    ];
    for (const [scenario, params, names] of cases) {
      const r = await run(host, { scenario, params: { ...params, timeUnitMs: 5, seed: 1 } });
      expect(r.status, scenario).toBe('completed');
      expect(r.processes.filter((p) => p.parentPid !== null).map((p) => p.name).sort(), scenario).toEqual(names);
    }
  });
});

describe('the OS parent', () => {
  it.each(SCENARIO_CATALOGUE.map((s) => [s.id, s.explanation] as const))('%s\'s explanation says once that the lab is every worker\'s real parent', (_id, text) => {
    expect(text.split(OS_PARENT_TEXT)).toHaveLength(2);
    expect(text.endsWith(OS_PARENT_TEXT)).toBe(true);
  });
});
