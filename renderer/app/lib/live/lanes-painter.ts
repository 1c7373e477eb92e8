// The process timeline on canvas: one lane per process (nested under its parent in the
// gutter), its state over time as coloured and patterned bars, labelled where wide enough;
// arrows between processes; ticks, the run's end, exits and the hovered mark on top.
//
// Why plain canvas and not Chart.js here: this is redrawn up to 60 times a second over as many
// as 100,000 spans. Chart.js rebuilds its datasets (an object per bar) and lays out every
// element on each update; here a frame draws only the pixel columns that changed (the spans
// layer and the arrows layer keep what they drew; a following window shifts them by whole
// pixels) and bins sub-pixel spans so a redraw costs one rectangle per run of equal columns.
// Chart.js stays the report's charting (shared/charts), drawn once.
import type { Lane, LaneRow } from '../../../../shared/live';
import { binCategories } from './bins';
import { CanvasLayer } from './canvas-layer';
import { ArrowsLayer } from './arrows-layer';
import { StripLayer } from './strip-layer';
import { StripProgress } from './strip-progress';
import { ARROW_STYLES, PHASE_INDEX, PHASE_SYMBOL, makeFills, type ChartTheme, type Fills } from './chart-theme';
import { LABEL_MIN_PX, axisHeight, fitText, gutterWidth, laneHeight } from './chart-layout';
import { describeExit } from './describe';
import type { Hit } from './hit';
import type { LiveView, Painter } from './live-view';
import { processColour } from '../../../../shared/charts/palette';
import { axisEndUs, sameAxis, ticks, usOf, xOf, type TimeAxis } from './time-axis';

/** Milliseconds of a frame the spans may take; a redraw that needs more goes on next frame. */
const DRAW_BUDGET_MS = 5;

export interface LaneCanvases {
  gutter: HTMLCanvasElement;
  /** Containers of the spans and arrows layers (their strips are made inside, data-layer spans / arrows). */
  spans: HTMLElement; arrows: HTMLElement;
  overlay: HTMLCanvasElement;
  /** A thin element over the plot marking the run's end while it goes on (moved, never redrawn). */
  now?: HTMLElement;
}

const PAD = 3;

export class LanesPainter implements Painter {
  private readonly gutter: CanvasLayer;
  private readonly spans: StripLayer;
  private readonly arrows: ArrowsLayer;
  private readonly overlay: CanvasLayer;
  private readonly now: HTMLElement | undefined;
  private width = 600;
  private rows: readonly LaneRow[] = [];
  private readonly rowOf = new Map<number, number>();
  private rowH = 22;
  private axisH = 22;
  private axis: TimeAxis | null = null;
  private theme: ChartTheme | null = null;
  private fills: Fills | null = null;
  /** How far the spans layer is drawn. */
  private readonly strips = new StripProgress(DRAW_BUDGET_MS);
  /** Per lane, the start of the span going on whose label is drawn already. */
  private readonly labelled = new Map<number, number>();

  private readonly phaseOf: number[] = [];
  /** The state each gutter row shows (-1: to draw). */
  private gutterStates: number[] = [];
  private overlayKey = '';
  private overlayHover: unknown = null;
  private readonly fitCache = new Map<string, string>();
  private fillsFor: { theme: ChartTheme; dpr: number } | null = null;
  private patternOffset = Number.NaN;
  private heightPx = 0;
  /** What the last paint showed: when nothing of it moved, a frame draws nothing. */
  private lastPaint = '';
  private lastHover: unknown = null;

  constructor(canvases: LaneCanvases, private readonly onHeight: (heightPx: number) => void = () => {}) {
    this.gutter = new CanvasLayer(canvases.gutter);
    this.spans = new StripLayer(canvases.spans, 'spans');
    this.arrows = new ArrowsLayer(canvases.arrows);
    this.overlay = new CanvasLayer(canvases.overlay);
    this.now = canvases.now;
  }

  /** The chart's whole width (gutter and plot), from the page's layout. */
  setWidth(px: number): void { this.width = Math.max(200, Math.floor(px)); }

  /** Work left for the next frame: a redraw under way, or a pass the frame's budget cut short. */
  get busy(): boolean { return this.strips.busy; }

  get plotWidth(): number { return Math.max(50, this.width - gutterWidth(this.theme ?? { fontPx: 12 } as ChartTheme)); }

