// The points of a step series inside a window, for a stepped line: the value in force at the
// window's start, every change inside it, and the value at its end. Past `maxPoints` the
// window is cut into slices and each slice keeps its lowest and highest value (in the order
// they came) and its last, so a spike of one event is never smoothed away.
import type { StepSeries } from '../live/step-series';

export interface XY { x: number; y: number }

export function stepPoints(s: StepSeries, fromUs: number, toUs: number, maxPoints: number, map: (v: number) => number, scale: (us: number) => number): XY[] {
  const out: XY[] = [];
  const first = Math.max(0, s.indexAt(fromUs));
  if (first >= s.length) return out;
  const push = (t: number, v: number): void => {
    const y = map(v);
    if (out.length === 0 || out[out.length - 1].y !== y) out.push({ x: scale(Math.max(t, fromUs)), y });
  };
  let end = first;
  while (end < s.length && s.tAt(end) <= toUs) end++;
  const n = end - first;
  if (n <= maxPoints) {
    for (let i = first; i < end; i++) push(s.tAt(i), s.vAt(i));
  } else {
    const slices = Math.max(1, Math.floor(maxPoints / 3));
    const width = (toUs - fromUs) / slices;
    let i = first;
    for (let k = 0; k < slices && i < end; k++) {
      const sliceEnd = k === slices - 1 ? Infinity : fromUs + (k + 1) * width;
      let lo = i, hi = i, last = i;
      for (; i < end && s.tAt(i) < sliceEnd; i++) {
        if (s.vAt(i) < s.vAt(lo)) lo = i;
        if (s.vAt(i) > s.vAt(hi)) hi = i;
        last = i;
      }
      if (last < lo) continue; // an empty slice: the step goes on
      for (const j of [...new Set([lo, hi, last])].sort((a, b) => a - b)) push(s.tAt(j), s.vAt(j));
    }
  }
  if (out.length) out.push({ x: scale(toUs), y: out[out.length - 1].y });
  return out;
}
