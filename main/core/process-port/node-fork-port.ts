// ProcessPort on Node's child_process.fork.
import { fork, type ChildProcess } from 'node:child_process';
import type { HostToWorker } from '../../protocol/worker-protocol';
import type { ExitListener, ProcessPort, WorkerHandle } from './process-port';
import { workerEntryPath } from './worker-entry';

class ForkedWorker implements WorkerHandle {
  exited = false;
  private exitListeners: ExitListener[] = [];

  constructor(private readonly child: ChildProcess) {
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const l of this.exitListeners) l(code, signal);
    });
    // An IPC write to a process that just died fails asynchronously; the exit event reports it.
    child.on('error', () => {});
  }

  get pid(): number { return this.child.pid ?? -1; }

  send(msg: HostToWorker): void {
    if (!this.exited && this.child.connected) this.child.send(msg);
  }

  onMessage(listener: (msg: unknown) => void): void { this.child.on('message', listener); }
  onExit(listener: ExitListener): void { this.exitListeners.push(listener); }

  onOutput(listener: (stream: 'stdout' | 'stderr', text: string) => void): void {
    this.child.stdout?.setEncoding('utf8').on('data', (t: string) => listener('stdout', t));
    this.child.stderr?.setEncoding('utf8').on('data', (t: string) => listener('stderr', t));
  }

  kill(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (!this.exited) this.child.kill(signal);
  }
}

export class NodeForkPort implements ProcessPort {
  constructor(private readonly entry = workerEntryPath()) {}

  start(): Promise<WorkerHandle> {
    // 'advanced' serialization is the structured clone Electron's postMessage uses too.
    const child = fork(this.entry, [], { serialization: 'json', stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => resolve(new ForkedWorker(child)));
      child.once('error', reject);
    });
  }
}
