// The only door to the core. The CLI, the Electron main process and the browser shell are its
// clients: every answer is data ({ ok: true, value } or { ok: false, error: { code, message } })
// and nothing throws across it. It owns the process host (runs, workers), the history, and
// the subscriptions that carry a live run to its viewers.
import { version as appVersion } from '../../../package.json';
import {
  CONTRACT_VERSION, fail, ok, type ChartBucket, type Comparison, type EventsPage, type EventsWindow, type ExportFormat,
  type HistoryFilter, type HistoryPage, type LiveRun, type Push, type Result, type ScenarioInfo, type ScenarioSource,
  type StartArgs,
} from '../../../shared/contract';
import type { RunReport } from '../../../shared/run-report';
import type { ProcessPort } from '../process-port/process-port';
import { LabHost } from '../runs/lab-host';
import type { RunHandle } from '../runs/run-handle';
import { RunStore } from '../store/run-store';
import { compareRuns } from './compare-runs';
import type { ExportSink } from './export-sink';
import { renderExport } from './render-export';
import { scenarioList } from './scenario-list';
import { Subscription, type RunProgress } from './subscription';

export interface LabServiceOptions {
  port: ProcessPort;
  /** The history file; null keeps no history. */
  /** createFolder: make the file's folder when missing (the app's own data folder, the CLI's default place). */
  history: { file: string; nativeBinding?: string; createFolder?: boolean } | null;
  warmWorkers?: number;
  pushIntervalMs?: number;
  /** Where the service tells what went wrong outside any request (a subscriber cut off, ...). */
  log?: (line: string) => void;
  /** How long an ended run still answers late subscribers from memory. */
  endedGraceMs?: number;
}

interface LiveEntry {
  run: RunHandle;
  subscriptions: Set<Subscription>;
  /** Resolves with the report once it is stored (or at once without a history). */
  finished: Promise<RunReport>;
  report?: RunReport;
  storeError?: string;
}

export class LabService {
  private readonly host: LabHost;
  private readonly live = new Map<string, LiveEntry>();
  private store: RunStore | undefined;
  private nextSubscription = 1;
  private closed = false;
  readonly notices: string[] = [];

  constructor(private readonly opts: LabServiceOptions) {
    this.host = new LabHost(opts.port, { warmWorkers: opts.warmWorkers });
  }

  version(): Result<{ contract: number; app: string }> { return ok({ contract: CONTRACT_VERSION, app: appVersion }); }

  scenarios(): Result<ScenarioInfo[]> { return ok(scenarioList()); }

  source(_scenario: string): Result<ScenarioSource> {
    return fail('unavailable', 'program sources are not packaged yet');
  }

  /** Starts a run; it goes on in the background. Subscribe to watch it. */
  start(args: StartArgs): Result<{ runId: string; params: RunReport['params']; timeoutS: number }> {
    if (this.closed) return fail('unavailable', 'the lab is shutting down');
    return guard(() => {
      // The history first: a run that could not be kept is not started at all.
      let store: RunStore | undefined;
      try { store = this.opts.history ? this.openStore() : undefined; } catch (e) { return fail('store', (e as Error).message); }
      const started = this.host.start({ scenario: args.scenario, params: args.params, timeoutS: args.timeoutS, guess: args.guess });
      if (!started.ok) return fail(started.error.code === 'UNKNOWN_SCENARIO' ? 'not-found' : 'bad-param', started.error.message);
      const run = started.value;
      const entry: LiveEntry = { run, subscriptions: new Set(), finished: Promise.resolve(undefined as never) };
      entry.finished = (store ? store.record(run) : run.done).then(
        (report) => report,
        async (e: Error) => { entry.storeError = e.message; return run.done; },
      ).then((report) => {
        entry.report = report;
        for (const s of entry.subscriptions) s.end(report);
        entry.subscriptions.clear();
        // Late subscribers (a run can end before its viewer subscribes) still get it for a while.
        setTimeout(() => this.live.delete(run.id), this.opts.endedGraceMs ?? 60_000).unref();
        return report;
      });
      run.onEvents((batch) => { for (const s of entry.subscriptions) s.add(batch); });
      this.live.set(run.id, entry);
      return ok({ runId: run.id, params: run.config.params, timeoutS: run.config.timeoutS });
    });
  }

  /** Resolves with the run's report once it has ended (and is stored). */
  async finished(runId: string): Promise<Result<RunReport>> {
    const entry = this.live.get(runId);
    if (!entry) return fail('not-found', `no live run ${JSON.stringify(runId)}`);
    const report = await entry.finished;
    if (entry.storeError) return fail('store', entry.storeError);
    return ok(report);
  }

  async stop(runId: string): Promise<Result<RunReport>> {
    const entry = this.live.get(runId);
    if (!entry) return fail('not-found', `no live run ${JSON.stringify(runId)}; "live" lists the runs going on`);
    await entry.run.stop();
    return this.finished(runId);
  }

  liveRuns(): Result<LiveRun[]> {
    return ok([...this.live.values()].filter((e) => !e.report).map((e) => ({
      runId: e.run.id, scenario: e.run.config.scenario.meta.id, startedAt: e.run.startedAt.toISOString(), eventCount: e.run.record.eventCount,
    })));
  }

