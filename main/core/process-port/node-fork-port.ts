// ProcessPort on Node's child_process.fork.
import { fork, type ChildProcess } from 'node:child_process';
import type { HostToWorker } from '../../protocol/worker-protocol';
import type { ExitListener, ProcessPort, WorkerHandle } from './process-port';
import { WORKER_EXEC_ARGV } from './worker-limits';
import { workerEntryPath } from './worker-entry';

/**
 * What a worker process inherits of its host's environment: what a Node process needs to run
 * (the path, temporary folders, locale and time zone, Windows' system folders), never the
 * rest (tokens, proxies, NODE_OPTIONS, ELECTRON_* switches, whatever the user's shell exported).
 */
export const WORKER_ENV_KEPT: readonly string[] = ['PATH', 'SystemRoot', 'WINDIR', 'TEMP', 'TMP', 'TMPDIR', 'LANG', 'LC_ALL', 'LC_CTYPE', 'TZ'];

export function workerEnvironment(from: NodeJS.ProcessEnv = process.env): Record<string, string> {
  // Always one entry of ours: Electron gives a utility process the whole parent environment
  // when `env` is empty.
  const env: Record<string, string> = { PROCESS_LAB_WORKER: '1' };
  for (const name of WORKER_ENV_KEPT) {
    const value = from[name];
    if (typeof value === 'string') env[name] = value;
  }
  return env;
}

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
    // The heap limit, and only the environment a worker needs (not the host's own flags,
    // which fork would otherwise pass on: execArgv and env both default to the parent's).
    const child = fork(this.entry, [], {
      serialization: 'json',
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      execArgv: [...WORKER_EXEC_ARGV],
      env: workerEnvironment(),
    });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => resolve(new ForkedWorker(child)));
      child.once('error', reject);
    });
  }
}
