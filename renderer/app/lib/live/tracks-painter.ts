// The shared objects' tracks on canvas, on the timeline's time axis: areas (queue depth,
// slots in use, lengths), bands (a lock's owner in the owner's colour and name, an event's
// flag), a value's line, thin lines for waiters and unfinished tasks, limits dashed across.
// Drawn like the lanes: only new pixel columns each frame, everything when the scale moved.
import { processColour } from '../../../../shared/charts/palette';
import type { StepSeries } from '../../../../shared/live/step-series';
import type { LiveModel, TrackField } from '../../../../shared/live';
import { binCategories, binExtremes, type BinWindow, type Steps } from './bins';
import { CanvasLayer } from './canvas-layer';
import { StripLayer } from './strip-layer';
import { StripProgress } from './strip-progress';
import { LABEL_MIN_PX, axisHeight, fitText, gutterWidth } from './chart-layout';
import type { ChartTheme } from './chart-theme';
import type { Hit } from './hit';
import type { LiveView, Painter } from './live-view';
import { EXTRA_COLOURS, planTrack, trackNow, trackTitle, trackedObjects, type TrackPlan } from './track-plan';
import { axisEndUs, columnStartUs, sameAxis, ticks, usOf, xOf, type TimeAxis } from './time-axis';

export interface TrackCanvases {
  gutter: HTMLCanvasElement;
  /** The container of the plot's strips (data-layer tracks). */
  plot: HTMLElement;
  overlay: HTMLCanvasElement;
  /** A thin element over the plot marking the run's end while it goes on. */
  now?: HTMLElement;
}

interface Row extends TrackPlan { y: number; h: number; top: number; bottom: number }

const steps = (s: StepSeries): Steps => ({ length: s.length, startAt: (i) => s.tAt(i), indexAt: (t) => s.indexAt(t) });
const PAD = 4;
/** Milliseconds of a frame the tracks may take; a redraw that needs more goes on next frame. */
const DRAW_BUDGET_MS = 4;

/** A round number at or above v (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, …). */
export function niceCeil(v: number): number {
  if (v <= 1) return 1;
  const d = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (m * d >= v) return Math.round(m * d * 1e6) / 1e6;
  return 10 * d;
}

export class TracksPainter implements Painter {
  private readonly gutter: CanvasLayer;
  private readonly plot: StripLayer;
  private readonly overlay: CanvasLayer;
  private readonly now: HTMLElement | undefined;
  private overlayKey = '';
  private overlayHover: unknown = null;
  private width = 600;
  private rows: Row[] = [];
  private planKey = '';
  private axis: TimeAxis | null = null;
  private theme: ChartTheme | null = null;
  private axisH = 22;
  /** How far the plot is drawn. */
  private readonly strips = new StripProgress(DRAW_BUDGET_MS);
  private gutterKey = '';
  private heightPx = 0;
  private lastPaint = '';
  private lastHover: unknown = null;

  constructor(canvases: TrackCanvases, private readonly onHeight: (heightPx: number) => void = () => {}) {
    this.gutter = new CanvasLayer(canvases.gutter);
    this.plot = new StripLayer(canvases.plot, 'tracks');
    this.overlay = new CanvasLayer(canvases.overlay);
    this.now = canvases.now;
  }

  setWidth(px: number): void { this.width = Math.max(200, Math.floor(px)); }
  /** Work left for the next frame: a redraw under way, or a pass the frame's budget cut short. */
  get busy(): boolean { return this.strips.busy; }
  get plotWidth(): number { return Math.max(50, this.width - gutterWidth(this.theme ?? ({ fontPx: 12 } as ChartTheme))); }
  get trackRows(): readonly TrackPlan[] { return this.rows; }

  /** The model drawn last: a replay may put another in its place (each row holds its object). */
  private model: unknown = null;

