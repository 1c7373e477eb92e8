import { afterAll, describe, expect, it } from 'vitest';
import { newHost, probe, startRun, survivors } from '../../../support/lab-host';

const host = newHost();
afterAll(() => host.close());

describe('runs', () => {
  it('stop() brings every process of the run down within 1 s', async () => {
    const handle = startRun(host, { scenario: 'semaphore-pool', params: { holdMaxUnits: 10, timeUnitMs: 2000, seed: 3 } });
    await new Promise<void>((resolve) => handle.onEvents(() => { if (handle.kernel.liveCount >= 4) resolve(); }));
    const pids = [...handle.kernel.procs.keys()];
    const t0 = performance.now();
    const report = await handle.stop();
    expect(report.status).toBe('stopped');
    expect(await survivors(pids, 1000)).toEqual([]);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('ends a run that passes its wall-clock limit with status "timeout" and leaves no process', async () => {
    const handle = startRun(host, { scenario: 'fork-loop', params: { intervalUnits: 10, timeUnitMs: 2000 }, timeoutS: 0.5 });
    const report = await handle.done;
    expect(report.status).toBe('timeout');
    expect(report.notes.join(' ')).toMatch(/wall-clock limit/);
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);
  });

  it('a worker killed with SIGKILL in the middle of an operation fails the run, is named, and the next run is served', async () => {
    const handle = startRun(host, { scenario: 'probe', params: { case: 'victim', timeUnitMs: 20 } });
    let killed = 0;
    handle.onEvents((batch) => {
      const blocked = batch.find((e) => e.op === 'get' && e.ph === 'B');
      if (blocked && !killed) { killed = blocked.pid; process.kill(blocked.pid, 'SIGKILL'); }
    });
    const report = await handle.done;
    expect(killed).toBeGreaterThan(0);
    expect(report.status).toBe('failed');
    const victim = report.processes.find((p) => p.pid === killed)!;
    expect(victim.name).toBe('victim');
    expect(victim.signal).toBe('SIGKILL');
    expect(victim.how).toBe('crashed');
    expect(report.notes.join(' ')).toContain(`victim (pid ${killed}) crashed: killed by SIGKILL`);
    // The crash was news at once: an error event right after the exit, long before the run's end.
    const events = handle.record.events;
    const exited = events.findIndex((e) => e.life === 'exited' && e.pid === killed);
    expect(events[exited + 1]).toMatchObject({ kind: 'error', op: 'crash', pid: killed, text: `victim (pid ${killed}) was killed by SIGKILL before its program finished` });
    expect(report.result.victimExitcode).toBe(-9);
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);

    const next = await probe(host, 'queue-fifo');
    expect(next.report.status).toBe('completed');
  });

  it('refuses bad requests before starting anything', () => {
    const r = host.start({ scenario: 'nope' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/valid ids: fork-loop, semaphore-pool, manager-namespace/);
    const p = host.start({ scenario: 'fork-loop', params: { iterations: 0 } });
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.message).toBe('parameter "iterations": 0 is out of range; allowed: an integer from 1 to 20');
  });
});
