// Sizes shared by the charts, in CSS pixels, scaled with the theme's type (projector mode).
import type { ChartTheme } from './chart-theme';

/** The strip above a plot that holds the time ticks. */
export const axisHeight = (t: ChartTheme): number => Math.round(t.fontPx * 1.9);

/** The column of labels left of every plot (the same for lanes and tracks, so times line up): room for a child's name, its pid and how it ended (Process-4 25621, ■ SIGTERM). */
export const gutterWidth = (t: ChartTheme): number => Math.round(t.fontPx * 19);

/** A lane's height: roomy for a few processes, tighter for many (64 lanes stay on one screen). */
export function laneHeight(lanes: number, t: ChartTheme): number {
  const k = t.fontPx / 12;
  const base = lanes <= 12 ? 26 : lanes <= 24 ? 22 : lanes <= 40 ? 18 : 15;
  return Math.round(base * k);
}

/** Spans narrower than this carry no label. */
export const LABEL_MIN_PX = 44;

/** Arrows drawn at most when the whole window is redrawn (the newest ones); zoom in for the rest. */
export const MAX_ARROWS = 2500;

const fitted = new Map<string, string>();

/** A text cut to fit `maxPx`, with an ellipsis (in the context's current font; remembered). */
export function fitText(ctx: CanvasRenderingContext2D, text: string, maxPx: number): string {
  if (maxPx <= 0) return '';
  const key = `${ctx.font}|${Math.floor(maxPx)}|${text}`;
  let out = fitted.get(key);
  if (out === undefined) {
    out = measureFit(ctx, text, Math.floor(maxPx));
    if (fitted.size > 5000) fitted.clear();
    fitted.set(key, out);
  }
  return out;
}

function measureFit(ctx: CanvasRenderingContext2D, text: string, maxPx: number): string {
  if (ctx.measureText(text).width <= maxPx) return text;
  let lo = 0, hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= maxPx) lo = mid; else hi = mid - 1;
  }
  return lo === 0 ? '' : `${text.slice(0, lo)}…`;
}
