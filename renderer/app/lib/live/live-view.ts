// The live charts of one run: the live model (shared/live) folded from the pushed events, a
// bounded log of the last events for the tooltips, the window on screen, and one drawing loop.
// Batches are queued as they arrive and folded at the start of the next animation frame, then
// every painter draws what changed: one fold and one paint per frame however often pushes come.
// While the run goes on, the end of the picture follows the run's clock (estimated from the
// last push) so a process blocked for seconds is seen blocking, not frozen.
//
// Plain TypeScript (no Svelte): the app wraps it (components/live), a test page drives it
// directly, and the replay can give it a model built from a keyframe and a time to draw to.
import type { LabEvent } from '../../../../shared/contract';
import { LiveModel } from '../../../../shared/live';
import { LIGHT_THEME, type ChartTheme } from './chart-theme';
import { gutterWidth } from './chart-layout';
import { EventLog, type EventLookup } from './event-log';
import { sameHit, type Hit } from './hit';
import { perfProbe } from './perf-probe';
import type { TimeAxis } from './time-axis';
import { ViewWindow, type ViewMode } from './view-window';

export interface EventFeed { onEvents(listener: (events: readonly LabEvent[]) => void): () => void }

/** What the page around the charts shows of them (the app makes these fields reactive). */
export interface LiveUi {
  mode: ViewMode;
  arrowsOn: boolean;
  hover: Hit | null;
  /** Processes and shared objects so far. */
  lanes: number;
  objects: number;
  /** Arrows in the model, and how many the window draws (the densest views draw the newest). */
  arrows: number;
  arrowsShown: number;
  /** Bumped at most a few times a second when the model changed (object contents tables). */
  contentsTick: number;
  /** The label column left of the plots, CSS px: it follows the theme's type (projector mode). */
  gutterPx: number;
}

export function plainUi(): LiveUi {
  return { mode: 'whole', arrowsOn: true, hover: null, lanes: 0, objects: 0, arrows: 0, arrowsShown: 0, contentsTick: 0, gutterPx: gutterWidth(LIGHT_THEME) };
}

export interface Painter {
  /** Draws what changed since its last paint; everything when `full`. */
  paint(view: LiveView, full: boolean): void;
  /** What is under a point of its plot (CSS pixels of the plot), if anything. */
  hitTest(x: number, y: number, view: LiveView): Hit | null;
  /** The plot's width in CSS pixels (the axis is made for it). */
  readonly plotWidth: number;
  /** A drawing left unfinished within a frame's budget: the view gives it another frame. */
  readonly busy?: boolean;
}

const CONTENTS_EVERY_MS = 250;
/** Milliseconds of a frame the fold may take before the rest waits for the next frame. */
const FOLD_BUDGET_MS = 5;
const FOLD_SLICE = 400;

export class LiveView {
  readonly window = new ViewWindow();
  theme: ChartTheme = LIGHT_THEME;
  running: boolean;
  /** Where tooltips look events up. */
  lookup: EventLookup;
  private readonly log = new EventLog();
  private readonly painters = new Set<Painter>();
  private pending: LabEvent[][] = [];
  private raf = 0;
  private full = true;
  private clockUs = 0;
  private lastFoldAt = 0;
  private lastContents = 0;
  private contentsVersion = -1;
  private stopFeed: (() => void) | null = null;
  /** A fixed end (a replay's moment); null: the model's end, or the run's clock while it runs. */
  private cursorUs: number | null = null;

  /** The model drawn; a replay puts another in its place when it goes back in time. */
  model: LiveModel;
  /** A fixed stretch of the run the whole-run window shows (a replay's window); null: first event to end. */
  private range: { fromUs: number; toUs: number } | null = null;

  constructor(readonly ui: LiveUi = plainUi(), feed?: EventFeed, model = new LiveModel(), running = true) {
    this.model = model;
    this.running = running;
    this.lookup = this.log;
    if (feed) this.stopFeed = feed.onEvents((events) => this.push(events));
  }

