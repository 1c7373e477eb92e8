// The overview of a whole stored run, drawn from the store's chart buckets (never its events):
// operations per slice of time as bars, then a thin band per shared object with the range its
// main figure took in each slice (a queue's depth, a semaphore's value, a lock held or free, an
// event's flag). A million-event run's overview is one `chart` answer.
import type { ChartBucket } from '../../../../shared/contract';
import { OKABE_ITO } from '../../../../shared/charts/palette';
import type { ChartTheme } from '../live/chart-theme';

/** Objects given a band (the rest are said to be left out). */
export const OVERVIEW_OBJECTS = 6;
export const OPS_BAND_PX = 34;
export const OBJECT_BAND_PX = 14;
/** The figure an object's band shows, in this order of preference. */
const FIELDS = ['size', 'value', 'owner', 'flag', 'unfinished', 'waiters'] as const;
const COLOURS = [OKABE_ITO.blue, OKABE_ITO.orange, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple, OKABE_ITO.vermillion, OKABE_ITO.skyBlue];

export interface OverviewBand { label: string; field: string; max: number; colour: string }

export interface OverviewPlan { bands: OverviewBand[]; left: number; maxOps: number; heightPx: number }

export function planOverview(buckets: readonly ChartBucket[]): OverviewPlan {
  const seen = new Map<string, { field: string; max: number }>();
  let maxOps = 1;
  for (const b of buckets) {
    if (b.ops > maxOps) maxOps = b.ops;
    for (const [label, fields] of Object.entries(b.objects)) {
      let s = seen.get(label);
      if (!s) {
        const field = FIELDS.find((f) => fields[f] !== undefined);
        if (!field) continue;
        seen.set(label, (s = { field, max: 0 }));
      }
      const v = fields[s.field];
      if (v && v.max > s.max) s.max = v.max;
    }
  }
  const all = [...seen.entries()];
  const bands = all.slice(0, OVERVIEW_OBJECTS).map(([label, s], i) => ({ label, field: s.field, max: Math.max(1, s.max), colour: COLOURS[i % COLOURS.length] }));
  return { bands, left: all.length - bands.length, maxOps, heightPx: OPS_BAND_PX + bands.length * OBJECT_BAND_PX + 2 };
}

/** Draws the overview of [fromUs, toUs] across `widthPx` CSS pixels (the context is in CSS pixels). */
export function paintOverview(
  ctx: CanvasRenderingContext2D, buckets: readonly ChartBucket[], plan: OverviewPlan,
  fromUs: number, toUs: number, widthPx: number, theme: ChartTheme,
): void {
  const span = Math.max(1, toUs - fromUs);
  const x = (us: number) => ((us - fromUs) / span) * widthPx;
  ctx.clearRect(0, 0, widthPx, plan.heightPx);
  // Operations: one bar per slice, at least a pixel wide.
  ctx.fillStyle = theme.dark ? 'rgba(255,255,255,0.45)' : 'rgba(0,0,0,0.38)';
  const h = OPS_BAND_PX - 4;
  for (const b of buckets) {
    if (!b.ops) continue;
    const x0 = x(b.fromUs), x1 = Math.max(x0 + 1, x(b.toUs + 1));
    const bh = Math.max(1, (b.ops / plan.maxOps) * h);
    ctx.fillRect(x0, OPS_BAND_PX - 2 - bh, x1 - x0, bh);
  }
  plan.bands.forEach((band, i) => {
    const top = OPS_BAND_PX + i * OBJECT_BAND_PX;
    const bh = OBJECT_BAND_PX - 3;
    const level = (v: number) => top + 1 + bh - (band.field === 'owner' ? (v > 0 ? 1 : 0) : Math.min(1, v / band.max)) * bh;
    ctx.fillStyle = band.colour;
    let last: number | null = null;
    let lastX = 0;
    for (const b of buckets) {
      const v = b.objects[band.label]?.[band.field];
      const x0 = x(b.fromUs), x1 = Math.max(x0 + 1, x(b.toUs + 1));
      if (!v) {
        // Nothing changed it in this slice: it held its last value.
        if (last !== null) { const y = level(last); ctx.fillRect(lastX, y - 1, x1 - lastX, 2); lastX = x1; }
        continue;
      }
      const y0 = level(v.max), y1 = level(v.min);
      ctx.fillRect(x0, y0 - 1, x1 - x0, Math.max(2, y1 - y0 + 1));
      last = v.last;
      lastX = x1;
    }
  });
  // Labels on the theme's surface, so they read over the bars.
  ctx.font = `${Math.round(theme.fontPx * 0.9)}px ${theme.font}`;
  ctx.textBaseline = 'top';
  const label = (text: string, y: number) => {
    const w = ctx.measureText(text).width;
    ctx.fillStyle = theme.surface;
    ctx.globalAlpha = 0.85;
    ctx.fillRect(2, y, w + 6, theme.fontPx);
    ctx.globalAlpha = 1;
    ctx.fillStyle = theme.text;
    ctx.fillText(text, 5, y);
  };
  label('operations', 1);
  plan.bands.forEach((band, i) => label(`${band.label} · ${band.field}`, OPS_BAND_PX + i * OBJECT_BAND_PX));
}
