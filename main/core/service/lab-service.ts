// The only door to the core. The CLI, the Electron main process and the browser shell are its
// clients: every answer is data ({ ok: true, value } or { ok: false, error: { code, message } })
// and nothing throws across it. It owns the process host (runs, workers), the history, and
// the subscriptions that carry a live run to its viewers.
// A service opened on its history for reading only (the CLI's history, show, compare, export)
// never creates, migrates or writes the file, and starts and deletes nothing.
import { version as appVersion } from '../../../package.json';
import {
  CONTRACT_VERSION, ok, type ChartBucket, type Comparison, type EventsPage, type EventsWindow, type ExportFormat,
  type HistoryFilter, type HistoryPage, type LiveRun, type Push, type RunTables, type ScenarioInfo, type ScenarioSource,
  type StartArgs,
} from '../../../shared/contract';
import type { RunReport } from '../../../shared/run-report';
import type { ProcessPort } from '../process-port/process-port';
import { compareHtml } from '../reports/html/compare-html';
import type { PdfPrinter } from '../reports/pdf/pdf-printer';
import { chromiumPdfPrinter } from '../reports/pdf/print-pdf';
import { LabHost } from '../runs/lab-host';
import type { RunHandle } from '../runs/run-handle';
import { RunStore } from '../store/run-store';
import { compareRuns } from './compare-runs';
import type { ExportSink } from './export-sink';
import { historyQuery } from './history-filter';
import { compareFileName, renderExport, writePart } from './render-export';
import { findScenarioInfo, scenarioList } from './scenario-list';
import { scenarioSource } from './scenario-sources';
import { fail, historyFailure, type ServiceResult } from './service-error';
import { Subscription, type RunProgress } from './subscription';

export { defaultDbPath as defaultHistoryFile } from '../store/default-path';
export type { HistoryProblem, ServiceError, ServiceResult } from './service-error';

export interface HistoryOptions {
  file: string;
  /** 'read': opened read-only; nothing is created, migrated or written, and runs are neither
   *  started nor deleted. 'write' (the default): created when missing, migrated, repaired. */
  mode?: 'read' | 'write';
  /** Make the file's folder when missing: only for the app's own data folder or the CLI's
   *  default place. Reading, a missing default folder is a history not kept yet (NO_HISTORY). */
  createFolder?: boolean;
  /** A better-sqlite3 build for another runtime (Electron's). */
  nativeBinding?: string;
}

export interface LabServiceOptions {
  port: ProcessPort;
  /** The history file; null keeps no history. */
  history: HistoryOptions | null;
  warmWorkers?: number;
  pushIntervalMs?: number;
  /** Where the service tells what went wrong outside any request (a subscriber cut off, ...). */
  log?: (line: string) => void;
  /** How long an ended run still answers late subscribers from memory. */
  endedGraceMs?: number;
  /** What the history did on opening that its user should know (a damaged file moved aside,
   *  runs marked interrupted); also kept in `notices`. */
  onNotice?: (text: string) => void;
  /** How PDF exports are printed (default: a Chromium found on the machine; the app: Electron). */
  pdfPrinter?: PdfPrinter;
}

interface LiveEntry {
  run: RunHandle;
  subscriptions: Set<Subscription>;
  /** Resolves with the report once it is stored (or at once without a history). */
  finished: Promise<RunReport>;
  report?: RunReport;
  /** Why the run could not be kept whole (it ran, and its report is still given). */
  storeError?: ServiceResult<never>;
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

  version(): ServiceResult<{ contract: number; app: string }> { return ok({ contract: CONTRACT_VERSION, app: appVersion }); }

  scenarios(): ServiceResult<ScenarioInfo[]> { return ok(scenarioList()); }

  /** One scenario, listed or internal (a self-test the catalogue does not show), by id. */
  scenario(id: string): ServiceResult<ScenarioInfo> {
    const info = findScenarioInfo(id);
    return info ? ok(info) : fail('not-found', `unknown scenario ${JSON.stringify(id)}; valid ids: ${scenarioList().map((s) => s.id).join(', ')}`);
  }