  /** A batch of events, in seq order; folded at the next frame. */
  push(events: readonly LabEvent[]): void {
    if (events.length === 0) return;
    // In slices, so the frame's fold budget is kept to about a slice.
    for (let i = 0; i < events.length; i += FOLD_SLICE) this.pending.push(events.slice(i, i + FOLD_SLICE) as LabEvent[]);
    perfProbe()?.arrived(events);
    this.schedule();
  }

  /** Batches arrived and not folded yet. */
  get backlog(): number { return this.pending.length; }

  /** The run is over: the end of the picture is its last event, and the loop can rest. */
  finish(): void {
    if (!this.running) return;
    this.running = false;
    this.invalidate();
  }

  dispose(): void {
    this.stopFeed?.();
    this.stopFeed = null;
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    this.painters.clear();
  }

  attach(p: Painter): () => void {
    this.painters.add(p);
    this.invalidate();
    return () => { this.painters.delete(p); };
  }

  /** Redraws everything at the next frame (a new theme, a new size, a new window). */
  invalidate(): void {
    this.full = true;
    this.schedule();
  }

  setTheme(theme: ChartTheme): void {
    this.theme = theme;
    this.ui.gutterPx = gutterWidth(theme);
    this.invalidate();
  }

  /** Draws the run up to `us` (a replay's scrubber) or, with null, up to its end. */
  setCursor(us: number | null): void {
    if (us === this.cursorUs) return;
    const back = us === null || this.cursorUs === null || us < this.cursorUs;
    this.cursorUs = us;
    // The painters draw on from where they were when the cursor moved on; back, they redraw.
    if (back) this.invalidate(); else this.schedule();
  }

  /** The cursor of a replay, if any. */
  get cursor(): number | null { return this.cursorUs; }

  /** The end is marked (a line across the charts): while the run goes on, and at a replay's cursor. */
  get marksEnd(): boolean { return this.running || this.cursorUs !== null; }

  /** The whole-run window shows [fromUs, toUs] (a replay's window), or with null the run from its first event. */
  setRange(range: { fromUs: number; toUs: number } | null): void {
    const same = range === this.range || (range && this.range && range.fromUs === this.range.fromUs && range.toUs === this.range.toUs);
    if (same) return;
    this.range = range ? { ...range } : null;
    this.invalidate();
  }

  /**
   * A replay's model, folded elsewhere (built from a keyframe, folded to the cursor): drawn
   * from scratch; `lookup` answers the tooltips from the events it folded.
   */
  replaceModel(model: LiveModel, lookup: EventLookup): void {
    this.model = model;
    this.pending = [];
    this.lookup = lookup;
    this.firstSeenUs = undefined;
    this.contentsVersion = -1;
    this.invalidate();
  }

  /** A replay folded more events into the model itself: drawn at the next frame. */
  folded(): void { this.schedule(); }

  /** The run is recorded in event format 1: no arrows, no values (older runs, and today's kernel). */
  get formatV1(): boolean { return this.lookup.formatV1 === true; }

  /** Where the run's picture starts: its first event (not the clock's zero, which is before
   *  the workers were ready). The model's own progress.firstT is not set by its fold yet. */
  get firstUs(): number { return this.range?.fromUs ?? this.model.progress.firstT ?? this.firstSeenUs ?? 0; }
  private firstSeenUs: number | undefined;

  /** The time the picture reaches: the cursor, the model's last event, or the run's clock. */
  get endUs(): number {
    if (this.cursorUs !== null) return this.cursorUs;
    return Math.max(this.model.atUs, this.running ? this.clockUs : 0);
  }

  /** Where the whole-run window ends: the replay's range, or the picture's end. */
  get lastUs(): number { return this.range ? Math.max(this.range.toUs, this.range.fromUs + 1) : this.endUs; }

  /** The axis of a plot `widthPx` wide (every chart of the view shares it). */
  axis(widthPx: number): TimeAxis {
    return this.window.axis(this.firstUs, this.lastUs, widthPx, this.running && this.cursorUs === null);
  }