  get laneHeight(): number { return this.rowH; }
  get axisStrip(): number { return this.axisH; }
  /** The lane rows as drawn (tests and the keyboard read them). */
  get rowList(): readonly LaneRow[] { return this.rows; }

  /** The model drawn last: a replay may put another in its place (its state ids differ). */
  private model: unknown = null;

  paint(view: LiveView, full: boolean): void {
    const m = view.model;
    if (m !== this.model) { this.model = m; this.phaseOf.length = 0; full = true; }
    const theme = view.theme;
    const rows = m.lanes.tree();
    const rowsChanged = rows !== this.rows;
    let redraw = full || rowsChanged || theme !== this.theme;
    if (theme !== this.theme) this.fitCache.clear();
    this.theme = theme;
    const rowH = laneHeight(rows.length, theme);
    const axisH = axisHeight(theme);
    if (rowH !== this.rowH || axisH !== this.axisH) redraw = true;
    this.rowH = rowH; this.axisH = axisH;
    if (rows !== this.rows) {
      this.rows = rows;
      this.rowOf.clear();
      rows.forEach((r, i) => this.rowOf.set(r.lane.pid, i));
    }
    const G = gutterWidth(theme), P = this.plotWidth;
    const H = axisH + Math.max(1, rows.length) * rowH + 2;
    const dpr = window.devicePixelRatio || 1;
    let resized = this.gutter.resize(G, H, dpr);
    resized = this.spans.resize(P, H, dpr) || resized;
    resized = this.arrows.resize(P, H, dpr) || resized;
    resized = this.overlay.resize(P, H, dpr) || resized;
    if (resized) redraw = true;
    if (H !== this.heightPx) { this.heightPx = H; this.onHeight(H); }
    if (!this.fills || this.fillsFor?.theme !== theme || this.fillsFor.dpr !== this.spans.dpr) {
      this.fills = makeFills(this.spans.ctx, theme, this.spans.dpr);
      this.fillsFor = { theme, dpr: this.spans.dpr };
      this.patternOffset = Number.NaN;
    }

    const endUs = view.endUs;
    const axis = view.axis(P);
    const key = `${m.version}|${axis.originUs}|${axis.usPerPx}|${P}|${Math.floor(xOf(axis, endUs))}|${view.ui.arrowsOn}`;
    if (!redraw && !this.strips.catchingUp && key === this.lastPaint && view.ui.hover === this.lastHover) return;
    this.lastPaint = key;
    this.lastHover = view.ui.hover;
    const before = this.axis;
    let moved = false;
    let shifted = false;
    let squeezed = false;
    if (!redraw && !sameAxis(before, axis)) {
      const k = before ? (axis.originUs - before.originUs) / axis.usPerPx : 0;
      const whole = Math.round(k);
      if (before && before.usPerPx === axis.usPerPx && before.widthPx === axis.widthPx && Math.abs(k - whole) < 1e-6 && whole > 0 && whole < P) {
        // A following window moved on by whole pixels: keep what is drawn, moved left.
        this.spans.shiftLeft(whole);
        this.arrows.shiftLeft(whole);
        this.strips.shifted(whole);
        shifted = true;
        moved = true;
      } else if (before && before.originUs === axis.originUs && before.widthPx === axis.widthPx && !rowsChanged) {
        // The whole run outgrew the scale: what is drawn is squeezed into place at once, then
        // drawn again properly, strip by strip, over the next frames.
        this.spans.rescaleX(before.usPerPx / axis.usPerPx);
        squeezed = true;
        redraw = true;
      } else redraw = true;
    }
    this.axis = axis;

    const grew = m.atUs > this.strips.drawnToUs || endUs > this.strips.drawnToUs;
    if (redraw) {
      if (!squeezed) this.spans.clear();
      this.arrows.restart(m, axis);
      this.labelled.clear();
      this.strips.restart(axis, squeezed, P);
    }
    if (redraw || moved || grew || this.strips.catchingUp) {
      if (shifted) this.labelAtEdge(view, axis);
      this.strips.drawOn(axis, Math.min(endUs, axisEndUs(axis)), m.atUs, P,
        (x0, x1) => this.spans.clear(x0, x1),
        (from, to, finalBefore, last) => this.drawSpans(view, axis, from, to, finalBefore, last));
      if (!this.strips.catchingUp) {
        this.arrows.draw(m, axis, this.rowH, (pid) => this.rowCentre(pid));
        view.ui.arrowsShown = this.arrows.drawn;
      }
    }
    if (redraw) this.overlayKey = '';
    this.paintGutter(view, redraw);
    this.paintOverlay(view, axis, endUs);
  }

