// Worker processes started ahead of need. A Node worker costs ~50 ms of CPU to start (Python's
// fork: 2–3 ms), so a run first reserves the workers its parameters imply, before its clock
// starts; inside the run a start takes a ready one (the lowest pid first, so that pids rise in
// creation order as students expect) and costs no start-up at all. Nothing is started while a
// run goes on (that would compete with the run for the CPU); the pool refills to its base size
// when the last run ends, and lets the surplus go (each idle worker holds ~30 MB). Each
// worker runs exactly one program and then exits: one pid, one process, as in the seeds.
import { isReady } from '../../protocol/wire';
import type { ProcessPort, WorkerHandle } from './process-port';

/** Workers started at once while preparing (more only thrash a small machine). */
const START_CONCURRENCY = 4;

/** The most idle workers a scenario on screen may ask to have ready (each holds ~30 MB). */
export const MAX_EXPECTED_WORKERS = 12;
/** How long such workers are kept for a run that does not come. */
export const EXPECT_HOLD_MS = 120_000;

/** Where a run gets its worker processes (the WarmPool; tests may pass their own). */
export interface WorkerSource {
  /** Ready workers for a run, prepared before its clock starts. */
  reserve(n: number, onProgress?: (ready: number, needed: number) => void): Promise<{ take(): WorkerHandle | undefined; release(): void }>;
  /** One more worker, started on demand. */
  take(): Promise<WorkerHandle>;
}

/** The workers reserved for one run. */
export class Reservation {
  private readonly ready: WorkerHandle[] = [];
  private released = false;

  constructor(private readonly pool: WarmPool) {}

  /** Ready workers still unused. */
  get size(): number { return this.ready.length; }

  add(w: WorkerHandle): void {
    if (this.released) { this.pool.giveBack(w); return; }
    this.ready.push(w);
    this.ready.sort((a, b) => a.pid - b.pid);
  }

  /** The lowest-pid ready worker, at once; undefined when none is left (start one on demand then). */
  take(): WorkerHandle | undefined {
    let w = this.ready.shift();
    while (w && w.exited) w = this.ready.shift();
    return w;
  }

  /** The run is over: unused workers go back to the pool. */
  release(): void {
    if (this.released) return;
    this.released = true;
    for (const w of this.ready.splice(0)) this.pool.giveBack(w);
    this.pool.runEnded();
  }
}

export class WarmPool implements WorkerSource {
  private readonly idle: WorkerHandle[] = [];
  private starting = 0;
  private closed = false;
  private activeRuns = 0;
  private readonly all = new Set<WorkerHandle>();
  /** Idle workers a run about to start will want (expect()); the base size when none is. */
  private target: number;
  private expectTimer: NodeJS.Timeout | undefined;
  /** Waiting for the pool to hold its target (filled()). */
  private fillWaiters: (() => void)[] = [];

  /** `size`: idle workers kept between runs. */
  constructor(private readonly port: ProcessPort, private readonly size = 4) {
    this.target = size;
  }

  /** Starts the idle workers now instead of at the first need. */
  warm(): void { this.refill(); }

  /**
   * A run of `n` processes is likely soon (a student has its scenario on screen): have that
   * many ready, up to MAX_EXPECTED_WORKERS, so that Run starts it without preparing. Nothing
   * is started while a run goes on; the surplus is let go after `holdMs` without a run.
   */
  expect(n: number, holdMs = EXPECT_HOLD_MS): number {
    this.target = Math.max(this.size, Math.min(MAX_EXPECTED_WORKERS, Math.floor(n)));
    clearTimeout(this.expectTimer);
    this.expectTimer = setTimeout(() => this.expectEnded(), holdMs);
    this.expectTimer.unref();
    if (this.activeRuns === 0) { this.trim(); this.refill(); }
    return this.target;
  }

  private expectEnded(): void {
    this.target = this.size;
    if (this.activeRuns === 0) this.trim();
    this.tellFilled(true);
  }

  /** Resolves once the idle workers reach the target, or waiting no longer makes sense (a run took them, the pool closed, a start failed). */
  filled(): Promise<void> {
    if (this.closed || this.activeRuns > 0 || this.idle.length >= this.target) return Promise.resolve();
    return new Promise((resolve) => this.fillWaiters.push(resolve));
  }

