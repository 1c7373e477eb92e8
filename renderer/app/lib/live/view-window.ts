// Which part of the run the charts show. Three modes:
//   whole   the whole run, zoomed out (the default): the scale is a rung of the ladder while the
//           run goes on (so what is drawn stays put and only the new end is drawn), then the
//           exact fit once it ended;
//   follow  a zoomed-in window that keeps the run's end in view, moving by whole pixels (so the
//           picture can be shifted rather than redrawn);
//   still   a window the student chose (zoomed at a moment, or dragged): it stays where it is.
import { MIN_US_PER_PX, rungAtLeast, stepRung, usOf, type TimeAxis } from './time-axis';

export type ViewMode = 'whole' | 'follow' | 'still';

/** Where the end of the run sits in a following window (the rest is the recent past). */
const FOLLOW_AT = 0.95;

export class ViewWindow {
  mode: ViewMode = 'whole';
  /** follow and still: µs per pixel. */
  usPerPx = 1000;
  /** still: the window's first µs. */
  originUs = 0;

  /** The axis for a plot `widthPx` wide, over a run from `firstUs` to `endUs`. */
  axis(firstUs: number, endUs: number, widthPx: number, running: boolean): TimeAxis {
    const w = Math.max(1, Math.floor(widthPx));
    const span = Math.max(endUs - firstUs, 1);
    if (this.mode === 'whole') {
      const usPerPx = running ? rungAtLeast(span / (w * 0.97)) : Math.max(span / w, MIN_US_PER_PX / 8);
      return { originUs: firstUs, usPerPx, widthPx: w };
    }
    if (this.mode === 'follow') {
      const lead = Math.floor((span - FOLLOW_AT * w * this.usPerPx) / this.usPerPx);
      return { originUs: firstUs + Math.max(0, lead) * this.usPerPx, usPerPx: this.usPerPx, widthPx: w };
    }
    return { originUs: this.originUs, usPerPx: this.usPerPx, widthPx: w };
  }

  /**
   * Zooms `steps` rungs (negative: in). With an anchor (a pixel of the plot) the moment under it
   * stays in place and the window stands still; without one a running view follows the end.
   */
  zoom(current: TimeAxis, steps: number, anchorX: number | null, firstUs: number, endUs: number, running: boolean): void {
    const usPerPx = stepRung(current.usPerPx, steps);
    if (steps > 0 && usPerPx * current.widthPx >= (endUs - firstUs) / 0.97) { this.mode = 'whole'; return; }
    this.usPerPx = usPerPx;
    if (anchorX === null && running && this.mode !== 'still') { this.mode = 'follow'; return; }
    const x = anchorX ?? current.widthPx / 2;
    this.mode = 'still';
    this.originUs = usOf(current, x) - x * usPerPx;
  }

  /** Drags the window by `dxPx` pixels (positive: towards the past); the window stands still. */
  pan(current: TimeAxis, dxPx: number, firstUs: number, endUs: number): void {
    this.mode = 'still';
    this.usPerPx = current.usPerPx;
    const w = current.widthPx * current.usPerPx;
    this.originUs = Math.min(Math.max(current.originUs - dxPx * current.usPerPx, firstUs - w / 2), Math.max(firstUs, endUs - w / 2));
  }

  whole(): void { this.mode = 'whole'; }

  /** Follows the end at the scale on screen. */
  follow(current: TimeAxis): void {
    this.mode = 'follow';
    this.usPerPx = current.usPerPx;
  }
}