  private phase(view: LiveView, stateId: number): number {
    let p = this.phaseOf[stateId];
    if (p === undefined) p = this.phaseOf[stateId] = PHASE_INDEX[view.model.lanes.states.get(stateId).phase];
    return p;
  }

  /** The spans of every lane over [from, to), binned per pixel column; labels on the wide ones that closed. */
  private drawSpans(view: LiveView, axis: TimeAxis, fromUs: number, toUs: number, finalBefore: number, last: boolean): void {
    const P = this.spans.widthPx;
    const rects: number[][] = [[], [], []];
    const labels: { x0: number; x1: number; y: number; text: string }[] = [];
    const w = { fromUs, toUs, originUs: axis.originUs, usPerPx: axis.usPerPx };
    const states = view.model.lanes.states;
    const atUs = view.model.atUs;
    const h = this.rowH - 2 * PAD;
    this.rows.forEach(({ lane }, r) => {
      const y = this.axisH + r * this.rowH + PAD;
      const s = lane.spans;
      binCategories(s, (i) => this.phase(view, s.stateAt(i)), w, (cat, c0, c1) => {
        if (cat > 2 || c1 <= 0 || c0 >= P) return;
        const a = Math.max(0, c0);
        rects[cat].push(a, y, Math.min(P, c1) - a);
      }, (i, x0, x1) => {
        const st = states.get(s.stateAt(i));
        if (st.phase !== 'blocked' && st.phase !== 'sleeping') return;
        const start = s.startAt(i);
        if (this.labelled.get(lane.pid) === start) return; // labelled while it went on
        const text = `${PHASE_SYMBOL[st.phase]} ${st.label}`;
        if (i + 1 < s.length) {
          // A span that closed in this stretch, wide enough: its label, cut to fit (once: in the
          // stretch its end is in, when every strip it covers is drawn).
          const end = s.startAt(i + 1);
          if (x1 - x0 >= LABEL_MIN_PX && end > finalBefore && end > fromUs && end <= toUs && end <= atUs) labels.push({ x0, x1, y, text });
          return;
        }
        // The span going on: labelled once, when its whole label fits before the last event
        // (what is left of that is never drawn again, so the label stays), in a pass's last stretch.
        if (!last) return;
        const right = xOf(axis, atUs) - 4;
        if (right - Math.max(0, x0) >= Math.max(LABEL_MIN_PX, this.labelWidth(text) + 16)) {
          labels.push({ x0, x1: right, y, text });
          this.labelled.set(lane.pid, start);
        }
      });
    });
    const fills = this.fills!;
    // Keep the patterns fixed to the run's time, so a shifted picture and its new end match.
    const offset = Math.round((axis.originUs - view.firstUs) / axis.usPerPx) % 8;
    if (offset !== this.patternOffset) {
      for (const q of fills.pattern) q?.setTransform(new DOMMatrix([1 / this.spans.dpr, 0, 0, 1 / this.spans.dpr, -offset, 0]));
      this.patternOffset = offset;
    }
    const x0 = Math.max(0, Math.floor(xOf(axis, fromUs))), x1 = Math.min(P, Math.ceil(xOf(axis, toUs)) + 1);
    this.spans.draw(x0, x1, (ctx, sx0, sx1) => {
      for (let p = 0; p < 3; p++) {
        const list = rects[p];
        let any = false;
        ctx.beginPath();
        for (let i = 0; i < list.length; i += 3) {
          if (list[i] >= sx1 || list[i] + list[i + 2] <= sx0) continue;
          ctx.rect(list[i], list[i + 1], list[i + 2], h);
          any = true;
        }
        if (!any) continue;
        ctx.fillStyle = fills.base[p];
        ctx.fill();
        const pat = fills.pattern[p];
        if (pat) { ctx.fillStyle = pat; ctx.fill(); }
      }
    });
    for (const l of labels) {
      const a = Math.max(0, l.x0), b = Math.min(P, l.x1);
      if (b > a) this.spans.draw(a, b, (ctx) => this.label(ctx, l.x0, l.x1 - 3, l.y, h, l.text));
    }
  }