  private tellFilled(anyway = false): void {
    if (anyway || this.idle.length >= this.target) for (const f of this.fillWaiters.splice(0)) f();
  }

  /** Idle workers past the target are let go, the highest pids first. */
  private trim(): void {
    this.idle.sort((a, b) => a.pid - b.pid);
    for (const w of this.idle.splice(this.target)) w.kill('SIGKILL');
  }

  /**
   * Reserves `n` ready workers for a run: idle ones first, the rest started now, `onProgress`
   * told as each is ready. Resolves once all are ready (a worker that fails to start is told
   * in the error). While any run holds a reservation, the pool does not refill.
   */
  async reserve(n: number, onProgress: (ready: number, needed: number) => void = () => {}): Promise<Reservation> {
    if (this.closed) throw new Error('the process pool is closed');
    this.activeRuns++;
    // The run that was expected has come: afterwards the pool goes back to its base size.
    clearTimeout(this.expectTimer);
    this.target = this.size;
    this.tellFilled(true);
    const r = new Reservation(this);
    this.idle.sort((a, b) => a.pid - b.pid);
    while (r.size < n && this.idle.length) { const w = this.idle.shift()!; if (!w.exited) r.add(w); }
    onProgress(r.size, n);
    let next = r.size;
    const worker = async (): Promise<void> => {
      while (next < n && !this.closed) {
        next++;
        r.add(await this.startOne());
        onProgress(r.size, n);
      }
    };
    try {
      await Promise.all(Array.from({ length: Math.min(START_CONCURRENCY, n - r.size) }, worker));
    } catch (e) {
      r.release();
      throw e;
    }
    if (this.closed) { r.release(); throw new Error('the process pool is closed'); }
    return r;
  }

  /** A ready worker for a start beyond the reservation: an idle one, or a fresh one. */
  async take(): Promise<WorkerHandle> {
    if (this.closed) throw new Error('the process pool is closed');
    this.idle.sort((a, b) => a.pid - b.pid);
    let w = this.idle.shift();
    while (w && w.exited) w = this.idle.shift();
    if (this.activeRuns === 0) this.refill();
    return w ?? this.startOne();
  }

  /** An unused worker back to the idle ones (a reservation released). */
  giveBack(w: WorkerHandle): void {
    if (this.closed || w.exited) { w.kill('SIGKILL'); return; }
    this.idle.push(w);
  }

  /** A run let its reservation go: once none is going on, keep `size` idle workers. */
  runEnded(): void {
    this.activeRuns = Math.max(0, this.activeRuns - 1);
    if (this.activeRuns > 0) return;
    this.trim();
    this.refill();
  }

  /** Kills every worker this pool ever started that is still alive (idle or not). */
  close(): void {
    this.closed = true;
    clearTimeout(this.expectTimer);
    this.tellFilled(true);
    for (const w of this.all) w.kill('SIGKILL');
    this.idle.length = 0;
  }

  /** Live workers started by this pool: idle ones and those running programs. */
  get liveCount(): number { return [...this.all].filter((w) => !w.exited).length; }
  get idleCount(): number { return this.idle.length; }
  get idlePids(): number[] { return this.idle.map((w) => w.pid); }

  private refill(): void {
    while (!this.closed && this.idle.length + this.starting < this.target) {
      this.starting++;
      this.startOne().then(
        (w) => {
          this.starting--;
          // Not wanted any more (closed, or the target was lowered while it started).
          if (this.closed || (this.activeRuns === 0 && this.idle.length >= this.target)) w.kill('SIGKILL');
          else this.idle.push(w);
          this.tellFilled();
        },
        () => { this.starting--; this.tellFilled(true); },
      );
    }
  }

  /** Starts a worker and waits for its "ready" message. */
  private async startOne(): Promise<WorkerHandle> {
    const w = await this.port.start();
    this.all.add(w);
    w.onExit(() => {
      this.all.delete(w);
      const i = this.idle.indexOf(w);
      if (i >= 0) this.idle.splice(i, 1);
    });
    await new Promise<void>((resolve, reject) => {
      const onMsg = (m: unknown) => { if (isReady(m)) resolve(); };
      w.onMessage(onMsg);
      w.onExit((code) => reject(new Error(`worker exited before it was ready (code ${code})`)));
    });
    if (this.closed) { w.kill('SIGKILL'); throw new Error('the process pool is closed'); }
    return w;
  }
}
