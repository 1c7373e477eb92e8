// The host side of the lab: owns the warm pool of worker processes and starts runs.
// The CLI, the tests, the benchmarks and (later) the Electron main process all use it.
import type { ProcessPort } from '../process-port/process-port';
import { WarmPool } from '../process-port/warm-pool';
import { processesNeeded } from '../../../shared/scenarios/process-counts';
import { RunHandle } from './run-handle';
import { checkRunRequest, type Checked, type RunRequest } from './run-request';

export interface LabHostOptions {
  /** Idle workers kept ready; 0 starts every process on demand. */
  warmWorkers?: number;
  /** Events kept in memory per run for the checks and the report. */
  eventCap?: number;
  /** false: no per-operation events (benchmark only, to measure recording's cost). */
  recordOps?: boolean;
  /** Processes of one run alive at once; DEFAULT_MAX_PROCESSES (64) when not given. */
  maxProcesses?: number;
}

export class LabHost {
  private readonly pool: WarmPool;
  /** The runs going on, by id. */
  private readonly runs = new Map<string, RunHandle>();
  private runCounter = 0;

  constructor(port: ProcessPort, private readonly options: LabHostOptions = {}) {
    this.pool = new WarmPool(port, options.warmWorkers ?? 4);
  }

  warm(): void { this.pool.warm(); }

  /** Starts a run, or explains why it cannot start (nothing is started then). */
  start(req: RunRequest): Checked<RunHandle> {
    const checked = checkRunRequest(req);
    if (!checked.ok) return checked;
    const runId = `${new Date().toISOString().replace(/[-:]/g, '').replace(/\..*/, '')}-${process.pid}-${++this.runCounter}`;
    const run = new RunHandle(runId, checked.value, this.pool, this.options);
    this.runs.set(runId, run);
    void run.done.finally(() => this.runs.delete(runId));
    run.begin();
    return { ok: true, value: run };
  }

  /**
   * A run like `req` may start soon (its scenario is on screen): the workers it needs are made
   * ready now, so that Run does not wait for them. Answers, once they are ready, how many
   * are kept ready.
   */
  async prepare(req: RunRequest): Promise<Checked<{ workers: number }>> {
    const checked = checkRunRequest(req);
    if (!checked.ok) return checked;
    const workers = this.pool.expect(processesNeeded(checked.value.scenario.meta.id, checked.value.params));
    await this.pool.filled();
    return { ok: true, value: { workers } };
  }

  /** A run still going on, by its id; undefined once it has ended (or for an unknown id). */
  find(runId: string): RunHandle | undefined { return this.runs.get(runId); }

  /** Every run going on, oldest first. */
  running(): RunHandle[] { return [...this.runs.values()]; }

  /** Stops every run and kills every worker process, idle or not. */
  async close(): Promise<void> {
    await Promise.all([...this.runs.values()].map((r) => r.stop()));
    this.pool.close();
  }

  get liveWorkers(): number { return this.pool.liveCount; }
}