  /**
   * After the window moved on: the spans that now begin before its left edge get their label
   * at the edge, as a whole redraw would put it (so it stays in view while they go on).
   */
  private labelAtEdge(view: LiveView, axis: TimeAxis): void {
    const states = view.model.lanes.states;
    const atUs = view.model.atUs;
    const h = this.rowH - 2 * PAD;
    this.rows.forEach(({ lane }, r) => {
      const s = lane.spans;
      const i = s.indexAt(axis.originUs);
      if (i < 0 || s.startAt(i) >= axis.originUs) return;
      const st = states.get(s.stateAt(i));
      if (st.phase !== 'blocked' && st.phase !== 'sleeping') return;
      const y = this.axisH + r * this.rowH + PAD;
      const text = `${PHASE_SYMBOL[st.phase]} ${st.label}`;
      const x0 = xOf(axis, s.startAt(i));
      let x1: number;
      if (i + 1 < s.length) {
        x1 = xOf(axis, s.startAt(i + 1));
        if (x1 - x0 < LABEL_MIN_PX || s.startAt(i + 1) > atUs) return;
      } else {
        x1 = xOf(axis, atUs) - 4;
        if (x1 < Math.max(LABEL_MIN_PX, this.labelWidth(text) + 16)) return;
        this.labelled.set(lane.pid, s.startAt(i));
      }
      this.spans.draw(0, Math.min(this.spans.widthPx, x1), (ctx) => this.label(ctx, x0, x1 - 3, y, h, text));
    });
  }

  /** A label in a small box at the start of a span (text on the theme's surface, so it reads on any fill). */
  private label(ctx: CanvasRenderingContext2D, x0: number, x1: number, y: number, h: number, text: string): void {
    const t = this.theme!;
    const x = Math.max(0, x0) + 3;
    const avail = Math.min(x1, this.spans.widthPx) - x - 3;
    if (avail < 20) return;
    const size = Math.min(t.fontPx, h - 2);
    ctx.font = `${size}px ${t.font}`;
    const key = `${text}|${Math.floor(avail / 6)}|${size}`;
    let fitted = this.fitCache.get(key);
    if (fitted === undefined) {
      fitted = fitText(ctx, text, avail - 4);
      if (this.fitCache.size > 4000) this.fitCache.clear();
      this.fitCache.set(key, fitted);
    }
    if (!fitted) return;
    const tw = ctx.measureText(fitted).width;
    // An opaque box: a label drawn again over itself (a following window) leaves no ghost.
    ctx.fillStyle = t.surface;
    ctx.fillRect(x - 2, y + 1, tw + 4, h - 2);
    ctx.fillStyle = t.text;
    ctx.textBaseline = 'middle';
    ctx.fillText(fitted, x, y + h / 2 + 0.5);
  }

  private rowCentre(pid: number): number | undefined {
    const r = this.rowOf.get(pid);
    return r === undefined ? undefined : this.axisH + r * this.rowH + this.rowH / 2;
  }