  /** A catalogue scenario's program, as the workers run it, and our Python program beside it. */
  source(scenario: string): ServiceResult<ScenarioSource> {
    return scenarioSource(scenario);
  }

  /** The history file this service keeps its runs in (null: none). */
  get historyFile(): string | null { return this.opts.history?.file ?? null; }

  /**
   * Makes ready the workers a run of these parameters needs (the student has it on screen);
   * answers once they are (or a run took them meanwhile).
   */
  async prepare(args: Omit<StartArgs, 'guess' | 'timeoutS'>): Promise<ServiceResult<{ workers: number }>> {
    if (this.closed) return fail('unavailable', 'the lab is shutting down');
    try {
      const prepared = await this.host.prepare({ scenario: args.scenario, params: args.params });
      if (!prepared.ok) return fail(prepared.error.code === 'UNKNOWN_SCENARIO' ? 'not-found' : 'bad-param', prepared.error.message);
      return ok(prepared.value);
    } catch (e) {
      return fail('internal', (e as Error).message);
    }
  }

  /** Starts a run; it goes on in the background. Subscribe to watch it. */
  start(args: StartArgs): ServiceResult<{ runId: string; params: RunReport['params']; timeoutS: number }> {
    if (this.closed) return fail('unavailable', 'the lab is shutting down');
    return guard(() => {
      // The history first: a run that could not be kept is not started at all.
      let store: RunStore | undefined;
      if (this.opts.history) {
        const opened = this.openStore('write');
        if (!opened.ok) return opened;
        store = opened.value;
      }
      const started = this.host.start({ scenario: args.scenario, params: args.params, timeoutS: args.timeoutS, guess: args.guess });
      if (!started.ok) return fail(started.error.code === 'UNKNOWN_SCENARIO' ? 'not-found' : 'bad-param', started.error.message);
      const run = started.value;
      const entry: LiveEntry = { run, subscriptions: new Set(), finished: Promise.resolve(undefined as never) };
      entry.finished = (store ? store.record(run) : run.done).then(
        (report) => report,
        async (e: unknown) => { entry.storeError = historyFailure(e, this.historyFile ?? '', 'use'); return run.done; },
      ).then((report) => {
        entry.report = report;
        for (const s of entry.subscriptions) s.end(report);
        entry.subscriptions.clear();
        // Late subscribers (a run can end before its viewer subscribes) still get it for a while.
        setTimeout(() => this.live.delete(run.id), this.opts.endedGraceMs ?? 60_000).unref();
        return report;
      });
      run.onEvents((batch) => { for (const s of entry.subscriptions) s.add(batch); });
      // Preparing the run's workers takes a moment: its viewers see it go.
      run.onProgress(() => { for (const s of entry.subscriptions) s.status(); });
      this.live.set(run.id, entry);
      return ok({ runId: run.id, params: run.config.params, timeoutS: run.config.timeoutS });
    });
  }

  /** Resolves with the run's report once it has ended (and is stored). */
  async finished(runId: string): Promise<ServiceResult<RunReport>> {
    const entry = this.live.get(runId);
    if (!entry) return fail('not-found', `no live run ${JSON.stringify(runId)}`);
    const report = await entry.finished;
    if (entry.storeError) return entry.storeError;
    return ok(report);
  }

  /** Stops a run going on (every process of it ended); resolves with its report once kept. */
  async stop(runId: string): Promise<ServiceResult<RunReport>> {
    const run = this.host.find(runId);
    if (!run && !this.live.has(runId)) return fail('not-found', `no live run ${JSON.stringify(runId)}; "live" lists the runs going on`);
    await run?.stop();
    return this.finished(runId);
  }