  paint(view: LiveView, full: boolean): void {
    const m = view.model;
    if (m !== this.model) { this.model = m; this.planKey = ''; full = true; }
    const theme = view.theme;
    let redraw = full || theme !== this.theme;
    this.theme = theme;
    this.axisH = axisHeight(theme);
    const objs = trackedObjects(m);
    const key = objs.map((o) => `${o.label}:${o.info?.kind ?? ''}`).join('|') + `@${theme.fontPx}`;
    if (key !== this.planKey) {
      this.planKey = key;
      const k = theme.fontPx / 12;
      let y = this.axisH;
      this.rows = objs.map((o) => {
        const p = planTrack(o);
        const h = Math.round(p.height * k);
        const row: Row = { ...p, y, h, top: niceCeil(Math.max(p.limit?.value ?? 0, p.cap ?? 0, 1)), bottom: 0 };
        y += h;
        return row;
      });
      redraw = true;
    }
    const G = gutterWidth(theme), P = this.plotWidth;
    const H = this.rows.length ? this.rows[this.rows.length - 1].y + this.rows[this.rows.length - 1].h + 2 : this.axisH;
    const dpr = window.devicePixelRatio || 1;
    let resized = this.gutter.resize(G, H, dpr);
    resized = this.plot.resize(P, H, dpr) || resized;
    resized = this.overlay.resize(P, H, dpr) || resized;
    if (resized) redraw = true;
    if (H !== this.heightPx) { this.heightPx = H; this.onHeight(H); }

    const endUs = view.endUs;
    const axis = view.axis(P);
    const paintKey = `${m.version}|${axis.originUs}|${axis.usPerPx}|${P}|${Math.floor(xOf(axis, endUs))}`;
    if (!redraw && !this.strips.catchingUp && paintKey === this.lastPaint && view.ui.hover === this.lastHover) return;
    this.lastPaint = paintKey;
    this.lastHover = view.ui.hover;
    let moved = false;
    let squeezed = false;
    if (!redraw && !sameAxis(this.axis, axis)) {
      const before = this.axis!;
      const k = (axis.originUs - before.originUs) / axis.usPerPx;
      const whole = Math.round(k);
      if (before.usPerPx === axis.usPerPx && Math.abs(k - whole) < 1e-6 && whole > 0 && whole < P) { this.plot.shiftLeft(whole); this.strips.shifted(whole); moved = true; }
      else if (before.originUs === axis.originUs && before.widthPx === axis.widthPx) {
        // The whole run outgrew the scale: squeezed at once, drawn again over the next frames.
        this.plot.rescaleX(before.usPerPx / axis.usPerPx);
        squeezed = redraw = true;
      } else redraw = true;
    }
    this.axis = axis;
    const grew = endUs > this.strips.drawnToUs;
    if (this.rows.length && (redraw || moved || grew || this.strips.catchingUp)) {
      const target = Math.min(endUs, axisEndUs(axis));
      // A new high (or low) changes a track's scale: everything is drawn again on the new one.
      if (!redraw && this.rescale(columnStartUs(axis, Math.max(this.strips.drawnToUs, axis.originUs)), target)) { redraw = true; squeezed = false; }
      if (redraw) {
        this.rescale(axis.originUs, target, true);
        if (!squeezed) this.plot.clear();
        this.strips.restart(axis, squeezed, P);
      }
      this.strips.drawOn(axis, target, m.atUs, P,
        (x0, x1) => this.plot.clear(x0, x1),
        (from, to, finalBefore) => { for (const r of this.rows) this.drawRow(view, r, axis, from, to, finalBefore); });
    }
    if (redraw) this.overlayKey = '';
    this.paintGutter(view, redraw);
    this.paintOverlay(view, axis, endUs);
  }

  /** Widens the scales for the values in [from, to); answers whether one changed. `reset`: from scratch. */
  private rescale(fromUs: number, toUs: number, reset = false): boolean {
    let changed = false;
    for (const r of this.rows) {
      if (r.kind !== 'area' && r.kind !== 'value') continue;
      let hi = Math.max(r.limit?.value ?? 0, r.cap ?? 0, 1), lo = 0;
      for (const f of [r.main, ...r.extras]) {
        const s = f ? r.obj.series[f] : undefined;
        if (!s) continue;
        const map = this.valueMap(r, f!);
        for (let i = Math.max(0, s.indexAt(fromUs)); i < s.length && s.tAt(i) < toUs; i++) {
          const v = map(s.vAt(i));
          if (v > hi) hi = v;
          if (v < lo) lo = v;
        }
      }
      const top = niceCeil(hi);
      const bottom = lo < 0 ? -niceCeil(-lo) : 0;
      if (reset) { r.top = top; r.bottom = bottom; continue; }
      if (top > r.top || bottom < r.bottom) { r.top = Math.max(top, r.top); r.bottom = Math.min(bottom, r.bottom); changed = true; }
    }
    return changed;
  }

