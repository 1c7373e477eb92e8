// Issue 9, point 4, side by side with Python: under fork a child starts with a copy of its
// parent's globals as they are at start(), under spawn with the program's first values (and
// its module called __mp_main__). The lab and our Python twins run with the same parameters
// under each start method and must print the same thing, pids aside.
import { afterAll, describe, expect, it } from 'vitest';
import { newHost } from '../../../support/lab-host';
import { labLines, maskPids, pyLines, sorted } from './support';

const host = newHost(4);
afterAll(() => host.close());
const METHODS = ['fork', 'spawn'] as const;

describe('fork-loop: the child\'s copy of the parent\'s counter', () => {
  /** The parent is P, its children C1, C2, ... in the order of its "Hello from parent" lines. */
  function normalized(lines: string[]): string[] {
    const parent = lines.map((l) => /^Hello from parent (\d+) (\d+)$/.exec(l)).filter((m) => m !== null);
    const root = Number(parent[0]![1]);
    const tokens = new Map<number, string>([[root, 'P']]);
    parent.filter((m) => Number(m![1]) === root).forEach((m, k) => tokens.set(Number(m![2]), `C${k + 1}`));
    return sorted(lines.map((l) => maskPids(l, tokens)));
  }

  it.each(METHODS)('%s: the same lines in the lab and in Python', async (startMethod) => {
    const params = { iterations: 4, intervalUnits: 1, timeUnitMs: 20, startMethod };
    const lab = await labLines(host, 'fork-loop', params);
    const py = await pyLines('fork-loop', params);
    expect(lab.report.status).toBe('completed');
    const copies = startMethod === 'fork' ? [0, 1, 2, 3] : [0, 0, 0, 0];
    const expected = sorted([
      ...[1, 2, 3, 4].map((k) => `Hello from parent P C${k}`),
      ...[1, 2, 3, 4].map((k) => `Hello from child C${k} (my copy of the counter is ${copies[k - 1]})`),
      'parent P: my counter is 4',
    ]);
    expect(normalized(py.lines)).toEqual(expected);
    expect(normalized(lab.lines)).toEqual(expected);
  });

  it.each(METHODS)('%s, childExits=false: every process\'s copies, the runaway\'s too, as in Python', async (startMethod) => {
    const params = { iterations: 3, intervalUnits: 1, childExits: false, timeUnitMs: 20, startMethod };
    const copiesOf = (lines: string[]) => lines.map((l) => /counter is (\d+)\)$/.exec(l)?.[1]).filter((c) => c !== undefined).sort();
    const lab = await labLines(host, 'fork-loop', params);
    const py = await pyLines('fork-loop', params);
    // Under fork a child that runs on copies its own count into its children: 0, 0, 0, 1, 1, 1, 2.
    const expected = startMethod === 'fork' ? ['0', '0', '0', '1', '1', '1', '2'] : ['0', '0', '0', '0', '0', '0', '0'];
    expect(copiesOf(py.lines)).toEqual(expected);
    expect(copiesOf(lab.lines)).toEqual(expected);
    expect(lab.report.processes).toHaveLength(8);
    expect(py.lines.filter((l) => l.startsWith('parent '))).toEqual([`parent ${py.pid}: my counter is 3`]);
    expect(lab.lines.filter((l) => l.startsWith('parent '))).toEqual([`parent ${lab.report.result.parentPid}: my counter is 3`]);
  });
});

