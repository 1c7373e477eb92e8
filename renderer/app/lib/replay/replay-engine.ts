// The replay of one stored run: the live model at the cursor, and the window of events it comes
// from. A small run is read whole when opened; a big one a window at a time around the cursor,
// each window starting from the state the store keeps (its nearest keyframe folded up to the
// window's start), never from the run's beginning. Moving the cursor forward folds the events
// passed; moving it back builds the model again from the window's start state.
//
// Plain TypeScript (no Svelte, no DOM): the app's replay state drives it, a test drives it
// against a real service.
import type { ChartBucket, LabClient, LabEvent, Result } from '../../../../shared/contract';
import { LiveModel } from '../../../../shared/live';
import { readExtent, readOverview, readPage, readPageBefore, readWindow, windowStart, type RunExtent } from './replay-source';
import { ReplayWindow } from './replay-window';
import { WindowLookup } from './window-lookup';
import type { EventLookup } from '../live/event-log';

export interface ReplayOptions {
  /** A run of at most this many events is read whole when it is opened. */
  wholeRunEvents: number;
  /** A window of a bigger run: about this many events, half of them before the moment asked. */
  windowEvents: number;
  /**
   * The window read first around a moment outside the one held: this many events, quick to read
   * and fold (the state at the moment shows while the scrubber still moves); the full window is
   * read once the cursor has rested `restMs`.
   */
  quickEvents: number;
  restMs: number;
  /** Events per request. */
  pageEvents: number;
}

export const DEFAULT_REPLAY_OPTIONS: ReplayOptions = { wholeRunEvents: 20_000, windowEvents: 20_000, quickEvents: 2_000, restMs: 150, pageEvents: 20_000 };

export interface ReplayListener {
  /** The model was built again (from a window's start state and the window's events up to the moment); `lookup` finds those events. */
  rebuilt(model: LiveModel, lookup: EventLookup): void;
  /** `events` were folded into the same model. */
  advanced(events: readonly LabEvent[]): void;
  /** Another window is held (or the one held grew). */
  window(w: ReplayWindow): void;
  /** The state shown is the state at `us` now. */
  shown(us: number): void;
  /** A window is being read (true) or not any more. */
  loading(on: boolean): void;
  failed(message: string): void;
}

/** Which events a step goes to: those of one process, or of one shared object. */
export type StepTarget = { kind: 'process'; pid: number } | { kind: 'object'; label: string };

export function matchesTarget(t: StepTarget): (e: LabEvent) => boolean {
  return t.kind === 'process' ? (e) => e.pid === t.pid : (e) => e.obj === t.label;
}

export class ReplayEngine {
  extent: RunExtent = { firstUs: 0, lastUs: 0, lastSeq: 0 };
  overview: ChartBucket[] | null = null;
  window: ReplayWindow | null = null;
  model: LiveModel | null = null;
  /** The moment whose state the model holds. */
  shownUs = 0;
  /** The moment asked for last (shown once its window is read). */
  wantedUs = 0;
  /** Events of the window folded into the model. */
  private folded = 0;
  private modelWindow: ReplayWindow | null = null;
  /** The tooltips' lookup: the model's window, as far as it folded it. */
  private readonly lookup = new WindowLookup({ window: () => this.modelWindow, folded: () => this.folded });
  private loadingNow = false;
  private extending: Promise<void> | null = null;
  /** Bumped by every move: a search for an event still going gives way to a newer move. */
  private generation = 0;
  private restTimer: ReturnType<typeof setTimeout> | null = null;
  private widening = false;
  private closed = false;

  constructor(private readonly lab: LabClient, readonly runId: string, private readonly listener: ReplayListener, readonly options: ReplayOptions = DEFAULT_REPLAY_OPTIONS) {}

  /** Reads where the run begins and ends. */
  async open(): Promise<Result<RunExtent>> {
    const r = await readExtent(this.lab, this.runId);
    if (r.ok) this.extent = r.value;
    return r;
  }

  /** The overview of the whole run in at most `buckets` slices. */
  async readOverview(buckets: number): Promise<Result<ChartBucket[]>> {
    const r = await readOverview(this.lab, this.runId, 0, this.extent.lastUs, buckets);
    if (r.ok) this.overview = r.value;
    return r;
  }

