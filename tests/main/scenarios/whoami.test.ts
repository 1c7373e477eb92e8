import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;
const CHILDREN = 3; // fewer processes per run keep 20 runs quick; other counts are tried below

describe('whoami', () => {
  it(`every invariant holds and the report shows where the exit line fell, over ${REPEATS} runs`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'whoami', params: { children: CHILDREN, timeUnitMs: 5, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['children-exit-0', 'order-shown', 'joined-child-first', 'prints-under-lock', 'parent-waits-for-children']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      const order = r.result.order as string[];
      expect(order.slice(0, 2)).toEqual(['function call', 'spawned child']);
      expect([...order.slice(2)].sort()).toEqual(['exit', 'run process 0', 'run process 1', 'run process 2']);
      const after = order.length - 1 - order.indexOf('exit');
      expect(r.result.linesAfterParentExit).toBe(after);
      expect(r.prediction?.answer).toBe(after);
      expect(r.notes.length).toBe(after > 0 ? 1 : 0);
      // The direct call runs in the parent; each child line shows its own pid.
      const root = r.processes.find((p) => p.parentPid === null)!;
      const pids = r.result.pids as Record<string, number>;
      expect(pids['function call']).toBe(root.pid);
      expect(pids.exit).toBe(root.pid);
      expect(new Set(Object.entries(pids).filter(([k]) => k !== 'function call' && k !== 'exit').map(([, v]) => v)).size).toBe(CHILDREN + 1);
      // The seed prints __name__: '__main__' everywhere under fork (the default).
      for (const o of r.output) if (o.text !== 'Main process exit.') expect(o.text).toMatch(new RegExp(`: name:__main__, pid:${o.pid}$`));
      expect(r.processes.filter((p) => p !== root).map((p) => p.name).sort()).toEqual(['Process-1', 'Process-2', 'Process-3', 'Process-4']);
      // As in Python, the parent process ends after its children, even though it printed its last line earlier.
      for (const c of r.processes.filter((p) => p !== root)) expect(c.endMs!).toBeLessThanOrEqual(root.endMs!);
    }
  });

  it('the default five children, and other numbers of children', async () => {
    for (const children of [undefined, undefined, 1, 12]) {
      const r = await run(host, { scenario: 'whoami', params: { ...(children ? { children } : {}), timeUnitMs: 5, seed: 7 } });
      const n = children ?? 5;
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.processes).toHaveLength(n + 2);
      expect(r.result.order).toHaveLength(n + 3);
      expect(r.prediction?.answer).toBe(r.result.linesAfterParentExit);
    }
  });

  it('refuses bad parameters, naming the parameter and its range', () => {
    for (const [params, message] of [
      [{ children: 0 }, 'parameter "children": 0 is out of range; allowed: an integer from 1 to 20'],
      [{ children: '5' }, 'parameter "children": "5" is not an integer; allowed: an integer from 1 to 20'],
    ] as const) {
      const r = host.start({ scenario: 'whoami', params });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe(message);
    }
  });
});
