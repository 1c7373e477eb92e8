// Electron cannot run here, so `electron` is replaced by a stand-in whose utilityProcess.fork
// behaves as documented (spawn/message/exit events, postMessage, kill() = SIGTERM, exit
// code only) on top of a real child process; the worker inside uses its parentPort branch.
import { fork } from 'node:child_process';
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { survivors } from '../../support/lab-host';
// vi.mock below is hoisted above these imports, so they see the stand-in.
import { UtilityProcessPort } from '../../../main/electron/utility-process-port';
import { LabHost } from '../../../main/core/runs/lab-host';

const forked: number[] = [];

vi.mock('electron', () => ({
  utilityProcess: {
    fork(modulePath: string, args: string[], options: { stdio?: string }) {
      const child = fork(modulePath, args, {
        execArgv: ['--require', path.resolve(__dirname, '../../support/parent-port-shim.cjs')],
        stdio: options.stdio === 'pipe' ? ['ignore', 'pipe', 'pipe', 'ipc'] : 'inherit',
        serialization: 'advanced',
      });
      const up = Object.assign(new EventEmitter(), {
        pid: undefined as number | undefined,
        stdout: child.stdout,
        stderr: child.stderr,
        postMessage: (m: unknown) => { if (child.connected) child.send(m as object); },
        kill: () => child.kill('SIGTERM'),
      });
      child.on('spawn', () => { up.pid = child.pid; forked.push(child.pid!); up.emit('spawn'); });
      child.on('message', (m) => up.emit('message', m));
      child.on('error', () => {}); // a write racing the child's death; 'exit' follows
      child.on('exit', (code, signal) => { up.pid = undefined; up.emit('exit', code ?? (signal ? 128 : 0)); });
      return up;
    },
  },
}));


describe('UtilityProcessPort', () => {
  const host = new LabHost(new UtilityProcessPort(), { warmWorkers: 2 });
  afterAll(() => host.close());

  it('runs a scenario end to end through utility processes and their parentPort', async () => {
    const r = host.start({ scenario: 'manager-namespace', params: { variant: 'mutable-fixed', timeUnitMs: 5 } });
    if (!r.ok) throw new Error(r.error.message);
    const report = await r.value.done;
    expect(report.status).toBe('completed');
    expect(report.result.after).toEqual(['This is the value']);
  });

  it('reports the signal the kernel sent (utility processes only give an exit code)', async () => {
    const r = host.start({ scenario: 'probe', params: { case: 'daemon', timeUnitMs: 20 } });
    if (!r.ok) throw new Error(r.error.message);
    const report = await r.value.done;
    expect(report.status).toBe('completed');
    expect(report.processes.find((p) => p.name === 'daemon')!.signal).toBe('SIGTERM');
  });

  it('stop() kills utility processes with SIGKILL through their pid, leaving none', async () => {
    const r = host.start({ scenario: 'semaphore-pool', params: { holdMaxUnits: 10, timeUnitMs: 2000 } });
    if (!r.ok) throw new Error(r.error.message);
    await new Promise<void>((resolve) => r.value.onEvents(() => { if (r.value.kernel.liveCount >= 3) resolve(); }));
    const report = await r.value.stop();
    expect(report.status).toBe('stopped');
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);
  });

  it('leaves no utility process behind once the host closes', async () => {
    await host.close();
    expect(await survivors(forked, 2000)).toEqual([]);
  });
});
