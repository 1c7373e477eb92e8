// One run from start to report: wires the kernel to the worker pool, enforces the
// wall-clock limit, turns the kernel's ending into a status, and builds the report.
import type { LabEvent } from '../../../shared/events';
import type { RunReport, RunStatus } from '../../../shared/run-report';
import { Kernel, type KernelEnd } from '../kernel/kernel';
import type { WorkerHandle } from '../process-port/process-port';
import { POOL_WORKER_PROGRAM } from '../../protocol/worker-protocol';
import { RunRecord } from './run-record';
import type { RunConfig } from './run-request';
import { buildReport } from './build-report';
import type { LabHostOptions } from './lab-host';

export class RunHandle {
  readonly record: RunRecord;
  readonly kernel: Kernel;
  readonly startedAt = new Date();
  readonly done: Promise<RunReport>;
  private resolveDone!: (r: RunReport) => void;
  private readonly listeners: ((batch: LabEvent[]) => void)[] = [];
  private ended = false;
  private timer: NodeJS.Timeout | undefined;
  private startMs = 0;

  constructor(readonly id: string, readonly config: RunConfig, takeWorker: () => Promise<WorkerHandle>, options: LabHostOptions = {}) {
    this.record = new RunRecord(options.eventCap);
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
    const { scenario, params } = config;
    this.kernel = new Kernel({
      runId: id,
      scenario: scenario.meta.id,
      programs: [...Object.keys(scenario.programs), POOL_WORKER_PROGRAM],
      params,
      timeUnitMs: params.timeUnitMs,
      seed: params.seed,
      maxProcesses: typeof params.maxProcesses === 'number' ? params.maxProcesses : 512,
      takeWorker,
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

  begin(): void {
    this.startMs = performance.now();
    this.timer = setTimeout(() => void this.end('timeout'), this.config.timeoutS * 1000);
    this.kernel.startRoot([]).catch((e: Error) => {
      this.record.notes.push(`the parent process could not start: ${e.message}`);
      void this.end('failed');
    });
  }

  /** Stops the run: every process of it is killed; resolves with the report. */
  async stop(): Promise<RunReport> {
    await this.end('stopped');
    return this.done;
  }

  private async end(how: KernelEnd | 'stopped' | 'timeout' | 'failed'): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    const status = await this.settle(how);
    this.kernel.recorder.flush();
    this.resolveDone(buildReport(this, status, performance.now() - this.startMs));
  }

  /** Brings every process down when needed and decides the status before the checks. */
  private async settle(how: KernelEnd | 'stopped' | 'timeout' | 'failed'): Promise<RunStatus> {
    const rec = this.record;
    if (typeof how === 'string') {
      this.kernel.ending = true;
      await this.kernel.killAll('SIGKILL');
      if (how === 'stopped') rec.notes.push('stopped by the user.');
      if (how === 'timeout') rec.notes.push(`stopped after the ${this.config.timeoutS} s wall-clock limit.`);
      return how;
    }
    if (how.kind === 'hung') {
      rec.hang = how.finding;
      rec.notes.push(`hung: ${how.finding.summary}`);
      await this.kernel.killAll('SIGKILL');
    } else if (how.kind === 'cap') {
      rec.capped = true;
      rec.notes.push(`the maxProcesses cap (${this.config.params.maxProcesses}) stopped a runaway: process ${how.attempted} was refused and the run was ended.`);
      await this.kernel.killAll('SIGKILL');
    }
    rec.crashed = [...this.kernel.crashed];
    if (rec.crashed.length) {
      for (const pid of rec.crashed) {
        const p = this.kernel.procs.get(pid)!;
        rec.notes.push(`process ${p.name} (pid ${pid}) crashed: ${p.signal ? `killed by ${p.signal}` : `exit code ${p.exitCode}`}.`);
      }
      return 'failed';
    }
    return how.kind === 'hung' ? 'hung' : 'completed';
  }
}
