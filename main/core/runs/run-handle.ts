// One run from start to report: wires the kernel to the worker pool, enforces the
// wall-clock limit, turns the kernel's ending into a status, and builds the report.
import type { LabEvent } from '../../../shared/events';
import type { RunReport, RunStatus } from '../../../shared/run-report';
import { Kernel, type KernelEnd } from '../kernel/kernel';
import type { WorkerSource } from '../process-port/warm-pool';
import type { WorkerHandle } from '../process-port/process-port';
import { processesNeeded } from '../../../shared/scenarios/process-counts';
import { POOL_WORKER_PROGRAM } from '../../protocol/worker-protocol';
import { DEFAULT_MAX_PROCESSES, MAX_PROCESSES_PER_RUN } from '../../protocol/limits';
import { RunRecord } from './run-record';
import type { RunConfig } from './run-request';
import { buildReport } from './build-report';
import type { LabHostOptions } from './lab-host';

export class RunHandle {
  readonly record: RunRecord;
  readonly kernel: Kernel;
  readonly startedAt = new Date();
  /** When the run's clock started (its processes prepared): events' `t` count from here. */
  clockStartedAt: Date | null = null;
  readonly done: Promise<RunReport>;
  private resolveDone!: (r: RunReport) => void;
  private readonly listeners: ((batch: LabEvent[]) => void)[] = [];
  private ended = false;
  private timer: NodeJS.Timeout | undefined;
  private startMs = 0;
  private reservation: { take(): WorkerHandle | undefined; release(): void } | undefined;
  /** While its workers are prepared, before the run's clock starts: how many are ready. */
  preparing: { ready: number; needed: number } | null = null;
  private readonly progressListeners: (() => void)[] = [];

  constructor(readonly id: string, readonly config: RunConfig, private readonly pool: WorkerSource, options: LabHostOptions = {}) {
    this.record = new RunRecord(options.eventCap);
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
    const { scenario, params } = config;
    // A scenario's maxProcesses parameter (fork-loop) caps the processes of the run in all and
    // ends it as a runaway; whatever it says, no run has more than the host's cap alive at once.
    const own = typeof params.maxProcesses === 'number' ? params.maxProcesses : undefined;
    const alive = options.maxProcesses ?? DEFAULT_MAX_PROCESSES;
    this.kernel = new Kernel({
      runId: id,
      scenario: scenario.meta.id,
      programs: [...scenario.meta.programs, POOL_WORKER_PROGRAM],
      params,
      timeUnitMs: params.timeUnitMs,
      seed: params.seed,
      maxProcesses: Math.min(own ?? alive, alive),
      maxProcessesTotal: own ?? MAX_PROCESSES_PER_RUN,
      processCapEndsRun: own !== undefined,
      // A prepared worker at once; one started on demand only past what the run was prepared for.
      takeWorker: () => this.reservation?.take() ?? pool.take(),
      startMethod: params.startMethod === 'spawn' ? 'spawn' : 'fork',
      recordOps: options.recordOps,
      onEvents: (batch) => {
        this.record.add(batch);
        for (const l of this.listeners) l(batch);
      },
    });
    this.kernel.onEnd((end) => void this.end(end));
  }

  /** Subscribes to event batches as they happen. */
  onEvents(listener: (batch: LabEvent[]) => void): void { this.listeners.push(listener); }

  /** Told as preparation goes on (`preparing`), and once the run's clock has started. */
  onProgress(listener: () => void): void { this.progressListeners.push(listener); }

  /**
   * Prepares the workers the run's parameters imply, then starts its clock and its parent
   * program. The wall-clock limit counts from the request: a run always ends.
   */
  begin(): void {
    this.startMs = performance.now();
    this.timer = setTimeout(() => void this.end('timeout'), this.config.timeoutS * 1000);
    const needed = processesNeeded(this.config.scenario.meta.id, this.config.params);
    this.preparing = { ready: 0, needed };
    this.pool.reserve(needed, (ready) => { if (this.preparing) { this.preparing.ready = ready; this.tellProgress(); } }).then(
      (r) => {
        if (this.ended) { r.release(); return; }
        this.reservation = r;
        this.preparing = null;
        this.kernel.recorder.startClock();
        this.clockStartedAt = new Date();
        this.startMs = performance.now();
        this.tellProgress();
        this.kernel.startRoot([]).catch((e: Error) => {
          this.record.notes.push(`the parent process could not start: ${e.message}`);
          void this.end('failed');
        });
      },
      (e: Error) => {
        this.record.notes.push(`the run's processes could not be prepared: ${e.message}`);
        void this.end('failed');
      },
    );
  }

