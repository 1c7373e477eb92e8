// ProcessPort on Node's child_process. Messages travel on a pipe of their own (fd 3), one
// JSON text per line, rather than on Node's IPC channel: Node parses each IPC message in
// full before handing it over, so a worker could make the host parse a message of any
// size. Here the host reads a line only while it stays under MAX_MESSAGE_BYTES (FrameReader),
// and can stop reading a worker that sends faster than the kernel may handle (pause()).
import { spawn, type ChildProcess } from 'node:child_process';
import type { Socket } from 'node:net';
import { MAX_MESSAGE_BYTES, WORKER_HEAP_MB } from '../../protocol/limits';
import { FrameReader, OversizeMessage } from '../../protocol/wire';
import type { HostToWorker } from '../../protocol/worker-protocol';
import { workerExecArgv, type ExitListener, type ProcessPort, type WorkerHandle } from './process-port';
import { workerEntryPath } from './worker-entry';

/** The worker finds its channel on this fd (see main/worker/host-channel.ts). */
export const CHANNEL_FD = 3;
export const CHANNEL_ENV = 'PROCESS_LAB_CHANNEL_FD';

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
  private messageListeners: ((m: unknown) => void)[] = [];
  private readonly reader: FrameReader;

  constructor(private readonly child: ChildProcess, private readonly channel: Socket) {
    this.reader = new FrameReader(MAX_MESSAGE_BYTES,
      (text) => { for (const l of this.messageListeners) l(text); },
      (bytes) => { const m = new OversizeMessage(bytes); for (const l of this.messageListeners) l(m); });
    channel.on('data', (chunk: Buffer) => this.reader.push(chunk));
    // A write to a process that just died fails asynchronously; the exit event reports it.
    channel.on('error', () => {});
    child.on('error', () => {});
    child.once('exit', (code, signal) => {
      this.exited = true;
      for (const l of this.exitListeners) l(code, signal);
    });
  }

  get pid(): number { return this.child.pid ?? -1; }

  send(msg: HostToWorker): void {
    if (!this.exited && this.channel.writable) this.channel.write(`${JSON.stringify(msg)}\n`);
  }

  onMessage(listener: (msg: unknown) => void): void { this.messageListeners.push(listener); }
  onExit(listener: ExitListener): void { this.exitListeners.push(listener); }

  onOutput(listener: (stream: 'stdout' | 'stderr', text: string) => void): void {
    this.child.stdout?.setEncoding('utf8').on('data', (t: string) => listener('stdout', t));
    this.child.stderr?.setEncoding('utf8').on('data', (t: string) => listener('stderr', t));
  }

  kill(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (!this.exited) this.child.kill(signal);
  }

  pause(): void { this.reader.pause(); this.channel.pause(); }
  resume(): void {
    this.reader.resume();
    if (!this.reader.isPaused) this.channel.resume();
  }
}

export class NodeForkPort implements ProcessPort {
  constructor(private readonly entry = workerEntryPath(), private readonly heapMb = WORKER_HEAP_MB) {}

  start(): Promise<WorkerHandle> {
    const child = spawn(process.execPath, [...workerExecArgv(this.heapMb), this.entry], {
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      // Only the environment a worker needs, not the host's own (tokens, NODE_OPTIONS, ...).
      env: { ...workerEnvironment(), [CHANNEL_ENV]: String(CHANNEL_FD) },
    });
    return new Promise((resolve, reject) => {
      child.once('spawn', () => resolve(new ForkedWorker(child, child.stdio[CHANNEL_FD] as Socket)));
      child.once('error', reject);
    });
  }
}
