// The run history: one SQLite file, read on this thread, written by a writer thread.
// record(run) keeps a run as it happens: its row at once (so a crash leaves it findable and
// marked "interrupted" at the next open), its events in batches, its report at the end.
// A store opened read-only never writes: runs left running by a dead host read as
// "interrupted" without being marked (read-views.ts).
import { statSync } from 'node:fs';
import type { RunReport } from '../../../shared/run-report';
import type { RunHandle } from '../runs/run-handle';
import { emptyHistory, openDatabase, type Db, type OpenOptions } from './open-database';
import { RunQueries } from './run-queries';
import { StoreWriter } from './store-writer';
import { StoreError, describeError } from './store-error';
import { hostAlive } from './host-alive';
import { salvageRun } from './salvage-run';
import type { RunStart } from './run-writes';
import { version as appVersion } from '../../../package.json';

export interface RunStoreOptions extends OpenOptions {
  /** Keyframe interval for the runs this store records (run-folder.ts KEYFRAME_EVERY): tests set a small one. */
  keyframeEvery?: number;
}

export class RunStore {
  readonly queries: RunQueries;
  private writer: StoreWriter | undefined;

  private constructor(readonly file: string, private readonly db: Db, readonly notices: string[], private readonly options: RunStoreOptions, private readonly fileId: string | null) {
    this.queries = new RunQueries(db, file);
  }

  /** Opens the history, repairing what can be repaired; `notices` says what was done. Read-only: touches nothing. */
  static open(file: string, options: RunStoreOptions = {}): RunStore {
    const { db, notices } = openDatabase(file, options);
    const store = new RunStore(file, db, notices, options, fileIdentity(file));
    if (options.readonly) return store;
    const n = store.markInterrupted();
    if (n) notices.push(`${n} run${n === 1 ? ' was' : 's were'} still marked running from a Process Lab that stopped unexpectedly; marked "interrupted", with everything recorded so far kept.`);
    return store;
  }

  /** A read-only history with no runs, standing for `file` that does not exist yet; creates nothing. */
  static empty(file: string, options: OpenOptions = {}): RunStore {
    return new RunStore(file, emptyHistory(options), [], { ...options, readonly: true }, null);
  }

  get readonly(): boolean { return this.options.readonly === true; }

  /** Runs left "running" by a host process that no longer exists. */
  private markInterrupted(): number {
    const running = this.db.prepare("SELECT id, host_pid FROM runs WHERE status = 'running'").all() as { id: string; host_pid: number | null }[];
    const dead = running.filter((r) => !hostAlive(r.host_pid));
    const mark = this.db.prepare("UPDATE runs SET status = 'interrupted', event_count = (SELECT coalesce(sum(count), 0) FROM event_blocks WHERE run_no = runs.no) WHERE id = ?");
    this.db.transaction(() => { for (const r of dead) mark.run(r.id); })();
    return dead.length;
  }

  /**
   * Keeps `run` in the history as it happens. Resolves with the report once it is written;
   * rejects with a StoreError (WRITE_FAILED) saying what was not stored and why, after
   * noting that in the run's entry when the file can still be written.
   */
  record(run: RunHandle): Promise<RunReport> {
    if (this.readonly) return Promise.reject(new StoreError('READ_ONLY', `the history at ${this.file} was opened for reading only`));
    const writer = (this.writer ??= new StoreWriter(this.file, { nativeBinding: this.options.nativeBinding, busyTimeoutMs: this.options.busyTimeoutMs }));
    const p = run.config.params;
    const start: RunStart = { id: run.id, scenario: run.config.scenario.meta.id, params: p, seed: p.seed, timeUnitMs: p.timeUnitMs, appVersion, startedAt: run.startedAt.toISOString(), hostPid: process.pid, ...(this.options.keyframeEvery ? { keyframeEvery: this.options.keyframeEvery } : {}) };
    writer.begin(start);
    run.onEvents((batch) => writer.events(run.id, batch));
    return run.done.then(async (report) => {
      writer.end(report);
      const causes: string[] = [];
      try { await writer.flush(); } catch (e) { causes.push(describeError(e)); }
      causes.unshift(...writer.takeFailures(run.id));
      if (!causes.length) return report;
      throw this.notWhole(start, report, causes);
    });
  }

  /**
   * Resolves once everything recorded so far is written (a live run's window then holds
   * every event it recorded). Never rejects: a writer that stopped has told record() why.
   */
  async flush(): Promise<void> {
    try { await this.writer?.flush(); } catch { /* record() reports it */ }
  }

  /** The error for a run not stored whole, after noting in the file what is missing. */
  private notWhole(start: RunStart, report: RunReport, causes: string[]): StoreError {
    const head = `the history at ${this.file} could not keep all of run ${start.id}: ${causes.join('; ')}`;
    if (fileIdentity(this.file) !== this.fileId) {
      return new StoreError('WRITE_FAILED', `${head}. ${this.file} is no longer there (moved, or its folder removed), so nothing could be noted in it.`);
    }
    const s = salvageRun(this.db, start, report, causes);
    const outcome = s.noted
      ? `The run's entry in the history says so${s.rewritten ? ' (its entry and report were written afterwards)' : ''}.`
      : `Nothing could be noted in the history either: ${s.whyNot}.`;
    return new StoreError('WRITE_FAILED', `${head}; not stored: ${s.lost}. ${outcome}`);
  }

  async close(): Promise<void> {
    await this.writer?.close();
    this.db.close();
  }
}

/** The file's device and inode: tells the file we opened from another one put in its place. */
function fileIdentity(file: string): string | null {
  try {
    const s = statSync(file);
    return `${s.dev}:${s.ino}`;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR') return null;
    throw e;
  }
}