  // ---- the window and the options, from the toolbar, the wheel and the mouse ------------

  zoom(steps: number, widthPx: number, anchorX: number | null = null): void {
    this.window.zoom(this.axis(widthPx), steps, anchorX, this.firstUs, this.lastUs, this.running);
    this.windowChanged();
  }

  pan(dxPx: number, widthPx: number): void {
    this.window.pan(this.axis(widthPx), dxPx, this.firstUs, this.lastUs);
    this.windowChanged();
  }

  whole(): void { this.window.whole(); this.windowChanged(); }

  follow(widthPx: number): void { this.window.follow(this.axis(widthPx)); this.windowChanged(); }

  setArrows(on: boolean): void {
    this.ui.arrowsOn = on;
    if (!on && this.ui.hover?.kind === 'arrow') this.ui.hover = null;
    this.schedule();
  }

  setHover(hit: Hit | null): void {
    if (sameHit(hit, this.ui.hover)) return;
    this.ui.hover = hit;
    this.schedule();
    this.repaintOverlays = true;
  }

  /** Painters redraw their overlays (hover marks) at the next frame even if nothing else moved. */
  repaintOverlays = false;

  private windowChanged(): void {
    this.ui.mode = this.window.mode;
    this.invalidate();
  }

  // ---- the loop -----------------------------------------------------------------------

  private schedule(): void {
    if (this.raf || typeof requestAnimationFrame === 'undefined') return;
    this.raf = requestAnimationFrame((ts) => this.frame(ts));
  }

  /** One frame: fold what arrived, move the clock, let every painter draw what changed. */
  frame(ts = performance.now()): void {
    this.raf = 0;
    const probe = perfProbe();
    const t0 = performance.now();
    // Fold what arrived, within a budget: a burst of pushes is spread over a few frames rather
    // than one frame taking them all (the rest waits for the next frame).
    let batches: LabEvent[][] = [];
    if (this.pending.length) {
      this.firstSeenUs ??= this.model.progress.events > 0 ? this.model.atUs : this.pending[0][0].t;
      let n = 0;
      while (n < this.pending.length && (n === 0 || performance.now() - t0 < FOLD_BUDGET_MS)) {
        const b = this.pending[n++];
        this.model.fold(b);
        this.log.add(b);
      }
      batches = this.pending.slice(0, n);
      this.pending = this.pending.slice(n);
      this.lastFoldAt = t0;
      this.clockUs = Math.max(this.clockUs, this.model.atUs);
    } else if (this.running && this.lastFoldAt > 0) {
      // No news: the run's clock went on since the last push (never backwards).
      this.clockUs = Math.max(this.clockUs, this.model.atUs + (t0 - this.lastFoldAt) * 1000);
    }
    const full = this.full;
    this.full = false;
    for (const p of this.painters) p.paint(this, full);
    this.repaintOverlays = false;
    this.report(t0);
    probe?.frame(ts, t0, performance.now(), batches, this.model.lanes.size > 0 && this.painters.size > 0);
    // A view no chart shows (the student went to another page) only folds; it rests when idle.
    let busy = false;
    for (const p of this.painters) if (p.busy) busy = true;
    if ((this.running && this.painters.size > 0) || this.pending.length || busy) this.schedule();
  }

  private report(now: number): void {
    const m = this.model, ui = this.ui;
    if (ui.lanes !== m.lanes.size) ui.lanes = m.lanes.size;
    if (ui.objects !== m.objects.size) ui.objects = m.objects.size;
    if (ui.arrows !== m.arrows.length) ui.arrows = m.arrows.length;
    if (m.version !== this.contentsVersion && (now - this.lastContents >= CONTENTS_EVERY_MS || !this.running)) {
      this.contentsVersion = m.version;
      this.lastContents = now;
      ui.contentsTick++;
    }
  }
}

export type { ViewMode };
