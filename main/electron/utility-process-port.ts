// ProcessPort on Electron's utilityProcess: what the desktop app uses instead of
// child_process.fork. The worker side adapts in main/worker/host-channel.ts
// (process.parentPort instead of process.send).
//
// How Electron differs from fork, and what this file does about it:
// - utilityProcess.fork may only be called once `app` is ready: start() waits for it.
// - 'exit' carries only a number. On POSIX it is what waitpid gave Chromium: the exit status,
//   or the signal number when a signal ended the process (an external SIGKILL is "code 9"),
//   and 0 after our own kill(). How the process really ended comes from `app`'s
//   'child-process-gone' (type 'Utility'): reason 'killed' / 'crashed' / 'oom' carry the
//   signal number, 'abnormal-exit' an exit status. Chromium emits nothing for a clean exit.
//   The two events come in no promised order, so an exit waits a moment for its gone event.
// - The fork option `serviceName` is reported back as `details.name`; `details.serviceName`
//   is Chromium's metrics name of the Mojo service, the same for every Node utility process
//   (electron/shell/browser/api/electron_api_app.cc, BrowserChildProcessCrashedOrKilled;
//   VS Code's utilityProcess.ts matches `details.name` the same way).
// - kill() sends SIGTERM only and answers whether it could; SIGKILL goes through the pid.
// - stdout/stderr give Buffers cut anywhere, also inside a UTF-8 character: a decoder per
//   stream keeps the pieces of a character until it is whole.
// - 'error' (a V8 fatal error) is an EventEmitter error: unheard, it would throw in the main
//   process. 'exit' still follows it.
// - pid is undefined until 'spawn' and again after 'exit', so it is captured once.
import os from 'node:os';
import { StringDecoder } from 'node:string_decoder';
import { app, utilityProcess, type Details, type UtilityProcess } from 'electron';
import type { HostToWorker } from '../protocol/worker-protocol';
import type { ExitListener, ProcessPort, WorkerHandle } from '../core/process-port/process-port';
import { workerExecArgv } from '../core/process-port/process-port';
import { WORKER_HEAP_MB } from '../protocol/limits';
import { electronWorkerEntry } from './worker-entry';
import { workerEnv } from './worker-env';

/** How long an exit with a non-zero code waits for Chromium's account of it. */
const GONE_WAIT_MS = 1000;

type OutputListener = (stream: 'stdout' | 'stderr', text: string) => void;

class UtilityWorker implements WorkerHandle {
  pid = -1;
  /** True once the exit has been reported to the listeners. */
  exited = false;
  /** The process is gone ('exit' seen) but its reason may still be on its way. */
  private dead = false;
  private sentSignal: 'SIGTERM' | 'SIGKILL' | null = null;
  private gone: Details | null = null;
  private exitCode: number | null = null;
  private goneTimer: NodeJS.Timeout | undefined;
  private readonly exitListeners: ExitListener[] = [];
  private readonly outputListeners: OutputListener[] = [];
  private outputAttached = false;

  constructor(
    private readonly child: UtilityProcess,
    readonly serviceName: string,
    private readonly forget: (w: UtilityWorker) => void,
    private readonly log: (line: string) => void,
  ) {
    child.once('exit', (code) => this.onExitEvent(code));
    child.on('error', (type, location) => {
      this.emitOutput('stderr', `the worker process stopped on a fatal ${type} at ${location}\n`);
    });
  }

  send(msg: HostToWorker): void {
    if (this.dead || this.exited) return;
    // A process that just died may not have reported 'exit' yet; its exit handler cleans up.
    try { this.child.postMessage(msg); } catch { /* gone */ }
  }

  onMessage(listener: (msg: unknown) => void): void { this.child.on('message', listener); }
  onExit(listener: ExitListener): void { this.exitListeners.push(listener); }

  onOutput(listener: OutputListener): void {
    this.outputListeners.push(listener);
    if (this.outputAttached) return;
    this.outputAttached = true;
    this.decode('stdout', this.child.stdout);
    this.decode('stderr', this.child.stderr);
  }

  kill(signal: 'SIGTERM' | 'SIGKILL'): void {
    if (this.dead || this.exited) return;
    this.sentSignal = signal;
    if (signal === 'SIGTERM') {
      // false: Electron could not terminate it (not spawned yet, or already reaped).
      if (!this.child.kill()) this.signalPid('SIGTERM');
    } else {
      this.signalPid('SIGKILL');
    }
  }