  /** The run is read whole (few events). */
  get whole(): boolean { return this.extent.lastSeq <= this.options.wholeRunEvents; }

  get loading(): boolean { return this.loadingNow; }

  close(): void {
    this.closed = true;
    this.generation++;
    if (this.restTimer) clearTimeout(this.restTimer);
  }

  /** Shows the state at `us`: at once when the window holds it, else once a window around it is read. */
  moveTo(us: number): void {
    this.generation++;
    this.wantedUs = us;
    if (this.seek(us)) { this.afterRest(); return; }
    if (!this.loadingNow) void this.loadLoop();
  }

  /** Once the cursor rests on a quick window, the full window around it is read. */
  private afterRest(): void {
    if (!this.window?.quick) return;
    if (this.restTimer) clearTimeout(this.restTimer);
    this.restTimer = setTimeout(() => { this.restTimer = null; void this.widen(); }, this.options.restMs);
  }

  private async widen(): Promise<void> {
    const w = this.window;
    if (!w?.quick || this.widening || this.loadingNow || this.closed) return;
    this.widening = true;
    try {
      const r = await this.readAround(this.wantedUs, this.options.windowEvents);
      // Taken only if nothing moved it elsewhere meanwhile.
      if (this.closed || !r.ok || this.window !== w || !r.value.covers(this.wantedUs)) return;
      this.setWindow(r.value);
      this.seek(this.wantedUs);
    } finally {
      this.widening = false;
      if (this.window?.quick && !this.closed) this.afterRest();
    }
  }

  /**
   * Folds the model to `us` if the window holds that moment: forward from where it is, or
   * again from the window's start state. Answers whether it could.
   */
  private seek(us: number): boolean {
    const w = this.window;
    if (!w || !w.covers(us)) return false;
    const k = w.countAt(us);
    if (this.model && this.modelWindow === w && k >= this.folded) {
      if (k > this.folded) {
        const events = w.events.slice(this.folded, k);
        this.model.fold(events);
        this.folded = k;
        this.listener.advanced(events);
      }
    } else {
      // A copy: the model may keep (and change) what it is given.
      const model = LiveModel.fromSnapshot(structuredClone(w.start));
      const events = w.events.slice(0, k);
      model.fold(events);
      this.model = model;
      this.modelWindow = w;
      this.folded = k;
      this.listener.rebuilt(model, this.lookup);
    }
    this.shownUs = us;
    this.listener.shown(us);
    return true;
  }

  private async loadLoop(): Promise<void> {
    this.loadingNow = true;
    this.listener.loading(true);
    try {
      while (!this.closed && !this.window?.covers(this.wantedUs)) {
        const us = this.wantedUs;
        const r = await this.readAround(us, this.options.quickEvents);
        if (this.closed) return;
        if (!r.ok) { this.listener.failed(r.error.message); return; }
        this.setWindow(r.value);
        // The scrubber moved on meanwhile: the moment read for is shown on the way (the charts
        // follow a fast drag a little behind, rather than standing still until it stops).
        if (!r.value.covers(this.wantedUs)) this.seek(us);
      }
      if (!this.closed) this.seek(this.wantedUs);
    } finally {
      this.loadingNow = false;
      if (!this.closed) { this.listener.loading(false); this.afterRest(); }
    }
  }

  private setWindow(w: ReplayWindow): void {
    this.window = w;
    this.listener.window(w);
  }

  /** A window that holds the state at `us`: the whole run if it is small, else about `size` events around `us`. */
  private async readAround(us: number, size: number): Promise<Result<ReplayWindow>> {
    const o = this.options;
    if (this.whole) return readWindow(this.lab, this.runId, { fromSeq: 0, maxEvents: this.extent.lastSeq + o.pageEvents, pageEvents: o.pageEvents });
    const a = Math.min(us, windowStart(this.overview, us, size / 2));
    let r = await readWindow(this.lab, this.runId, { fromUs: a, maxEvents: size, pageEvents: o.pageEvents });
    // The overview misjudged how many events come before `us`: a window from `us` itself.
    if (r.ok && !r.value.covers(us) && a < us) r = await readWindow(this.lab, this.runId, { fromUs: us, maxEvents: size, pageEvents: o.pageEvents });
    if (r.ok) r.value.quick = size < o.windowEvents;
    return r;
  }

