// The run history: one SQLite file, read on this thread, written by a writer thread.
// record(run) keeps a run as it happens: its row at once (so a crash leaves it findable and
// marked "interrupted" at the next open), its events in batches, its report at the end.
import type { RunReport } from '../../../shared/run-report';
import type { RunHandle } from '../runs/run-handle';
import { openDatabase, type Db, type OpenOptions } from './open-database';
import { RunQueries } from './run-queries';
import { StoreWriter } from './store-writer';
import { version as appVersion } from '../../../package.json';

export class RunStore {
  readonly queries: RunQueries;
  private writer: StoreWriter | undefined;

  private constructor(readonly file: string, private readonly db: Db, readonly notices: string[], private readonly options: OpenOptions) {
    this.queries = new RunQueries(db);
  }

  /** Opens the history, repairing what can be repaired; `notices` says what was done. */
  static open(file: string, options: OpenOptions = {}): RunStore {
    const { db, notices } = openDatabase(file, options);
    const store = new RunStore(file, db, notices, options);
    const n = store.markInterrupted();
    if (n) notices.push(`${n} run${n === 1 ? ' was' : 's were'} still marked running from a Process Lab that stopped unexpectedly; marked "interrupted", with everything recorded so far kept.`);
    return store;
  }

  /** Runs left "running" by a host process that no longer exists. */
  private markInterrupted(): number {
    const running = this.db.prepare("SELECT id, host_pid FROM runs WHERE status = 'running'").all() as { id: string; host_pid: number | null }[];
    const dead = running.filter((r) => r.host_pid === null || !processExists(r.host_pid));
    const mark = this.db.prepare("UPDATE runs SET status = 'interrupted', event_count = (SELECT coalesce(sum(count), 0) FROM event_blocks WHERE run_no = runs.no) WHERE id = ?");
    this.db.transaction(() => { for (const r of dead) mark.run(r.id); })();
    return dead.length;
  }

  /** Keeps `run` in the history as it happens. Resolves with the report once it is written. */
  record(run: RunHandle): Promise<RunReport> {
    const writer = (this.writer ??= new StoreWriter(this.file, this.options.nativeBinding));
    const p = run.config.params;
    writer.begin({ id: run.id, scenario: run.config.scenario.meta.id, params: p, seed: p.seed, timeUnitMs: p.timeUnitMs, appVersion, startedAt: run.startedAt.toISOString(), hostPid: process.pid });
    run.onEvents((batch) => writer.events(run.id, batch));
    return run.done.then(async (report) => {
      writer.end(report);
      await writer.flush();
      if (writer.errors.length) throw new Error(`the history could not keep run ${run.id}: ${writer.errors.join('; ')}`);
      return report;
    });
  }

  async close(): Promise<void> {
    await this.writer?.close();
    this.db.close();
  }
}

function processExists(pid: number): boolean {
  if (pid === process.pid) return true;
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}
