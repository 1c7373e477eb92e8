import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import { MAX_EXPECTED_WORKERS, WarmPool } from '../../../../main/core/process-port/warm-pool';
import { survivors } from '../../../support/lab-host';

const CLI = path.resolve(__dirname, '../../../../dist/main/cli/lab.js');
/** Longest wait for an orphaned worker to exit: a guard against a hang, not a speed bound. */
const HANG_GUARD_MS = 60_000;

/** Children of a pid, read from /proc (no ps needed). */
function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(d));
    } catch { /* gone meanwhile */ }
  }
  return out;
}

describe('WarmPool', () => {
  const pool = new WarmPool(new NodeForkPort(), 3);
  afterAll(() => pool.close());

  it('keeps idle workers ready, hands them out, and starts replacements', { timeout: HANG_GUARD_MS + 30_000 }, async () => {
    pool.warm();
    const until = Date.now() + HANG_GUARD_MS;
    while (pool.idleCount < 3 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(pool.idleCount).toBe(3);
    const idle = pool.idlePids;
    const w = await pool.take();
    expect(idle).toContain(w.pid); // an idle one, already started: no start-up wait
    expect(pool.idlePids).not.toContain(w.pid);
    expect(pool.liveCount).toBeGreaterThanOrEqual(3); // a replacement is on its way
    w.kill('SIGKILL');
  });

  it('reserves what a run needs before its clock starts: ready workers, lowest pid first, and starts none while the run goes on', { timeout: HANG_GUARD_MS + 30_000 }, async () => {
    const p = new WarmPool(new NodeForkPort(), 1);
    try {
      const told: [number, number][] = [];
      const r = await p.reserve(5, (ready, needed) => told.push([ready, needed]));
      expect(r.size).toBe(5);
      expect(told.at(-1)).toEqual([5, 5]);
      expect(told.map(([ready]) => ready)).toEqual([...told.map(([ready]) => ready)].sort((a, b) => a - b)); // progress only rises
      const taken = [r.take()!, r.take()!, r.take()!];
      expect(taken.map((w) => w.pid)).toEqual([...taken.map((w) => w.pid)].sort((a, b) => a - b));
      // Taking during the run starts nothing in the background.
      const live = p.liveCount;
      await new Promise((res) => setTimeout(res, 300));
      expect(p.liveCount).toBe(live);
      // The run ends: unused workers go back, the pool keeps its size (1) and lets the rest go.
      for (const w of taken) w.kill('SIGKILL');
      r.release();
      for (const until = Date.now() + HANG_GUARD_MS; p.liveCount > 1 && Date.now() < until;) await new Promise((res) => setTimeout(res, 20));
      expect(p.idleCount).toBe(1);
      expect(p.liveCount).toBe(1);
    } finally {
      p.close();
    }
  });

  it('makes ready the workers an expected run needs, up to its cap, and lets the surplus go when no run comes', { timeout: HANG_GUARD_MS + 30_000 }, async () => {
    const p = new WarmPool(new NodeForkPort(), 1);
    const idleReaches = async (n: number) => {
      for (const until = Date.now() + HANG_GUARD_MS; (p.idleCount !== n || p.liveCount !== n) && Date.now() < until;) await new Promise((r) => setTimeout(r, 20));
      return [p.idleCount, p.liveCount];
    };
    try {
      expect(p.expect(MAX_EXPECTED_WORKERS + 50, 60_000)).toBe(MAX_EXPECTED_WORKERS); // capped
      expect(await idleReaches(MAX_EXPECTED_WORKERS)).toEqual([MAX_EXPECTED_WORKERS, MAX_EXPECTED_WORKERS]);
      // The student asks for fewer: the surplus goes at once (the highest pids).
      const lowest = [...p.idlePids].sort((a, b) => a - b).slice(0, 5);
      expect(p.expect(5, 400)).toBe(5);
      expect(await idleReaches(5)).toEqual([5, 5]);
      expect([...p.idlePids].sort((a, b) => a - b)).toEqual(lowest);
      // No run within the hold: back to the base size.
      expect(await idleReaches(1)).toEqual([1, 1]);
    } finally {
      p.close();
    }
  });

  it('hands an expected run its ready workers without starting any, and goes back to its base size after it', { timeout: HANG_GUARD_MS + 30_000 }, async () => {
    const p = new WarmPool(new NodeForkPort(), 1);
    try {
      p.expect(4, 60_000);
      await p.filled();
      expect(p.idleCount).toBe(4);
      const ready = p.idlePids;
      const told: number[] = [];
      const r = await p.reserve(4, (n) => told.push(n));
      expect(told).toEqual([4]); // all four were ready at once
      const taken = [r.take()!, r.take()!, r.take()!, r.take()!];
      expect(taken.map((w) => w.pid)).toEqual(ready.sort((a, b) => a - b));
      for (const w of taken) w.kill('SIGKILL');
      r.release();
      for (const until = Date.now() + HANG_GUARD_MS; (p.liveCount !== 1 || p.idleCount !== 1) && Date.now() < until;) await new Promise((res) => setTimeout(res, 20));
      expect([p.idleCount, p.liveCount]).toEqual([1, 1]);
    } finally {
      p.close();
    }
  });

  it('close() kills every worker it started', { timeout: 2 * HANG_GUARD_MS + 30_000 }, async () => {
    const p = new WarmPool(new NodeForkPort(), 2);
    const a = await p.take();
    for (const until = Date.now() + HANG_GUARD_MS; p.idleCount < 2 && Date.now() < until;) await new Promise((r) => setTimeout(r, 20));
    const pids = [a.pid, ...p.idlePids];
    expect(pids).toHaveLength(3);
    p.close();
    expect(await survivors(pids, HANG_GUARD_MS)).toEqual([]);
    for (const until = Date.now() + HANG_GUARD_MS; p.liveCount > 0 && Date.now() < until;) await new Promise((r) => setTimeout(r, 20));
    expect(p.liveCount).toBe(0);
  });

  it('no worker outlives a host killed with SIGKILL', { timeout: HANG_GUARD_MS + 30_000 }, async () => {
    const host = spawn(process.execPath, [CLI, 'run', 'semaphore-pool', '--set', 'holdMaxUnits=10', '--time-unit-ms', '2000', '--no-store'], { stdio: ['ignore', 'pipe', 'ignore'] });
    await new Promise<void>((resolve, reject) => {
      host.stdout.on('data', (d: Buffer) => { if (d.toString().includes('Activating')) resolve(); });
      host.once('exit', (code) => reject(new Error(`the host exited early with code ${code}`)));
    });
    const workers = childrenOf(host.pid!);
    expect(workers.length).toBeGreaterThanOrEqual(4);
    // A loaded machine, made certain: one worker gets no CPU for 3 s around the host's death.
    const [slow] = workers;
    process.kill(slow, 'SIGSTOP');
    host.kill('SIGKILL');
    const resume = setTimeout(() => process.kill(slow, 'SIGCONT'), 3000);
    // What must hold is that every worker goes, not how fast: each notices its host's channel
    // close and exits, which under load can take a while. The ceiling only guards a hang.
    const left = await survivors(workers, HANG_GUARD_MS);
    clearTimeout(resume);
    try { process.kill(slow, 'SIGCONT'); } catch { /* gone, as it should be */ }
    expect(left).toEqual([]);
  });
});