  // ---- playing ---------------------------------------------------------------------------

  /** The moment `n` events on from the state shown, as far as the window holds (for "as fast as possible"). */
  momentAfter(n: number): number | null {
    const w = this.window;
    if (!w || this.modelWindow !== w) return null;
    const k = Math.min(w.length, this.folded + Math.max(1, n));
    if (k <= this.folded) return null;
    const us = Math.min(w.clockAt(k - 1), w.heldUntil);
    return us > this.shownUs ? us : null;
  }

  /** The latest moment whose state can be shown without reading more (null: up to the run's end). */
  get heldUntil(): number | null {
    const w = this.window;
    if (!w || this.loadingNow || !w.covers(this.wantedUs)) return this.wantedUs;
    return w.heldUntil === Infinity ? null : w.heldUntil;
  }

  /** The window can be read on past its end (the run goes on after it). */
  get canExtend(): boolean { return this.window !== null && !this.window.reachesEnd; }

  /** Events held after the state shown. */
  get ahead(): number { return this.window && this.modelWindow === this.window ? this.window.length - this.folded : 0; }

  /**
   * Reads the next page after the window's end (playing on). A window grown past three times
   * its size starts again from the state shown, so what a long play holds stays bounded.
   */
  extend(): Promise<void> {
    if (this.extending || !this.canExtend) return this.extending ?? Promise.resolve();
    this.extending = (async () => {
      const w = this.window!;
      const r = await readPage(this.lab, this.runId, w.lastSeq + 1, this.options.pageEvents);
      if (this.closed || this.window !== w) return;
      if (!r.ok) { this.listener.failed(r.error.message); return; }
      w.append(r.value.events, r.value.more ? null : Infinity);
      if (this.model && this.modelWindow === w && w.length > 3 * this.options.windowEvents) {
        const rest = w.events.slice(this.folded);
        const next = new ReplayWindow(this.model.snapshot(), rest, w.endUs);
        this.model.trimBefore(next.start.atUs);
        this.modelWindow = next;
        this.folded = 0;
        this.window = next;
      }
      this.listener.window(this.window!);
    })().finally(() => { this.extending = null; });
    return this.extending;
  }

  // ---- stepping --------------------------------------------------------------------------

  /**
   * The moment of the next (or previous) event of `target` after (before) the state shown: in
   * the window, else in pages read on from its end (or back from its start). Null: there is none.
   */
  async findStep(target: StepTarget, direction: 1 | -1): Promise<Result<number | null>> {
    const match = matchesTarget(target);
    const gen = this.generation;
    const w = this.window;
    const at = this.shownUs;
    if (!w) return { ok: true, value: null };
    const page = this.options.pageEvents;
    if (direction > 0) {
      const i = w.nextMatch(at, match);
      if (i >= 0) return { ok: true, value: w.clockAt(i) };
      if (w.reachesEnd) return { ok: true, value: null };
      let seq = w.lastSeq + 1;
      let clock = w.lastClock;
      for (;;) {
        const r = await readPage(this.lab, this.runId, seq, page);
        if (!r.ok) return r;
        if (gen !== this.generation) return { ok: true, value: null };
        for (const e of r.value.events) {
          if (e.t > clock) clock = e.t;
          if (clock > at && match(e)) return { ok: true, value: clock };
        }
        if (!r.value.more || !r.value.events.length) return { ok: true, value: null };
        seq = r.value.events[r.value.events.length - 1].seq + 1;
      }
    }
    const i = w.previousMatch(at, match);
    if (i >= 0) return { ok: true, value: w.clockAt(i) };
    let toSeq = w.firstSeq - 1;
    while (toSeq >= 1) {
      const r = await readPageBefore(this.lab, this.runId, toSeq, page);
      if (!r.ok) return r;
      if (gen !== this.generation) return { ok: true, value: null };
      const events = r.value.events;
      if (!events.length) break;
      const clocks: number[] = [];
      let clock = r.value.startUs;
      for (const e of events) { if (e.t > clock) clock = e.t; clocks.push(clock); }
      for (let j = events.length - 1; j >= 0; j--) if (clocks[j] < at && match(events[j])) return { ok: true, value: clocks[j] };
      toSeq = events[0].seq - 1;
    }
    return { ok: true, value: null };
  }
}