describe('shared-memory: the global count against the shared Value and Array (multi3)', () => {
  /** Pids masked; loop 2's children run side by side, so their order and what they saw of the parent's updates are the timing's. */
  function normalized(lines: string[]): string[] {
    const out = lines.map((l) => l.replace(/pid:\s*\d+/, 'pid:X'));
    const at = out.indexOf('loop2 (updates in parent, parallel children)...');
    const loop2 = out.slice(at + 1, at + 4).map((l) => l.replace(/value:\d+, array:\[.*\]$/, 'value:?, array:?')).sort();
    return [...out.slice(0, at + 1), ...loop2, ...out.slice(at + 4)];
  }
  const row = (label: string, global: number, value: number, array: number[]) =>
    `${label.padEnd(12)}: pid:X, global:${global}, value:${value}, array:[${array.map((x) => x.toFixed(1)).join(', ')}]`;
  /** The seed's figures: under fork children read 0, then 1, 2, 3, then 4, 5, 6; under spawn 0 everywhere. */
  const expected = (fork: boolean) => [
    row('parent start', 0, 0, [0, 0, 0]),
    row('child', 0, 0, [0, 0, 0]),
    '', 'loop1 (updates in parent, serial children)...',
    row('process 0', fork ? 1 : 0, 1, [1, 0, 0]),
    row('process 1', fork ? 2 : 0, 2, [1, 1, 0]),
    row('process 2', fork ? 3 : 0, 3, [1, 1, 1]),
    '', 'loop2 (updates in parent, parallel children)...',
    ...[0, 1, 2].map((i) => `process ${i}`.padEnd(12) + `: pid:X, global:${fork ? 4 + i : 0}, value:?, array:?`),
    '', 'loop3 (updates in serial children)...',
    row('parent temp', 6, 9, [5, 5, 5]),
    '', 'loop4 (updates in parallel children)...',
    row('parent end', 6, 12, [8, 8, 8]),
  ];

  it.each(METHODS)('%s: line for line the same as Python\'s, array slots as floats', async (startMethod) => {
    const params = { procs: 3, timeUnitMs: 10, startMethod };
    const lab = await labLines(host, 'shared-memory', params);
    const py = await pyLines('shared-memory', params);
    expect(lab.report.status).toBe('completed');
    expect(lab.report.invariants.every((x) => x.ok), JSON.stringify(lab.report.invariants)).toBe(true);
    const want = expected(startMethod === 'fork');
    const pyShown = normalized(py.lines);
    expect(pyShown.slice(0, -1)).toEqual(want.slice(0, -1));
    // Python's loop 4 adds 1 to the Value and each slot without the lock, as the seed does: under
    // load one of those += 1 can be lost (CI's machine once showed 11). The lab holds the lock.
    const end = /^parent end  : pid:X, global:6, value:(\d+), array:\[(.*)\]$/.exec(pyShown.at(-1)!);
    expect(end, pyShown.at(-1)).not.toBeNull();
    expect(Number(end![1])).toBeGreaterThanOrEqual(10);
    expect(Number(end![1])).toBeLessThanOrEqual(12);
    for (const slot of end![2].split(', ')) expect(['6.0', '7.0', '8.0']).toContain(slot);
    expect(normalized(lab.lines)).toEqual(want);
  });
});

describe('whoami: __name__ in the parent and in the children (multi1)', () => {
  it.each([['fork', '__main__'], ['spawn', '__mp_main__']] as const)('%s: children print %s, the parent __main__, in the lab as in Python', async (startMethod, childModule) => {
    const params = { children: 3, timeUnitMs: 10, startMethod };
    const lab = await labLines(host, 'whoami', params);
    const py = await pyLines('whoami', params);
    const mask = (lines: string[]) => lines.map((l) => l.replace(/pid:\d+$/, 'pid:X'));
    const expected = [
      'function call: name:__main__, pid:X',
      `spawned child: name:${childModule}, pid:X`,
      ...sorted(['Main process exit.', ...[0, 1, 2].map((i) => `run process ${i}: name:${childModule}, pid:X`)]),
    ];
    for (const lines of [py.lines, lab.lines]) {
      const m = mask(lines);
      // The direct call and the joined child come first; the rest in whatever order the run gave.
      expect([...m.slice(0, 2), ...sorted(m.slice(2))]).toEqual(expected);
    }
    expect(py.lines[0]).toBe(`function call: name:__main__, pid:${py.pid}`);
    expect(lab.lines[0]).toBe(`function call: name:__main__, pid:${lab.report.result.parentPid}`);
  });
});

describe('pool-map: the workers are named after the start method\'s class', () => {
  it.each([['fork', 'ForkPoolWorker'], ['spawn', 'SpawnPoolWorker']] as const)('%s: Starting %s-1..3, the same lines in the lab and in Python', async (startMethod, cls) => {
    const params = { inputs: 10, poolSize: 3, timeUnitMs: 10, startMethod };
    const lab = await labLines(host, 'pool-map', params);
    const py = await pyLines('pool-map', params);
    for (const lines of [py.lines, lab.lines]) {
      expect(lines).toHaveLength(6);
      expect(sorted(lines.slice(2, 5))).toEqual([1, 2, 3].map((k) => `Starting ${cls}-${k}`));
    }
    expect(lab.report.processes.filter((p) => p.parentPid !== null).map((p) => p.name).sort()).toEqual([1, 2, 3].map((k) => `${cls}-${k}`));
  });
});