  private tellProgress(): void { for (const l of this.progressListeners) l(); }

  /** Stops the run: every process of it is killed; resolves with the report. */
  async stop(): Promise<RunReport> {
    await this.end('stopped');
    return this.done;
  }

  /**
   * Ends the run once, whatever the cause. It always reaches a report: killAll() gives up
   * waiting for an exit after a second (a kill that is never reported), and a failure while
   * settling becomes a note and the status 'failed' instead of a run that never ends.
   */
  private async end(how: KernelEnd | 'stopped' | 'timeout' | 'failed'): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    let status: RunStatus;
    try {
      status = await this.settle(how);
    } catch (e) {
      this.record.notes.push(`the run could not be ended cleanly: ${(e as Error).message}`);
      status = 'failed';
    }
    this.kernel.recorder.flush();
    this.reservation?.release();
    this.resolveDone(buildReport(this, status, performance.now() - this.startMs));
  }

  /**
   * What the cap did, in the report's own terms: how many processes ran (those the report
   * lists), which start was refused and by whom, and how many more were refused with it.
   */
  private capNote(how: Extract<KernelEnd, { kind: 'cap' }>): string {
    const ran = this.kernel.procs.size;
    const by = this.kernel.procs.get(how.by);
    const who = by ? `${by.name} (pid ${how.by})` : `pid ${how.by}`;
    const others = this.kernel.capRefusedBy.length - 1;
    const more = others > 0 ? ` (${others} more start${others === 1 ? ' was' : 's were'} refused with it)` : '';
    const cap = how.what === 'total' && typeof this.config.params.maxProcesses === 'number'
      ? `the maxProcesses cap (${how.limit})`
      : how.what === 'total' ? `the process cap (${how.limit} started in one run)` : `the process cap (${how.limit} alive at once)`;
    return `${cap} stopped a runaway: ${ran} processes ran; the next start, by ${who}, was refused${more} and the run was ended.`;
  }

  /** Brings every process down when needed and decides the status before the checks. */
  private async settle(how: KernelEnd | 'stopped' | 'timeout' | 'failed'): Promise<RunStatus> {
    const rec = this.record;
    if (typeof how === 'string') {
      this.kernel.ending = true;
      await this.kernel.killAll('SIGKILL');
      await this.kernel.reap();
      if (how === 'stopped') rec.notes.push('stopped by the user.');
      if (how === 'timeout') rec.notes.push(`stopped after the ${this.config.timeoutS} s wall-clock limit.`);
      this.noteLimits();
      return how;
    }
    if (how.kind === 'hung') {
      rec.hang = how.finding;
      rec.notes.push(`hung: ${how.finding.summary}`);
      await this.kernel.killAll('SIGKILL');
    } else if (how.kind === 'cap') {
      rec.capped = true;
      rec.notes.push(this.capNote(how));
      await this.kernel.killAll('SIGKILL');
    }
    // Processes whose exit was recorded when announced are gone a moment later: none outlives its run.
    await this.kernel.reap();
    const flooded = this.noteLimits();
    rec.crashed = [...this.kernel.crashed];
    if (rec.crashed.length) {
      for (const pid of rec.crashed) {
        const p = this.kernel.procs.get(pid)!;
        rec.notes.push(`process ${p.name} (pid ${pid}) crashed: ${p.signal ? `killed by ${p.signal}` : `exit code ${p.exitCode}`}.`);
      }
      return 'failed';
    }
    if (flooded) return 'failed';
    return how.kind === 'hung' ? 'hung' : 'completed';
  }

  /** The caps' notes: what was refused, and who was ended for going on; true when someone was. */
  private noteLimits(): boolean {
    const k = this.kernel;
    const name = (pid: number): string => { const p = k.procs.get(pid); return p ? `${p.name} (pid ${pid})` : `pid ${pid}`; };
    this.record.notes.push(...k.limits.notes(name));
    const ended = [...k.procs.values()].filter((p) => p.how === 'cap');
    for (const p of ended) this.record.notes.push(`${name(p.pid)} was ended by the kernel: it went on after ${p.refusals.toLocaleString('en-US')} refused operations.`);
    return ended.length > 0;
  }
}
