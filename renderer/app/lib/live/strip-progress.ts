// How far a painter's strips are drawn, and the loop both painters draw on with: strip by
// strip, left to right, until the target or the frame's budget (time, and MAX_STRIPS_PER_FRAME:
// every strip changed in a frame is copied at its commit). A redraw (a new scale, a new
// window) starts again from the window's left edge and catches up over a few frames.
import { MAX_STRIPS_PER_FRAME, STRIP_PX } from './strip-layer';
import { columnStartUs, usOf, xOf, type TimeAxis } from './time-axis';

export class StripProgress {
  /** What the layer shows is final up to here (the model's last event when drawn). */
  drawnToUs = -Infinity;
  /** Right of this pixel nothing is drawn (so nothing there needs clearing). */
  paintedToX = 0;
  /** A redraw is under way. */
  catchingUp = false;
  /** A pass the frame's budget cut short. */
  unfinished = false;

  constructor(private readonly budgetMs: number) {}

  /** Work left for the next frame. */
  get busy(): boolean { return this.catchingUp || this.unfinished; }

  /** Draws again from the window's left edge (a `squeezed` layer was shifted, and is cleared as drawn over). */
  restart(axis: TimeAxis, squeezed: boolean, widthPx: number): void {
    this.drawnToUs = axis.originUs;
    this.paintedToX = squeezed ? widthPx : 0;
    this.catchingUp = true;
  }

  /** The layer moved left by `px` pixels. */
  shifted(px: number): void { this.paintedToX = Math.max(0, this.paintedToX - px); }

  /**
   * Draws on towards `targetUs`: `clear(x0, x1)` empties a stretch of the layer, `draw(from,
   * to, finalBefore, last)` draws run time [from, to) (what was final before `finalBefore`
   * is there already). `atUs`: the model's last event (what is drawn is final up to it).
   */
  drawOn(axis: TimeAxis, targetUs: number, atUs: number, widthPx: number,
    clear: (x0: number, x1: number) => void,
    draw: (fromUs: number, toUs: number, finalBefore: number, last: boolean) => void): void {
    let from = this.catchingUp ? Math.max(this.drawnToUs, axis.originUs) : columnStartUs(axis, Math.max(this.drawnToUs, axis.originUs));
    const finalBefore = this.catchingUp ? -Infinity : this.drawnToUs;
    const deadline = performance.now() + this.budgetMs;
    let strips = 0;
    while (from < targetUs) {
      const x0 = Math.max(0, xOf(axis, from));
      // (The next strip's start, past `from` even where rounding puts `from` a hair before a strip's end.)
      let stripEnd = (Math.floor(x0 / STRIP_PX + 1e-6) + 1) * STRIP_PX;
      if (usOf(axis, stripEnd) <= from) stripEnd += STRIP_PX;
      const to = Math.min(targetUs, usOf(axis, stripEnd));
      const last = to >= targetUs;
      const clearTo = last ? Math.max(this.paintedToX, Math.ceil(xOf(axis, to)) + 2) : stripEnd;
      if (clearTo > x0) clear(x0, Math.min(widthPx, clearTo));
      draw(from, to, finalBefore, last);
      from = to;
      this.drawnToUs = Math.min(atUs, to);
      if (last) { this.paintedToX = Math.min(widthPx, Math.ceil(xOf(axis, to)) + 2); this.catchingUp = false; }
      else if (performance.now() > deadline || ++strips >= MAX_STRIPS_PER_FRAME) break;
    }
    if (from >= targetUs) this.catchingUp = false;
    this.unfinished = from < targetUs;
  }
}
