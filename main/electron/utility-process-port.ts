// ProcessPort on Electron's utilityProcess: what the desktop app uses instead of
// child_process.fork. The worker side adapts in main/worker/host-channel.ts
// (process.parentPort instead of process.send).
//
// Differences from fork that matter here:
// - 'exit' carries only a code, never a signal name; when the kernel sent the signal
//   itself we report that signal, otherwise the code as Electron gives it.
// - pid is undefined until 'spawn' and again after 'exit', so it is captured once.
// - messages are structured clones; what programs send is JSON anyway (main/worker/codec.ts).
import { utilityProcess, type UtilityProcess } from 'electron';
import type { HostToWorker } from '../protocol/worker-protocol';
import type { ExitListener, ProcessPort, WorkerHandle } from '../core/process-port/process-port';
import { workerEntryPath } from '../core/process-port/worker-entry';
import { workerExecArgv } from '../core/process-port/process-port';
import { WORKER_HEAP_MB } from '../protocol/limits';

class UtilityWorker implements WorkerHandle {
  exited = false;
  private sentSignal: 'SIGTERM' | 'SIGKILL' | null = null;
  private readonly exitListeners: ExitListener[] = [];

  constructor(private readonly child: UtilityProcess, readonly pid: number) {
    child.once('exit', (code) => {
      this.exited = true;
      const signal = this.sentSignal;
      for (const l of this.exitListeners) l(signal ? null : code, signal);
    });
  }

  send(msg: HostToWorker): void {
    if (this.exited) return;
    // A process that just died may not have reported 'exit' yet; its exit handler cleans up.
    try { this.child.postMessage(msg); } catch { /* gone */ }
  }
  onMessage(listener: (msg: unknown) => void): void { this.child.on('message', listener); }
  onExit(listener: ExitListener): void { this.exitListeners.push(listener); }

  onOutput(listener: (stream: 'stdout' | 'stderr', text: string) => void): void {
    this.child.stdout?.on('data', (d: Buffer) => listener('stdout', d.toString('utf8')));
    this.child.stderr?.on('data', (d: Buffer) => listener('stderr', d.toString('utf8')));
  }

  kill(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (this.exited) return;
    this.sentSignal = signal;
    // utilityProcess.kill() only sends SIGTERM; SIGKILL goes through the pid.
    if (signal === 'SIGTERM') this.child.kill();
    else {
      try { process.kill(this.pid, 'SIGKILL'); } catch { /* already gone */ }
    }
  }
}

export class UtilityProcessPort implements ProcessPort {
  private count = 0;
  constructor(private readonly entry = workerEntryPath()) {}

  start(): Promise<WorkerHandle> {
    const child = utilityProcess.fork(this.entry, [], {
      stdio: 'pipe', serviceName: `Process Lab worker ${++this.count}`, execArgv: workerExecArgv(WORKER_HEAP_MB),
    });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => {
        if (child.pid === undefined) reject(new Error('utility process spawned without a pid'));
        else resolve(new UtilityWorker(child, child.pid));
      });
      child.once('exit', (code) => reject(new Error(`utility process exited before it started (code ${code})`)));
    });
  }
}