  private valueMap(r: Row, f: TrackField): (v: number) => number {
    return f === r.main && r.cap !== undefined ? (v) => r.cap! - v : (v) => v;
  }

  private y(r: Row, v: number): number {
    const inner = r.h - 2 * PAD;
    return r.y + PAD + inner * (1 - (v - r.bottom) / Math.max(1e-9, r.top - r.bottom));
  }

  private drawRow(view: LiveView, r: Row, axis: TimeAxis, fromUs: number, toUs: number, finalBefore: number): void {
    const P = this.plot.widthPx;
    // Drawn strip by strip (only those the pass reaches): the row's paths are made once.
    const ops: ((ctx: CanvasRenderingContext2D) => void)[] = [];
    let lo = Math.max(0, Math.floor(xOf(axis, fromUs)));
    const hi = Math.min(P, Math.ceil(xOf(axis, toUs)) + 1);
    const w: BinWindow = { fromUs, toUs, originUs: axis.originUs, usPerPx: axis.usPerPx };
    const clip = (c0: number, c1: number): [number, number] | null => (c1 <= 0 || c0 >= P ? null : [Math.max(0, c0), Math.min(P, c1)]);
    const main = r.main ? r.obj.series[r.main] : undefined;
    if (main && (r.kind === 'area' || r.kind === 'value')) {
      const map = this.valueMap(r, r.main!);
      const area = new Path2D(), line = new Path2D();
      const base = this.y(r, Math.max(0, r.bottom));
      binExtremes(steps(main), (i) => map(main.vAt(i)), w, (c0, c1, lo, hi) => {
        const c = clip(c0, c1);
        if (!c) return;
        const yHi = this.y(r, hi), yLo = this.y(r, lo);
        if (r.kind === 'area') area.rect(c[0], yHi, c[1] - c[0], base - yHi);
        line.rect(c[0], yHi - 1, c[1] - c[0], Math.max(2, yLo - yHi + 2));
      });
      ops.push((ctx) => {
        ctx.fillStyle = r.colour;
        ctx.globalAlpha = 0.3;
        ctx.fill(area);
        ctx.globalAlpha = 1;
        ctx.fill(line);
      });
    } else if (main && r.kind === 'band') {
      const top = r.y + PAD, h = r.h - 2 * PAD - (r.extras.length ? 6 : 0);
      const byCat = new Map<number, Path2D>();
      const labels: { x0: number; x1: number; cat: number }[] = [];
      binCategories(steps(main), (i) => main.vAt(i) || -1, w, (cat, c0, c1) => {
        const c = clip(c0, c1);
        if (!c || cat < 0) return;
        let p = byCat.get(cat);
        if (!p) byCat.set(cat, (p = new Path2D()));
        p.rect(c[0], top, c[1] - c[0], h);
      }, (i, x0, x1) => {
        const v = main.vAt(i);
        if (v && x1 - x0 >= LABEL_MIN_PX && i + 1 < main.length && main.tAt(i + 1) > finalBefore && main.tAt(i + 1) <= view.model.atUs) labels.push({ x0, x1, cat: v });
      });
      ops.push((ctx) => {
        for (const [cat, p] of byCat) {
          ctx.fillStyle = this.bandColour(view.model, r, cat);
          ctx.fill(p);
        }
        for (const l of labels) this.bandLabel(view.model, ctx, r, l.x0, l.x1, l.cat);
      });
      for (const l of labels) lo = Math.max(0, Math.min(lo, Math.floor(l.x0)));
    }
    for (const f of r.extras) {
      const s = r.obj.series[f];
      if (!s) continue;
      const line = new Path2D();
      binExtremes(steps(s), (i) => s.vAt(i), w, (c0, c1, lo, hi) => {
        const c = clip(c0, c1);
        if (!c || (hi === 0 && r.kind !== 'area')) return;
        const yHi = r.kind === 'area' ? this.y(r, hi) : r.y + r.h - PAD - Math.min(5, hi * 2);
        const yLo = r.kind === 'area' ? this.y(r, lo) : r.y + r.h - PAD - Math.min(5, lo * 2);
        line.rect(c[0], yHi - 0.75, c[1] - c[0], Math.max(1.5, yLo - yHi + 1.5));
      });
      ops.push((ctx) => {
        ctx.fillStyle = EXTRA_COLOURS[f] ?? '#000';
        ctx.fill(line);
      });
    }
    if (ops.length && hi > lo) this.plot.draw(lo, hi, (ctx) => { for (const op of ops) op(ctx); });
  }

