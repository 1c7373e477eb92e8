// The three reports issue 7 found judging what they could not know, on real runs ended
// otherwise: a consumer killed from outside, a run cut at its wall-clock limit, a parent killed.
import { afterAll, describe, expect, it } from 'vitest';
import type { InvariantResult, RunReport } from '../../../../shared/run-report';
import { newHost, startRun, survivors } from '../../../support/lab-host';

const host = newHost(8);
afterAll(() => host.close());
const inv = (r: RunReport, id: string): InvariantResult => {
  const found = r.invariants.find((i) => i.id === id);
  if (!found) throw new Error(`no invariant ${id} in ${JSON.stringify(r.invariants.map((i) => i.id))}`);
  return found;
};

describe('reports of runs that ended otherwise', () => {
  it('producer-consumer, one consumer killed with SIGKILL: each consumer reported by how it ended; no ✓ for the one that crashed', async () => {
    const handle = startRun(host, { scenario: 'producer-consumer', params: { timeUnitMs: 20, seed: 5 }, timeoutS: 60 });
    let victim = 0;
    handle.onEvents((batch) => {
      if (victim) return;
      const consumers = new Set([...handle.kernel.procs.values()].filter((p) => p.program === 'consumer').map((p) => p.pid));
      const get = batch.find((e) => e.op === 'get' && consumers.has(e.pid));
      if (get) { victim = get.pid; process.kill(victim, 'SIGKILL'); }
    });
    const r = await handle.done;
    expect(victim).toBeGreaterThan(0);
    expect(r.status).toBe('failed');
    expect(r.passed).toBe(false);
    const consumers = r.processes.filter((p) => p.program === 'consumer');
    const dead = consumers.find((p) => p.pid === victim)!;
    expect(dead.how).toBe('crashed');
    expect(consumers.filter((p) => p.how === 'daemon')).toHaveLength(5);
    const daemons = inv(r, 'daemons-ended');
    expect(daemons.ok).toBeNull();
    expect(daemons.detail).toMatch(/^5 ended as daemons when the parent exited \(SIGTERM\); /);
    expect(daemons.detail).toContain(`${dead.name} (pid ${victim}) crashed (killed by SIGKILL)`);
    expect(daemons.detail).toMatch(/s before the parent exited/);
    expect(daemons.detail).not.toMatch(/6 consumer/);
    // The safety properties still hold over the whole run.
    for (const id of ['no-name-twice', 'none-before-put', 'one-console-holder']) expect(inv(r, id).ok).toBe(true);
    expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
  }, 60_000);

  it('producer-consumer cut at a 2 s wall-clock limit with a 1000 ms unit: says what was in the queue, what was never put, and that the lab ended it', async () => {
    const r = await startRun(host, { scenario: 'producer-consumer', params: { timeUnitMs: 1000, seed: 11 }, timeoutS: 2 }).done;
    expect(r.status).toBe('timeout');
    const res = r.result as { consumed: Record<string, number>; inQueue: string[]; neverPut: string[]; lost: unknown; lostCount: unknown };
    expect(Object.keys(res.consumed).length + res.inQueue.length + res.neverPut.length).toBe(14);
    expect(res.neverPut.length).toBeGreaterThan(0);
    expect(res.lost).toBeNull();
    expect(res.lostCount).toBeNull();
    expect(r.prediction).toBeUndefined();
    const note = r.notes.find((n) => n.startsWith('The lab ended the run at its 2 s wall-clock limit before the parent exited'));
    expect(note, r.notes.join('\n')).toBeDefined();
    expect(note).toContain(`${res.inQueue.length} name(s) were in the queue`);
    expect(note).toContain(`${res.neverPut.length} were never put`);
    expect(r.notes.join(' ')).not.toMatch(/The parent exited|were lost/);
    for (const id of ['lost-listed', 'daemons-ended', 'all-put']) {
      expect(inv(r, id).ok, id).toBeNull();
      expect(inv(r, id).detail).toMatch(/^the lab ended the run at its 2 s wall-clock limit/);
    }
    for (const id of ['no-name-twice', 'none-before-put', 'one-console-holder']) {
      expect(inv(r, id).ok).toBe(true);
      expect(inv(r, id).detail).toMatch(/so far/);
    }
  }, 30_000);

  it('fork-loop with MainProcess killed: the parent\'s counter and the child count are not judged, and say why', async () => {
    const handle = startRun(host, { scenario: 'fork-loop', params: { timeUnitMs: 300, seed: 1 }, timeoutS: 30 });
    let root = 0;
    handle.onEvents((batch) => {
      if (root) return;
      const child = batch.find((e) => e.life === 'created' && e.proc?.name !== 'MainProcess');
      if (child) { root = [...handle.kernel.procs.values()].find((p) => p.parentPid === null)!.pid; process.kill(root, 'SIGKILL'); }
    });
    const r = await handle.done;
    expect(r.status).toBe('failed');
    const main = r.processes.find((p) => p.parentPid === null)!;
    expect(main.how).toBe('crashed');
    const counter = inv(r, 'parent-counter-unchanged');
    expect(counter.ok).toBeNull();
    expect(counter.detail).toContain(`MainProcess (pid ${main.pid}) crashed (killed by SIGKILL)`);
    expect(counter.detail).not.toMatch(/undefined/);
    expect(inv(r, 'children-count').ok).toBeNull();
    expect(r.result.parentCounterAfter).toBeNull();
    expect(r.prediction).toBeUndefined();
    expect(JSON.stringify(r.invariants)).not.toMatch(/undefined/);
    expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
  }, 30_000);

  // A spread of processes killed from outside mid-run: the victim may leave others blocked for
  // ever (a hang) or the run may go on to its end; either way nothing is blamed on the lesson.
  it.each([
    ['task-queue', 'consumer', 'get', { consumers: 2, timeUnitMs: 50 }],
    ['producer-consumer', 'consumer', 'get', { ending: 'poison-pill', timeUnitMs: 10 }],
    ['whoami', 'whoami', 'acquire', { children: 3 }],
    ['semaphore-pool', 'job', 'append', { jobs: 5, timeUnitMs: 50 }],
    ['manager-dict', 'main', 'join', { workers: 4 }],
  ] as const)('%s with its first %s process killed at its first %s(): failed, naming it, and nothing judged false', async (scenario, program, op, params) => {
    const handle = startRun(host, { scenario, params: { ...params, seed: 2 }, timeoutS: 60 });
    let victim = 0;
    handle.onEvents((batch) => {
      if (victim) return;
      const pids = new Set([...handle.kernel.procs.values()].filter((p) => p.program === program).map((p) => p.pid));
      const e = batch.find((x) => pids.has(x.pid) && x.op === op);
      if (e) { victim = e.pid; process.kill(victim, 'SIGKILL'); }
    });
    const r = await handle.done;
    expect(victim).toBeGreaterThan(0);
    expect(r.status).toBe('failed');
    const dead = r.processes.find((p) => p.pid === victim)!;
    expect(dead.how).toBe('crashed');
    for (const i of r.invariants) {
      expect(i.ok, `${i.id}: ${i.detail}`).not.toBe(false);
      expect(i.detail).not.toMatch(/undefined|NaN/);
    }
    const named = r.invariants.filter((i) => i.ok === null && i.detail.includes(`${dead.name} (pid ${victim}) crashed (killed by SIGKILL)`));
    expect(named.length, JSON.stringify(r.invariants)).toBeGreaterThan(0);
    expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
  }, 60_000);
});
