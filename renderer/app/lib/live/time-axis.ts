// The time axis of the live charts: run time (µs, the events' clock) to CSS pixels of the
// plot, and back. A pixel column c covers [origin + c·usPerPx, origin + (c+1)·usPerPx).
// Zoom levels come from a ladder of about 25% steps, so a view that shows the whole of a
// growing run keeps its scale (and only draws what is new) until the run outgrows it.

export interface TimeAxis {
  readonly originUs: number;
  readonly usPerPx: number;
  readonly widthPx: number;
}

export const xOf = (a: TimeAxis, us: number): number => (us - a.originUs) / a.usPerPx;
export const usOf = (a: TimeAxis, x: number): number => a.originUs + x * a.usPerPx;
export const axisEndUs = (a: TimeAxis): number => a.originUs + a.widthPx * a.usPerPx;
/** The start of the pixel column that holds `us`. */
export const columnStartUs = (a: TimeAxis, us: number): number => a.originUs + Math.floor((us - a.originUs) / a.usPerPx) * a.usPerPx;
export const sameAxis = (a: TimeAxis | null, b: TimeAxis): boolean => a !== null && a.originUs === b.originUs && a.usPerPx === b.usPerPx && a.widthPx === b.widthPx;

const RUNGS = [1, 1.25, 1.6, 2, 2.5, 3.2, 4, 5, 6.4, 8];
/** The finest zoom: 1 µs a pixel. */
export const MIN_US_PER_PX = 1;

function rungIndex(usPerPx: number): number {
  const v = Math.max(MIN_US_PER_PX, usPerPx);
  // Rounding: 1.25 × 10^k computed in floating point may sit a hair below the value asked.
  for (let k = Math.floor(Math.log10(v)); ; k++) {
    for (let i = 0; i < RUNGS.length; i++) if (RUNGS[i] * 10 ** k >= v * (1 - 1e-9)) return k * RUNGS.length + i;
  }
}

function rungValue(index: number): number {
  const k = Math.floor(index / RUNGS.length);
  return RUNGS[index - k * RUNGS.length] * 10 ** k;
}

/** The smallest rung of the ladder at or above `usPerPx`. */
export const rungAtLeast = (usPerPx: number): number => rungValue(rungIndex(usPerPx));

/** `steps` rungs up (coarser, positive) or down (finer, negative) from `usPerPx`. */
export const stepRung = (usPerPx: number, steps: number): number => Math.max(MIN_US_PER_PX, rungValue(rungIndex(usPerPx) + steps));

export interface Tick { x: number; us: number; label: string }

/** Ticks at round times at least `minGapPx` apart, labelled in seconds of run time. */
export function ticks(a: TimeAxis, minGapPx = 90): Tick[] {
  const want = minGapPx * a.usPerPx;
  let step = 10 ** Math.ceil(Math.log10(want));
  if (step / 5 >= want) step /= 5; else if (step / 2 >= want) step /= 2;
  const digits = Math.max(0, Math.ceil(-Math.log10(step / 1e6)));
  const out: Tick[] = [];
  const end = axisEndUs(a);
  for (let us = Math.ceil(a.originUs / step) * step; us <= end; us += step) {
    out.push({ x: xOf(a, us), us, label: `${(us / 1e6).toFixed(digits)} s` });
  }
  return out;
}

/** A duration as a student reads it: 1.25 s, 340 ms, 85 µs. */
export function formatDuration(us: number): string {
  if (us >= 1e6) return `${(us / 1e6).toFixed(us >= 1e7 ? 1 : 2)} s`;
  if (us >= 1e3) return `${(us / 1e3).toFixed(us >= 1e4 ? 0 : 1)} ms`;
  return `${Math.round(us)} µs`;
}

/** A moment of the run: seconds since its clock started, to the µs. */
export function formatAt(us: number): string {
  return `${(us / 1e6).toFixed(6)} s`;
}