  private bandColour(model: LiveModel, r: Row, cat: number): string {
    if (r.main === 'owner') return processColour(model.lanes.get(cat)?.index ?? 0);
    return r.colour;
  }

  private bandLabel(model: LiveModel, ctx: CanvasRenderingContext2D, r: Row, x0: number, x1: number, cat: number): void {
    const t = this.theme!;
    const text = r.main === 'owner' ? `held by ${model.lanes.get(cat)?.name ?? 'pid'} ${cat}` : 'set';
    const x = Math.max(0, x0) + 3;
    const avail = Math.min(x1, this.plot.widthPx) - x - 4;
    ctx.font = `${t.fontPx}px ${t.font}`;
    const fitted = fitText(ctx, text, avail);
    if (!fitted) return;
    const h = r.h - 2 * PAD - (r.extras.length ? 6 : 0);
    const tw = ctx.measureText(fitted).width;
    ctx.fillStyle = t.surface;
    ctx.globalAlpha = 0.9;
    ctx.fillRect(x - 2, r.y + PAD + 1, tw + 4, h - 2);
    ctx.globalAlpha = 1;
    ctx.fillStyle = t.text;
    ctx.textBaseline = 'middle';
    ctx.fillText(fitted, x, r.y + PAD + h / 2 + 0.5);
  }

  private paintGutter(view: LiveView, redraw: boolean): void {
    const m = view.model;
    const texts = this.rows.map((r) => trackNow(r, m));
    const key = texts.join('|');
    if (!redraw && key === this.gutterKey) return;
    this.gutterKey = key;
    const t = this.theme!;
    const ctx = this.gutter.ctx;
    const G = this.gutter.widthPx;
    this.gutter.clear();
    ctx.textBaseline = 'middle';
    ctx.font = `600 ${t.fontPx}px ${t.font}`;
    ctx.fillStyle = t.muted;
    ctx.fillText('Object · now', 6, this.axisH / 2);
    this.rows.forEach((r, i) => {
      if (i % 2 === 1) { ctx.fillStyle = t.dark ? 'rgba(255,255,255,0.04)' : 'rgba(0,0,0,0.035)'; ctx.fillRect(0, r.y, G, r.h); }
      ctx.fillStyle = r.colour;
      ctx.fillRect(6, r.y + 6, 4, r.h - 12);
      const twoLines = r.h >= t.fontPx * 2.6;
      ctx.font = `600 ${t.fontPx}px ${t.font}`;
      ctx.fillStyle = t.text;
      ctx.fillText(fitText(ctx, trackTitle(r.obj), G - 22), 16, twoLines ? r.y + r.h / 2 - t.fontPx * 0.6 : r.y + r.h / 2);
      ctx.font = `${t.fontPx}px ${t.font}`;
      ctx.fillStyle = t.muted;
      if (twoLines) ctx.fillText(fitText(ctx, texts[i], G - 22), 16, r.y + r.h / 2 + t.fontPx * 0.65);
    });
  }