  /** Names, nesting and the state now, one row per lane; a row is redrawn when its state changed. */
  private paintGutter(view: LiveView, redraw: boolean): void {
    const states = view.model.lanes.states;
    const t = this.theme!;
    const ctx = this.gutter.ctx;
    const G = this.gutter.widthPx;
    if (redraw || this.gutterStates.length !== this.rows.length) {
      this.gutter.clear();
      this.gutterStates = new Array<number>(this.rows.length).fill(-1);
      ctx.textBaseline = 'middle';
      ctx.font = `600 ${t.fontPx}px ${t.font}`;
      ctx.fillStyle = t.muted;
      ctx.fillText('Process (pid)', 6, this.axisH / 2);
      ctx.textAlign = 'right';
      ctx.fillText('now', G - 6, this.axisH / 2);
      ctx.textAlign = 'left';
    }
    this.rows.forEach(({ lane, depth }, r) => {
      const state = lane.spans.lastState;
      if (this.gutterStates[r] === state) return;
      this.gutterStates[r] = state;
      const y = this.axisH + r * this.rowH;
      const cy = y + this.rowH / 2;
      ctx.clearRect(0, y, G, this.rowH);
      ctx.textBaseline = 'middle';
      if (r % 2 === 1) { ctx.fillStyle = t.dark ? 'rgba(255,255,255,0.04)' : 'rgba(0,0,0,0.035)'; ctx.fillRect(0, y, G, this.rowH); }
      const indent = 6 + Math.min(depth, 8) * 10;
      if (depth > 0) {
        ctx.strokeStyle = t.muted;
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(indent - 6.5, y); ctx.lineTo(indent - 6.5, cy); ctx.lineTo(indent - 1, cy);
        ctx.stroke();
      }
      ctx.fillStyle = processColour(lane.index);
      ctx.fillRect(indent, cy - 4, 8, 8);
      const st = states.get(state);
      // The code or signal only: how it ended is written at its exit mark on the timeline.
      const now = st.phase === 'exited' ? `${PHASE_SYMBOL.exited} ${describeExit(lane, false)}` : st.phase === 'blocked' ? `${PHASE_SYMBOL.blocked} ${st.op}` : PHASE_SYMBOL[st.phase];
      ctx.font = `${t.fontPx}px ${t.font}`;
      const nowText = fitText(ctx, now, G * 0.4);
      const nowW = ctx.measureText(nowText).width;
      ctx.fillStyle = st.phase === 'blocked' ? t.text : t.muted;
      ctx.textAlign = 'right';
      ctx.fillText(nowText, G - 6, cy);
      ctx.textAlign = 'left';
      ctx.fillStyle = st.phase === 'exited' ? t.muted : t.text;
      ctx.fillText(fitText(ctx, laneName(lane), G - indent - 14 - nowW - 10), indent + 12, cy);
    });
  }

  /** The run's end: a thin element moved across (no canvas is redrawn for it). */
  private placeNow(view: LiveView, axis: TimeAxis, endUs: number): void {
    const el = this.now;
    if (!el) return;
    const x = Math.round(xOf(axis, endUs));
    const shown = view.marksEnd && x > 0 && x < this.overlay.widthPx;
    el.hidden = !shown;
    if (shown) el.style.transform = `translateX(${x}px)`;
  }