  /**
   * Pushes for one run, from `fromSeq` on: the events after it, status, and its end. Returns
   * the function that ends the subscription. Events the run no longer holds in memory are
   * announced as a gap (ask for them with events()).
   */
  subscribe(runId: string, fromSeq: number, onPush: (push: Push) => void): Result<{ id: string; unsubscribe: () => void }> {
    const entry = this.live.get(runId);
    if (!entry) return fail('not-found', `no live run ${JSON.stringify(runId)}; a finished run is read with "run" and "events"`);
    const id = `s${this.nextSubscription++}`;
    const sub = new Subscription(id, runId, fromSeq, onPush, () => this.progress(entry),
      (e) => { entry.subscriptions.delete(sub); this.log(`subscriber ${id} of run ${runId} was cut off: ${e.message}`); },
      this.opts.pushIntervalMs);
    // What the run recorded before this subscription, from memory where it is still held.
    const rec = entry.run.record;
    if (rec.truncated) sub.missed(fromSeq + 1, rec.eventCount);
    else sub.add(rec.events);
    if (entry.report) sub.end(entry.report);
    else { entry.subscriptions.add(sub); sub.status(); }
    return ok({ id, unsubscribe: () => { sub.close(); entry.subscriptions.delete(sub); } });
  }

  async history(filter: HistoryFilter): Promise<Result<HistoryPage>> {
    return this.read((store) => {
      const runs = store.queries.history(filter);
      return ok({ runs: runs as unknown as HistoryPage['runs'], total: runs.length });
    });
  }

  async run(runId: string): Promise<Result<RunReport>> {
    return this.read((store) => {
      const r = store.queries.run(runId);
      return r ? ok(r) : fail('not-found', `no run ${JSON.stringify(runId)} in ${store.file}; "history" lists the kept runs`);
    });
  }

  async events(_runId: string, _window: EventsWindow): Promise<Result<EventsPage>> {
    return fail('unavailable', 'event windows need the version-2 store');
  }

  async chart(_runId: string, _fromUs: number, _toUs: number, _buckets: number): Promise<Result<ChartBucket[]>> {
    return fail('unavailable', 'chart windows need the version-2 store');
  }

  async compare(a: string, b: string): Promise<Result<Comparison>> {
    return this.read((store) => {
      const ra = store.queries.run(a);
      const rb = store.queries.run(b);
      if (!ra || !rb) return fail('not-found', `no run ${JSON.stringify(ra ? b : a)} in ${store.file}`);
      return ok({ a: ra, b: rb, rows: compareRuns(ra, rb) });
    });
  }

  /** Deletes runs; with one unknown id nothing is deleted. */
  async delete(runIds: string[]): Promise<Result<{ deleted: string[] }>> {
    return this.read((store) => {
      const unknown = runIds.filter((id) => !store.queries.run(id));
      if (unknown.length) return fail('not-found', `no run ${unknown.map((id) => JSON.stringify(id)).join(', ')} in ${store.file}; nothing was deleted`);
      store.queries.delete(runIds);
      return ok({ deleted: runIds });
    });
  }

  /** Renders a stored run in `format` into the sink. */
  async export(runId: string, format: ExportFormat, sink: ExportSink): Promise<Result<{ bytes: number }>> {
    const got = await this.read((store) => {
      const report = store.queries.run(runId);
      return report ? ok({ report, events: store.queries.events(runId) }) : fail('not-found', `no run ${JSON.stringify(runId)} in ${store.file}`);
    });
    if (!got.ok) return got;
    try {
      return ok(await renderExport(got.value, format, sink));
    } catch (e) {
      const err = e as Error & { code?: string };
      return fail(err.code === 'unavailable' ? 'unavailable' : 'internal', err.message);
    }
  }

  /** Stops every run, ends every worker process and closes the history. */
  async close(): Promise<void> {
    this.closed = true;
    for (const e of this.live.values()) for (const s of e.subscriptions) s.close();
    await this.host.close();
    await Promise.allSettled([...this.live.values()].map((e) => e.finished));
    await this.store?.close();
    this.store = undefined;
  }

  get liveWorkers(): number { return this.host.liveWorkers; }

  private progress(e: LiveEntry): RunProgress {
    return {
      phase: e.report ? 'ending' : 'running',
      elapsedMs: Date.now() - e.run.startedAt.getTime(),
      liveProcesses: e.run.kernel.liveCount,
      eventCount: e.run.record.eventCount,
    };
  }

  private openStore(): RunStore {
    if (!this.store) {
      const h = this.opts.history!;
      this.store = RunStore.open(h.file, { nativeBinding: h.nativeBinding, createFolder: h.createFolder === true });
      this.notices.push(...this.store.notices);
    }
    return this.store;
  }

  private async read<T>(f: (store: RunStore) => Result<T> | Promise<Result<T>>): Promise<Result<T>> {
    if (!this.opts.history) return fail('unavailable', 'this lab keeps no history');
    try {
      return await f(this.openStore());
    } catch (e) {
      return fail('store', (e as Error).message);
    }
  }

  private log(line: string): void { (this.opts.log ?? ((l) => process.stderr.write(`${l}\n`)))(line); }
}

function guard<T>(f: () => Result<T>): Result<T> {
  try {
    return f();
  } catch (e) {
    return fail('internal', (e as Error).message);
  }
}