  /** Ticks, limits, scales, values now, the hovered point: redrawn only when one of them changed. */
  private paintOverlay(view: LiveView, axis: TimeAxis, endUs: number): void {
    const t = this.theme!;
    const ctx = this.overlay.ctx;
    const P = this.overlay.widthPx, H = this.overlay.heightPx;
    if (this.now) {
      const x = Math.round(xOf(axis, endUs));
      const shown = view.marksEnd && x > 0 && x < P;
      this.now.hidden = !shown;
      if (shown) this.now.style.transform = `translateX(${x}px)`;
    }
    let key = `${axis.originUs}|${axis.usPerPx}|${P}|${H}`;
    for (const r of this.rows) key += `|${r.top}:${r.bottom}${r.kind === 'text' || r.kind === 'value' ? `:${trackNow(r, view.model)}` : ''}`;
    if (key === this.overlayKey && view.ui.hover === this.overlayHover) return;
    this.overlayKey = key;
    this.overlayHover = view.ui.hover;
    this.overlay.clear();
    ctx.textBaseline = 'middle';
    ctx.font = `${t.fontPx}px ${t.font}`;
    ctx.strokeStyle = t.border;
    ctx.fillStyle = t.muted;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const tick of ticks(axis)) {
      const x = Math.round(tick.x) + 0.5;
      ctx.moveTo(x, this.axisH - 5); ctx.lineTo(x, H);
      if (tick.x + 4 < P - 30) ctx.fillText(tick.label, tick.x + 3, this.axisH / 2 - 1);
    }
    for (const r of this.rows) { ctx.moveTo(0, r.y + 0.5); ctx.lineTo(P, r.y + 0.5); }
    ctx.globalAlpha = 0.6;
    ctx.stroke();
    ctx.globalAlpha = 1;
    // Limits, dashed, named.
    ctx.setLineDash([6, 4]);
    for (const r of this.rows) {
      if (!r.limit) continue;
      const y = Math.round(this.y(r, r.limit.value)) + 0.5;
      ctx.strokeStyle = t.text;
      ctx.beginPath(); ctx.moveTo(0, y); ctx.lineTo(P, y); ctx.stroke();
      const label = `${r.limit.name} ${r.limit.value}`;
      const tw = ctx.measureText(label).width;
      ctx.fillStyle = t.surface;
      ctx.fillRect(P - tw - 8, y - t.fontPx / 2 - 1, tw + 6, t.fontPx + 2);
      ctx.fillStyle = t.text;
      ctx.fillText(label, P - tw - 5, y);
    }
    ctx.setLineDash([]);
    // The scale of each area: its top value.
    ctx.fillStyle = t.muted;
    for (const r of this.rows) {
      if (r.kind !== 'area' && r.kind !== 'value') continue;
      if (r.limit?.value !== r.top) ctx.fillText(String(r.top), 3, r.y + PAD + t.fontPx / 2);
      if (r.bottom < 0) ctx.fillText(String(r.bottom), 3, r.y + r.h - PAD - t.fontPx / 2);
    }
    // A value (or an array's note) now, at the right end, on a box of the surface.
    for (const r of this.rows) {
      if (r.kind !== 'text' && r.kind !== 'value') continue;
      const text = trackNow(r, view.model);
      const tw = ctx.measureText(text).width;
      ctx.fillStyle = t.surface;
      ctx.globalAlpha = 0.9;
      ctx.fillRect(P - tw - 10, r.y + r.h / 2 - t.fontPx / 2 - 2, tw + 8, t.fontPx + 4);
      ctx.globalAlpha = 1;
      ctx.fillStyle = t.text;
      ctx.fillText(text, P - tw - 6, r.y + r.h / 2);
    }
    const hit = view.ui.hover;
    if (hit?.kind === 'point') {
      const r = this.rows.find((x) => x.obj.label === hit.obj);
      if (r) {
        const x0 = Math.max(-2, xOf(axis, hit.atUs)), x1 = Math.min(P + 2, xOf(axis, hit.untilUs));
        ctx.strokeStyle = t.text;
        ctx.lineWidth = 2;
        ctx.strokeRect(x0, r.y + 1, Math.max(2, x1 - x0), r.h - 2);
      }
    }
  }

  hitTest(x: number, y: number, view: LiveView): Hit | null {
    const axis = this.axis;
    if (!axis) return null;
    const r = this.rows.find((row) => y >= row.y && y < row.y + row.h);
    if (!r) return null;
    const t = usOf(axis, x);
    if (t > view.endUs) return null;
    // The main series, else the first that has a point there.
    for (const f of [r.main, ...r.extras, 'size', 'value'] as (TrackField | null)[]) {
      const s = f ? r.obj.series[f] : undefined;
      if (!s) continue;
      const i = s.indexAt(t);
      if (i < 0) continue;
      const raw = s.vAt(i);
      const field = f === r.main && r.cap !== undefined ? 'in use' : f!;
      const value = f === r.main && r.cap !== undefined ? r.cap - raw : raw;
      return { kind: 'point', obj: r.obj.label, field, value, atUs: s.tAt(i), untilUs: i + 1 < s.length ? s.tAt(i + 1) : view.endUs };
    }
    return null;
  }
}
