// A WorkerHandle the test drives by hand, for the few kernel behaviours that hinge on the
// order of events within one turn of the event loop (a real worker cannot pin that down),
// and for feeding the kernel what no honest worker would send.
import type { LabEvent } from '../../../../../shared/events';
import { Kernel, type KernelEnd, type KernelOptions } from '../../../../../main/core/kernel/kernel';
import type { ExitListener, WorkerHandle } from '../../../../../main/core/process-port/process-port';
import type { HostToWorker } from '../../../../../main/protocol/worker-protocol';

let nextPid = 90_000;

export class FakeWorker implements WorkerHandle {
  readonly pid = nextPid++;
  exited = false;
  readonly received: HostToWorker[] = [];
  readonly signals: string[] = [];
  private messageListeners: ((m: unknown) => void)[] = [];
  private exitListeners: ExitListener[] = [];
  /** What kill() does: by default the process dies of the signal, as a real one would. */
  onKill: (signal: 'SIGTERM' | 'SIGKILL') => void = (signal) => this.exit(null, signal);
  /** Like the Node port: while paused, what the worker sends waits (in the pipe, there). */
  paused = false;
  pauses = 0;
  private waiting: unknown[] = [];

  send(msg: HostToWorker): void { if (!this.exited) this.received.push(msg); }
  onMessage(l: (m: unknown) => void): void { this.messageListeners.push(l); }
  onExit(l: ExitListener): void { this.exitListeners.push(l); }
  onOutput(): void {}
  kill(signal: 'SIGTERM' | 'SIGKILL'): void { this.signals.push(signal); if (!this.exited) this.onKill(signal); }

  /** The worker sends a message (anything at all). */
  emit(m: unknown): void {
    if (this.paused) { this.waiting.push(m); return; }
    for (const l of this.messageListeners) l(m);
  }
  pause(): void { this.paused = true; this.pauses++; }
  resume(): void {
    this.paused = false;
    while (!this.paused && this.waiting.length) { const m = this.waiting.shift(); for (const l of this.messageListeners) l(m); }
  }
  get backlog(): number { return this.waiting.length; }
  exit(code: number | null, signal: string | null = null): void {
    if (this.exited) return;
    this.exited = true;
    for (const l of this.exitListeners) l(code, signal);
  }
  /** The sequence number of the last batch (or start) this worker was sent. */
  get lastSeq(): number {
    let s = 0;
    for (const m of this.received) s = m.t === 'start' ? 1 : m.s;
    return s;
  }
  batches(): Extract<HostToWorker, { t: 'batch' }>[] {
    return this.received.filter((m): m is Extract<HostToWorker, { t: 'batch' }> => m.t === 'batch');
  }
  /** Every reply this worker was sent, by call id. */
  replies(): Map<number, unknown[]> {
    const out = new Map<number, unknown[]>();
    for (const b of this.batches()) for (const r of b.r) out.set(r[0], r);
    return out;
  }
}

export interface FakeRun {
  kernel: Kernel;
  workers: FakeWorker[];
  events: LabEvent[];
  ends: KernelEnd[];
}

/** A real Kernel whose processes are FakeWorkers. */
export function fakeRun(opts: Partial<KernelOptions> = {}): FakeRun {
  const workers: FakeWorker[] = [];
  const events: LabEvent[] = [];
  const ends: KernelEnd[] = [];
  const kernel = new Kernel({
    runId: 'fake', scenario: 'probe', programs: ['main', 'child'], params: {}, timeUnitMs: 10, seed: 1,
    maxProcesses: 64,
    takeWorker: async () => { const w = new FakeWorker(); workers.push(w); return w; },
    onEvents: (batch) => { events.push(...batch); },
    // The tests count calls per turn: the time budget must not cut in on a slow machine.
    turnClock: () => 0,
    ...opts,
  });
  kernel.onEnd((e) => ends.push(e));
  return { kernel, workers, events, ends };
}

/** Lets the kernel's setImmediate work (flushes, hang checks) run. */
export async function turns(n = 3): Promise<void> {
  for (let i = 0; i < n; i++) await new Promise((r) => setImmediate(r));
}