  /**
   * Ticks, row lines, exits, the hovered mark: redrawn only when one of them changed.
   */
  private paintOverlay(view: LiveView, axis: TimeAxis, endUs: number): void {
    this.placeNow(view, axis, endUs);
    const t = this.theme!;
    const ctx = this.overlay.ctx;
    const P = this.overlay.widthPx, H = this.overlay.heightPx;
    const h = this.rowH - 2 * PAD;
    // What the overlay shows, in a key: it is redrawn only when that changed.
    let key = `${axis.originUs}|${axis.usPerPx}|${P}|${H}|${this.rows.length}|${view.running}`;
    this.rows.forEach(({ lane }, r) => { if (lane.exitedUs !== undefined) key += `|x${r}:${lane.exitedUs}`; });
    const hover = view.ui.hover;
    if (key === this.overlayKey && hover === this.overlayHover) return;
    this.overlayKey = key;
    this.overlayHover = hover;

    this.overlay.clear();
    ctx.textBaseline = 'middle';
    ctx.font = `${t.fontPx}px ${t.font}`;
    ctx.fillStyle = t.muted;
    ctx.strokeStyle = t.border;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const tick of ticks(axis)) {
      const x = Math.round(tick.x) + 0.5;
      ctx.moveTo(x, this.axisH - 5); ctx.lineTo(x, H);
      if (tick.x + 4 < P - 30) ctx.fillText(tick.label, tick.x + 3, this.axisH / 2 - 1);
    }
    ctx.moveTo(0, this.axisH - 0.5); ctx.lineTo(P, this.axisH - 0.5);
    ctx.globalAlpha = 0.6;
    ctx.stroke();
    ctx.globalAlpha = 1;
    if (this.rows.length === 0) {
      ctx.fillStyle = t.muted;
      ctx.fillText(view.running ? 'Starting the first process…' : 'No process ran.', 8, this.axisH + this.rowH / 2);
    }
    this.rows.forEach(({ lane }, r) => {
      if (lane.exitedUs === undefined) return;
      const x = xOf(axis, lane.exitedUs);
      if (x >= -2 && x <= P + 2) this.exitMark(ctx, lane, x, this.axisH + r * this.rowH + PAD, h);
    });
    this.hoverMark(view, axis);
  }

  private labelWidth(text: string): number {
    const t = this.theme!;
    const ctx = this.overlay.ctx;
    ctx.font = `${t.fontPx}px ${t.font}`;
    return ctx.measureText(text).width;
  }

  /** A process's end: a square and its exit (code, signal, how), on a box so it reads over spans too. */
  private exitMark(ctx: CanvasRenderingContext2D, lane: Lane, x: number, y: number, h: number): void {
    const t = this.theme!;
    const s = Math.min(9, h);
    ctx.fillStyle = t.text;
    ctx.fillRect(x - s / 2, y + (h - s) / 2, s, s);
    ctx.font = `${Math.min(t.fontPx, h)}px ${t.font}`;
    const text = describeExit(lane);
    const tw = ctx.measureText(text).width;
    const tx = x + s / 2 + 3 + tw <= this.overlay.widthPx ? x + s / 2 + 3 : x - s / 2 - 3 - tw;
    ctx.fillStyle = t.surface;
    ctx.fillRect(tx - 2, y + 1, tw + 4, h - 2);
    ctx.fillStyle = t.muted;
    ctx.fillText(text, tx, y + h / 2 + 0.5);
  }

  private hoverMark(view: LiveView, axis: TimeAxis): void {
    const hit = view.ui.hover;
    if (!hit) return;
    const ctx = this.overlay.ctx;
    const t = this.theme!;
    if (hit.kind === 'span') {
      const r = this.rowOf.get(hit.pid);
      if (r === undefined) return;
      const x0 = Math.max(-2, xOf(axis, hit.fromUs)), x1 = Math.min(this.overlay.widthPx + 2, xOf(axis, hit.toUs));
      ctx.strokeStyle = t.text;
      ctx.lineWidth = 2;
      ctx.strokeRect(x0, this.axisH + r * this.rowH + 1, Math.max(2, x1 - x0), this.rowH - 2);
    } else if (hit.kind === 'arrow') {
      const a = hit.arrow;
      const y1 = this.rowCentre(a.from.pid), y2 = this.rowCentre(a.to.pid);
      if (y1 === undefined || y2 === undefined) return;
      ctx.strokeStyle = ARROW_STYLES[a.kind].colour;
      ctx.lineWidth = 3.5;
      ctx.beginPath();
      ctx.moveTo(xOf(axis, a.from.t), y1); ctx.lineTo(xOf(axis, a.to.t), y2);
      ctx.stroke();
    } else if (hit.kind === 'exit') {
      const r = this.rowOf.get(hit.pid);
      if (r === undefined) return;
      const x = xOf(axis, hit.atUs);
      ctx.strokeStyle = t.text;
      ctx.lineWidth = 2;
      ctx.strokeRect(x - 7, this.axisH + r * this.rowH + 1, 14, this.rowH - 2);
    }
  }

  hitTest(x: number, y: number, view: LiveView): Hit | null {
    const axis = this.axis;
    if (!axis || y < this.axisH) return null;
    const m = view.model;
    if (view.ui.arrowsOn) {
      const best = this.arrows.nearest(x, y);
      if (best >= 0 && best < m.arrows.length) return { kind: 'arrow', arrow: m.arrows.at(best) };
    }
    const r = Math.floor((y - this.axisH) / this.rowH);
    const row = this.rows[r];
    if (!row) return null;
    const lane = row.lane;
    if (lane.exitedUs !== undefined && Math.abs(x - xOf(axis, lane.exitedUs)) <= 6) return { kind: 'exit', pid: lane.pid, atUs: lane.exitedUs };
    const t = usOf(axis, x);
    const s = lane.spans;
    const i = s.indexAt(t);
    if (i < 0 || t > view.endUs) return null;
    const state = m.lanes.states.get(s.stateAt(i));
    if (state.phase === 'exited') return null;
    const open = i + 1 >= s.length;
    return { kind: 'span', pid: lane.pid, state, fromUs: s.startAt(i), toUs: open ? view.endUs : s.startAt(i + 1), open, call: s.callAt(i) };
  }
}

/** A lane's name with its pid (once: fork-loop's children are named after their pid). */
export function laneName(lane: Pick<Lane, 'name' | 'pid'>): string {
  return lane.name.includes(String(lane.pid)) ? lane.name : `${lane.name} ${lane.pid}`;
}
