// A plot layer cut into vertical strips, one canvas each, side by side. The browser copies a
// canvas that changed, whole, to the screen at every frame it changed in (without a GPU, a
// copy of all its pixels): a run's picture grows at its end, so a frame that draws only there
// touches one or two narrow strips instead of the whole plot.
import { CanvasLayer } from './canvas-layer';

/** CSS pixels per strip. */
export const STRIP_PX = 128;
/**
 * Strips a painter redraws in one frame at most. Drawing a strip is cheap, but every canvas
 * changed in a frame is copied at that frame's commit (measured: 28 ms of CPU for a whole
 * redraw of a 100,000-event run at once, in software compositing); a redraw spread over a
 * few frames keeps each frame short.
 */
export const MAX_STRIPS_PER_FRAME = 4;

export class StripLayer {
  private strips: CanvasLayer[] = [];
  widthPx = 0;
  heightPx = 0;
  dpr = 1;

  /** `container` holds the strips (positioned by the caller); each canvas gets `data-layer`. */
  constructor(private readonly container: HTMLElement, private readonly name: string) {}

  /** Sizes the layer; answers whether it was reallocated (which clears it). */
  resize(widthPx: number, heightPx: number, dpr: number): boolean {
    const w = Math.max(1, Math.floor(widthPx));
    const n = Math.ceil(w / STRIP_PX);
    let changed = false;
    while (this.strips.length < n) {
      const c = document.createElement('canvas');
      c.dataset.layer = this.name;
      c.setAttribute('aria-hidden', 'true');
      c.style.position = 'absolute';
      c.style.top = '0';
      c.style.left = `${this.strips.length * STRIP_PX}px`;
      // Each strip its own compositing layer: drawing on one never repaints the others.
      c.style.willChange = 'transform';
      this.container.append(c);
      this.strips.push(new CanvasLayer(c));
      changed = true;
    }
    while (this.strips.length > n) { this.strips.pop()!.canvas.remove(); changed = true; }
    this.strips.forEach((s, i) => { if (s.resize(Math.min(STRIP_PX, w - i * STRIP_PX), heightPx, dpr)) changed = true; });
    this.widthPx = w;
    this.heightPx = this.strips[0]?.heightPx ?? 0;
    this.dpr = dpr;
    return changed;
  }

  /** The first strip's context (for making patterns and measuring text). */
  get ctx(): CanvasRenderingContext2D { return this.strips[0].ctx; }

  /** Clears [x0, x1) of the plot. */
  clear(x0 = 0, x1 = this.widthPx): void {
    this.each(x0, x1, (s, sx) => s.ctx.clearRect(Math.max(0, x0 - sx), 0, Math.min(STRIP_PX, x1 - sx) - Math.max(0, x0 - sx), s.heightPx));
  }

  /**
   * Draws over [x0, x1) of the plot: `draw` runs once per strip it reaches, in plot coordinates
   * (the strip's context is moved), with that strip's extent to skip what falls outside it.
   */
  draw(x0: number, x1: number, draw: (ctx: CanvasRenderingContext2D, from: number, to: number) => void): void {
    this.each(x0, x1, (s, sx) => {
      s.ctx.save();
      s.ctx.translate(-sx, 0);
      draw(s.ctx, sx, sx + s.widthPx);
      s.ctx.restore();
    });
  }

  private each(x0: number, x1: number, f: (s: CanvasLayer, sx: number) => void): void {
    const first = Math.max(0, Math.floor(x0 / STRIP_PX)), last = Math.min(this.strips.length - 1, Math.ceil(x1 / STRIP_PX) - 1);
    for (let i = first; i <= last; i++) f(this.strips[i], i * STRIP_PX);
  }

  /** Moves the picture `dx` whole CSS pixels to the left; the right end is left clear. */
  shiftLeft(dx: number): void {
    const n = this.strips.length;
    const d = Math.round(dx * this.dpr), sw = Math.round(STRIP_PX * this.dpr);
    // Left to right: each strip takes what was dx further right, from strips not moved yet.
    for (let i = 0; i < n; i++) {
      const s = this.strips[i];
      const ctx = s.ctx;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      const j = i + Math.floor(d / sw), off = d % sw;
      if (j === i) {
        ctx.globalCompositeOperation = 'copy';
        ctx.drawImage(s.canvas, -off, 0);
        ctx.globalCompositeOperation = 'source-over';
      } else {
        ctx.clearRect(0, 0, s.canvas.width, s.canvas.height);
        if (j < n) ctx.drawImage(this.strips[j].canvas, -off, 0);
      }
      if (j + 1 < n && off > 0) {
        ctx.clearRect(sw - off, 0, off, s.canvas.height);
        ctx.drawImage(this.strips[j + 1].canvas, sw - off, 0);
      } else if (off > 0) ctx.clearRect(s.canvas.width - off, 0, off, s.canvas.height);
      ctx.restore();
    }
  }

  /**
   * Squeezes (or stretches) the picture horizontally by `factor` about its left edge: a stand-in
   * at once when the scale changed, while the picture is drawn again properly.
   */
  rescaleX(factor: number): void {
    if (!this.strips.length) return;
    const sw = Math.round(STRIP_PX * this.dpr);
    const whole = (this.scratch ??= document.createElement('canvas'));
    const h = this.strips[0].canvas.height;
    whole.width = Math.round(this.widthPx * this.dpr);
    whole.height = h;
    const w = whole.getContext('2d')!;
    this.strips.forEach((s, i) => w.drawImage(s.canvas, i * sw, 0));
    this.strips.forEach((s, i) => {
      const ctx = s.ctx;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.clearRect(0, 0, s.canvas.width, s.canvas.height);
      ctx.drawImage(whole, -i * sw, 0, whole.width * factor, h);
      ctx.restore();
    });
  }

  private scratch: HTMLCanvasElement | undefined;

  /** Every strip's canvas, left to right. */
  get canvases(): HTMLCanvasElement[] { return this.strips.map((s) => s.canvas); }
}