  liveRuns(): ServiceResult<LiveRun[]> {
    return ok(this.host.running().map((run) => ({
      runId: run.id, scenario: run.config.scenario.meta.id, startedAt: run.startedAt.toISOString(), eventCount: run.record.eventCount,
    })));
  }

  /**
   * Pushes for one run, from `fromSeq` on: the events after it, status, and its end. Returns
   * the function that ends the subscription. Events the run no longer holds in memory are
   * announced as a gap (ask for them with events()).
   */
  subscribe(runId: string, fromSeq: number, onPush: (push: Push) => void): ServiceResult<{ id: string; unsubscribe: () => void }> {
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

  /** The kept runs that match, newest first; `total` counts every run that matches. */
  async history(filter: HistoryFilter): Promise<ServiceResult<HistoryPage>> {
    const query = historyQuery(filter);
    if (!query.ok) return query;
    return this.read((store) => ok({ runs: store.queries.history(query.value), total: store.queries.count(query.value) }));
  }

  async run(runId: string): Promise<ServiceResult<RunReport>> {
    return this.read((store) => {
      const r = store.queries.run(runId);
      return r ? ok(r) : notKept([runId], store.file);
    });
  }

  /**
   * A window of a run's events (by time or by seq; store/events-page.ts says which events it
   * holds), at most `limit`, with every process and object as they stood just before it. A
   * live run is read once what it recorded so far is written.
   */
  async events(runId: string, window: EventsWindow): Promise<ServiceResult<EventsPage>> {
    const bad = backwards(window.fromSeq, window.toSeq, 'window.fromSeq', 'window.toSeq') ?? backwards(window.fromUs, window.toUs, 'window.fromUs', 'window.toUs');
    if (bad) return bad;
    return this.read(async (store) => {
      await this.caughtUp(runId, store);
      const page = store.queries.eventsPage(runId, window);
      return page ? ok(page) : notKept([runId], store.file);
    });
  }

  /** The run's process and object tables (for a run going on here, as far as it has got). */
  async tables(runId: string): Promise<ServiceResult<RunTables>> {
    return this.read(async (store) => {
      await this.caughtUp(runId, store);
      const tables = store.queries.tables(runId);
      return tables ? ok(tables) : notKept([runId], store.file);
    });
  }

  /** Chart data of [fromUs, toUs] in at most `buckets` slices: per object and field min, max, last. */
  async chart(runId: string, fromUs: number, toUs: number, buckets: number): Promise<ServiceResult<ChartBucket[]>> {
    const bad = backwards(fromUs, toUs, 'fromUs', 'toUs');
    if (bad) return bad;
    return this.read(async (store) => {
      await this.caughtUp(runId, store);
      if (!store.queries.has(runId)) return notKept([runId], store.file);
      return ok(store.queries.chartWindow(runId, fromUs, toUs, buckets));
    });
  }

  /** A run still going here: waits until what it recorded so far is in the file. */
  private async caughtUp(runId: string, store: RunStore): Promise<void> {
    const entry = this.live.get(runId);
    if (entry && !entry.report) await store.flush();
  }

  /** Two stored runs compared, as one self-contained HTML page, into the sink. */
  async exportCompare(a: string, b: string, sink: ExportSink): Promise<ServiceResult<{ bytes: number }>> {
    const compared = await this.compare(a, b);
    if (!compared.ok) return compared;
    try {
      const bytes = await writePart(sink, { role: 'main', mime: 'text/html', fileName: compareFileName(a, b) }, [compareHtml(compared.value)]);
      return ok({ bytes });
    } catch (e) {
      return fail('internal', (e as Error).message);
    }
  }

  async compare(a: string, b: string): Promise<ServiceResult<Comparison>> {
    return this.read((store) => {
      const ra = store.queries.run(a);
      const rb = store.queries.run(b);
      if (!ra || !rb) return notKept([ra ? b : a], store.file);
      return ok({ a: ra, b: rb, rows: compareRuns(ra, rb) });
    });
  }

  /** Deletes runs; with one unknown id nothing is deleted. Needs a history opened for writing. */
  async delete(runIds: string[]): Promise<ServiceResult<{ deleted: string[] }>> {
    return this.read((store) => {
      const unknown = runIds.filter((id) => !store.queries.run(id));
      if (unknown.length) return notKept(unknown, store.file, '; nothing was deleted');
      store.queries.delete(runIds);
      return ok({ deleted: runIds });
    }, 'write');
  }

  /** Renders a stored run in `format` into the sink. */
  async export(runId: string, format: ExportFormat, sink: ExportSink): Promise<ServiceResult<{ bytes: number }>> {
    const got = await this.read((store) => {
      const report = store.queries.run(runId);
      return report ? ok({ report, events: store.queries.events(runId) }) : notKept([runId], store.file);
    });
    if (!got.ok) return got;
    try {
      return ok(await renderExport(got.value, format, sink, this.pdfPrinter));
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

  private get pdfPrinter(): PdfPrinter { return this.opts.pdfPrinter ?? CHROMIUM_PRINTER; }

  private progress(e: LiveEntry): RunProgress {
    const prep = e.run.preparing;
    return {
      phase: e.report ? 'ending' : prep ? 'preparing' : 'running',
      ...(prep ? { prepared: prep.ready, needed: prep.needed } : {}),
      elapsedMs: Date.now() - e.run.startedAt.getTime(),
      liveProcesses: e.run.kernel.liveCount,
      eventCount: e.run.record.eventCount,
    };
  }

  /** The history, opened on first use as its options say; `need` 'write': refused when it is read-only. */
  private openStore(need: 'read' | 'write'): ServiceResult<RunStore> {
    const h = this.opts.history;
    if (!h) return fail('unavailable', 'this lab keeps no history');
    const readOnly = h.mode === 'read';
    if (need === 'write' && readOnly) {
      return fail('store', `the history at ${h.file} was opened for reading only: it starts and deletes no run`, 'READ_ONLY');
    }
    if (!this.store) {
      try {
        this.store = RunStore.open(h.file, { nativeBinding: h.nativeBinding, createFolder: h.createFolder === true, readonly: readOnly });
      } catch (e) {
        return historyFailure(e, h.file, 'open');
      }
      for (const n of this.store.notices) { this.notices.push(n); this.opts.onNotice?.(n); }
    }
    return ok(this.store);
  }

  private async read<T>(f: (store: RunStore) => ServiceResult<T> | Promise<ServiceResult<T>>, need: 'read' | 'write' = 'read'): Promise<ServiceResult<T>> {
    const opened = this.openStore(need);
    if (!opened.ok) return opened;
    try {
      return await f(opened.value);
    } catch (e) {
      return historyFailure(e, opened.value.file, 'use');
    }
  }

  private log(line: string): void { (this.opts.log ?? ((l) => process.stderr.write(`${l}\n`)))(line); }
}

/** A window whose start comes after its end, named; undefined when it is fine. */
function backwards(from: number | undefined, to: number | undefined, fromName: string, toName: string): ServiceResult<never> | undefined {
  if (from === undefined || to === undefined || from <= to) return undefined;
  return fail('bad-request', `${fromName} (${from}) is after ${toName} (${to}): a window's start must not come after its end`);
}

/** The CLI's and the browser shell's printer: the Chromium found on the machine at each print. */
const CHROMIUM_PRINTER = chromiumPdfPrinter();

/** No run with these ids is kept in `file`. */
function notKept(ids: string[], file: string, more = ''): ServiceResult<never> {
  return fail('not-found', `no run ${ids.map((id) => JSON.stringify(id)).join(', ')} in ${file}${more}`);
}

function guard<T>(f: () => ServiceResult<T>): ServiceResult<T> {
  try {
    return f();
  } catch (e) {
    return fail('internal', (e as Error).message);
  }
}
