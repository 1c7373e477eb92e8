import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run, survivors } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 8;

describe('fork-loop', () => {
  it(`holds every invariant over ${REPEATS} runs of the default variant`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'fork-loop', params: { timeUnitMs: 5, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id).sort()).toEqual(['child-line-after-creation', 'children-count', 'children-exit-0', 'children-parent', 'parent-counter-unchanged', 'total-within-cap']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      // The parent counts its own children; each child's copy is the count when it started (fork).
      expect(r.result).toMatchObject({ parentCounterBefore: 0, parentCounterAfter: 4, capped: false });
      const root = r.processes.find((p) => p.parentPid === null)!;
      expect(r.result.parentPid).toBe(root.pid);
      expect(r.result.children).toHaveLength(4);
      // The parent prints its own pid and each child's; each child prints its own.
      for (const child of r.result.children as number[]) {
        expect(r.output.some((o) => o.pid === root.pid && o.text === `Hello from parent ${root.pid} ${child}`)).toBe(true);
        expect(r.output.some((o) => o.pid === child && o.text.startsWith(`Hello from child ${child}`))).toBe(true);
      }
      const copies = (r.result.children as number[]).map((c) => r.output.find((o) => o.pid === c)!.text.replace(/^.*counter is (\d+)\)$/, '$1'));
      expect(copies).toEqual(['0', '1', '2', '3']);
      expect(r.output.filter((o) => o.pid === root.pid).at(-1)?.text).toBe(`parent ${root.pid}: my counter is 4`);
    }
  });

  it('without childExits, children fork too: the tree has grandchildren, 2^iterations processes', async () => {
    const r = await run(host, { scenario: 'fork-loop', params: { childExits: false, iterations: 3, timeUnitMs: 5, seed: 1 } });
    expect(r.status).toBe('completed');
    expect(r.invariants.every((x) => x.ok)).toBe(true);
    expect(r.processes).toHaveLength(8);
    const root = r.processes.find((p) => p.parentPid === null)!;
    expect(r.processes.filter((p) => p.parentPid !== null && p.parentPid !== root.pid).length).toBe(4);
    // A child that runs on counts its own children in its own copy: the parent's count stays its own.
    expect(r.result.parentCounterAfter).toBe(3);
    expect(r.output.filter((o) => o.pid === root.pid).at(-1)?.text).toBe(`parent ${root.pid}: my counter is 3`);
  });

  it('stops a runaway at maxProcesses, ends cleanly and says so', async () => {
    const r = await run(host, { scenario: 'fork-loop', params: { childExits: false, iterations: 6, maxProcesses: 10, timeUnitMs: 5, seed: 2 } });
    expect(r.status).toBe('completed');
    expect(r.result.capped).toBe(true);
    expect(r.processes.length).toBeLessThanOrEqual(10);
    expect(r.notes.join(' ')).toMatch(/maxProcesses cap \(10\) stopped a runaway/);
    // The report agrees with itself: the note, the process list and the answer key count the same processes.
    const note = r.notes.find((n) => n.includes('stopped a runaway'))!;
    expect(note).toMatch(new RegExp(`: ${r.processes.length} processes ran; the next start, by \\S+ \\(pid \\d+\\), was refused`));
    const starter = Number(/\(pid (\d+)\), was refused/.exec(note)![1]);
    // The cap is the lab's net, not the program's error: nobody prints a traceback for it.
    expect(r.output.filter((o) => /Traceback|ProcessLimit/.test(o.text))).toEqual([]);
    expect(r.processes.map((p) => p.pid)).toContain(starter);
    expect(r.result.totalProcesses).toBe(r.processes.length);
    expect(r.prediction?.answer).toBe(r.processes.length);
    expect(r.invariants.find((i) => i.id === 'total-within-cap')!.ok).toBe(true);
    expect(r.invariants.find((i) => i.id === 'tree-has-grandchildren')!.ok).toBe(true);
    expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
  });
});