  /** Chromium's account of how this process ended ('child-process-gone'). */
  onGone(details: Details): void {
    if (this.exited || this.gone) return;
    this.gone = details;
    if (this.dead) this.settleFromGone(details);
  }

  private onExitEvent(code: number): void {
    this.dead = true;
    this.exitCode = code;
    if (this.gone) return this.settleFromGone(this.gone);
    if (this.sentSignal) return this.settle(null, this.sentSignal);
    if (code === 0) return this.settle(0, null);
    // A signal Chromium counts as an ordinary end (SIGHUP, SIGUSR1, ...) brings no gone event.
    this.goneTimer = setTimeout(() => this.settle(code, null), GONE_WAIT_MS);
    this.goneTimer.unref();
  }

  private settleFromGone(d: Details): void {
    const signal = d.reason === 'killed' || d.reason === 'crashed' || d.reason === 'oom' ? signalName(d.exitCode) : null;
    if (signal) this.settle(null, signal);
    else if (this.sentSignal) this.settle(null, this.sentSignal);
    else this.settle(d.exitCode, null);
  }

  private settle(code: number | null, signal: string | null): void {
    if (this.exited) return;
    clearTimeout(this.goneTimer);
    this.exited = true;
    this.forget(this);
    for (const l of this.exitListeners) l(code, signal);
  }

  private signalPid(signal: NodeJS.Signals): void {
    if (this.pid <= 0) return;
    try {
      process.kill(this.pid, signal);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ESRCH') this.log(`could not send ${signal} to worker ${this.pid}: ${(e as Error).message}`);
    }
  }

  private decode(stream: 'stdout' | 'stderr', readable: NodeJS.ReadableStream | null): void {
    if (!readable) return;
    const decoder = new StringDecoder('utf8');
    readable.on('data', (chunk: Buffer | string) => {
      const text = typeof chunk === 'string' ? chunk : decoder.write(chunk);
      if (text) this.emitOutput(stream, text);
    });
    readable.on('end', () => {
      const rest = decoder.end();
      if (rest) this.emitOutput(stream, rest);
    });
  }

  private emitOutput(stream: 'stdout' | 'stderr', text: string): void {
    for (const l of this.outputListeners) l(stream, text);
  }
}

/** The signal's name for its number on this platform; null where exits carry no signals. */
function signalName(n: number): string | null {
  if (process.platform === 'win32') return null;
  for (const [name, value] of Object.entries(os.constants.signals)) if (value === n) return name;
  return null;
}

export interface UtilityProcessPortOptions {
  /** The worker entry; by default the compiled one, or the unpacked one in a packaged app. */
  entry?: string;
  log?: (line: string) => void;
}

export class UtilityProcessPort implements ProcessPort {
  private count = 0;
  private readonly live = new Map<string, UtilityWorker>();
  private listening = false;

  constructor(private readonly options: UtilityProcessPortOptions = {}) {}

  async start(): Promise<WorkerHandle> {
    await app.whenReady();
    this.listen();
    const serviceName = `Process Lab worker ${process.pid}-${++this.count}`;
    const child = utilityProcess.fork(this.options.entry ?? electronWorkerEntry(), [], {
      stdio: 'pipe',
      serviceName,
      execArgv: workerExecArgv(WORKER_HEAP_MB),
      env: workerEnv(),
    });
    const worker = new UtilityWorker(child, serviceName, (w) => this.live.delete(w.serviceName), (l) => this.log(l));
    this.live.set(serviceName, worker);
    return new Promise((resolve, reject) => {
      child.once('spawn', () => {
        if (child.pid === undefined) reject(new Error('utility process spawned without a pid'));
        else { worker.pid = child.pid; resolve(worker); }
      });
      worker.onExit((code, signal) => reject(new Error(`utility process exited before it started (${signal ?? `code ${code}`})`)));
    });
  }

  /** Live workers this port started and has not yet seen end. */
  get liveCount(): number { return this.live.size; }

  private listen(): void {
    if (this.listening) return;
    this.listening = true;
    app.on('child-process-gone', (_event, details) => {
      if (details.type !== 'Utility' || details.name === undefined) return;
      this.live.get(details.name)?.onGone(details);
    });
  }

  private log(line: string): void { (this.options.log ?? ((l) => process.stderr.write(`${l}\n`)))(line); }
}
