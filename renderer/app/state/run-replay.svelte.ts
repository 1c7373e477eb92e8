// One stored run replayed: its live charts (a LiveView whose model the replay engine folds to
// the cursor), and the process table and transcript at that moment, as reactive fields for the
// page. The cursor itself belongs to the replay group (one run, or two compared), which moves
// every replay it holds.
import type { ChartBucket, LabClient, RunTables } from '../../../shared/contract';
import { LiveModel } from '../../../shared/live';
import { LiveView } from '../lib/live/live-view';
import type { ProcessRow } from '../lib/process-table';
import { DEFAULT_REPLAY_OPTIONS, ReplayEngine, type ReplayOptions, type StepTarget } from '../lib/replay/replay-engine';
import type { ReplayWindow } from '../lib/replay/replay-window';
import { processRowsAt, TranscriptAt } from '../lib/replay/state-at';
import type { TranscriptLine } from '../lib/transcript';
import { liveUi } from './live-views.svelte';
import { TRANSCRIPT_LIMIT } from './run-session.svelte';

export type ReplayStatus = 'opening' | 'ready' | 'empty' | 'unavailable';

/** What the page shows of the window held: which events, and whether it is the whole run. */
export interface WindowInfo {
  fromSeq: number; toSeq: number; fromUs: number; toUs: number; events: number; whole: boolean;
  /** The small window read first; the full one comes once the cursor rests. */
  quick: boolean;
}

/** A process or an object the step buttons go through. */
export interface StepChoice { key: string; label: string; target: StepTarget }

/** Options a test page (or the bench) may set before the app loads: small windows on a small run. */
interface ReplayWindowHook { __labReplay?: Partial<ReplayOptions> }

export function replayOptions(): ReplayOptions {
  const o = (typeof window === 'undefined' ? undefined : (window as unknown as ReplayWindowHook).__labReplay) ?? {};
  return { ...DEFAULT_REPLAY_OPTIONS, ...o };
}

export class RunReplay {
  status = $state<ReplayStatus>('opening');
  message = $state<string | null>(null);
  firstUs = $state(0);
  lastUs = $state(0);
  lastSeq = $state(0);
  /** A state has been shown (until then the page shows the report's transcript and table). */
  hasState = $state(false);
  /** The moment whose state is shown. */
  shownUs = $state(0);
  /** The seq of the last event folded in at that moment (0: none). */
  shownSeq = $state(0);
  loading = $state(false);
  overview = $state.raw<ChartBucket[] | null>(null);
  processes = $state.raw<ProcessRow[]>([]);
  lines = $state.raw<TranscriptLine[]>([]);
  droppedLines = $state(0);
  windowInfo = $state.raw<WindowInfo | null>(null);
  choices = $state.raw<StepChoice[]>([]);
  /** The stretch of time the charts' whole-run window shows (the window's, or both compared runs'). */
  range = $state.raw<{ fromUs: number; toUs: number } | null>(null);
  /** Called when the window held changed (the group lines the views' ranges up). */
  onWindow: (() => void) | null = null;

  readonly view: LiveView;
  readonly engine: ReplayEngine;
  private readonly transcript = new TranscriptAt(TRANSCRIPT_LIMIT);
  private rowsVersion = -1;
  private rowsModel: LiveModel | null = null;

  constructor(private readonly lab: LabClient, readonly runId: string, options: ReplayOptions = replayOptions()) {
    this.view = new LiveView(liveUi(), undefined, new LiveModel(), false);
    this.engine = new ReplayEngine(lab, runId, {
      rebuilt: (model, lookup) => this.view.replaceModel(model, lookup),
      advanced: () => this.view.folded(),
      window: (w) => this.tookWindow(w),
      shown: (us) => this.showed(us),
      loading: (on) => { this.loading = on; },
      failed: (message) => { this.message = message; },
    }, options);
  }

  /** Reads where the run begins and ends, its overview (`buckets` slices) and its tables. */
  async open(buckets: number): Promise<void> {
    const extent = await this.engine.open();
    if (!extent.ok) { this.status = 'unavailable'; this.message = extent.error.message; return; }
    this.firstUs = extent.value.firstUs;
    this.lastUs = extent.value.lastUs;
    this.lastSeq = extent.value.lastSeq;
    if (extent.value.lastSeq === 0) { this.status = 'empty'; return; }
    const [overview, tables] = await Promise.all([this.engine.readOverview(buckets), this.lab.tables({ runId: this.runId })]);
    if (overview.ok) this.overview = overview.value;
    else this.message = `The overview could not be read: ${overview.error.message}`;
    if (tables.ok) this.choices = choicesOf(tables.value);
    this.status = 'ready';
  }

  /** Shows the state at `us` (at once if the window holds it, else once it is read). */
  show(us: number): void { if (this.status === 'ready') this.engine.moveTo(us); }

  private tookWindow(w: ReplayWindow): void {
    const first = w.length ? w.clockAt(0) : w.start.atUs;
    const whole = w.firstSeq <= 1 && w.reachesEnd;
    const fromUs = whole ? this.firstUs : first;
    const toUs = w.reachesEnd ? this.lastUs : w.lastClock;
    this.windowInfo = { fromSeq: w.firstSeq, toSeq: w.lastSeq, fromUs, toUs, events: w.length, whole, quick: w.quick };
    this.setRange({ fromUs, toUs });
    this.onWindow?.();
  }

  setRange(range: { fromUs: number; toUs: number }): void {
    this.range = range;
    this.view.setRange(range);
  }

  private showed(us: number): void {
    // The bench measures opening a run to the state at its cursor by this mark.
    if (this.shownSeq === 0 && performance.getEntriesByName(`lab:state:${this.runId}`).length === 0) performance.mark(`lab:state:${this.runId}`);
    this.view.setCursor(us);
    this.shownUs = us;
    const m = this.engine.model;
    if (!m) return;
    this.shownSeq = m.atSeq;
    if (m !== this.rowsModel || m.version !== this.rowsVersion) {
      this.rowsModel = m;
      this.rowsVersion = m.version;
      this.processes = processRowsAt(m);
    }
    if (this.transcript.update(m)) {
      this.lines = this.transcript.lines;
      this.droppedLines = this.transcript.dropped;
    }
    this.hasState = true;
  }

  dispose(): void {
    this.engine.close();
    this.view.dispose();
  }
}

function choicesOf(t: RunTables): StepChoice[] {
  return [
    ...t.processes.map((p): StepChoice => ({ key: `p:${p.pid}`, label: `${p.name} (pid ${p.pid})`, target: { kind: 'process', pid: p.pid } })),
    ...t.objects.filter((o) => !o.info.partOf).map((o): StepChoice => ({ key: `o:${o.info.label}`, label: `${o.info.label} (${o.info.kind})`, target: { kind: 'object', label: o.info.label } })),
  ];
}
