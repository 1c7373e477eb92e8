// A page that drives the live charts' drawing code (renderer/app/lib/live) directly in
// Chromium, with any event stream: the version-2 streams of tests/shared/live (links, values:
// arrows and contents), or events recorded by real runs. Bundled by esbuild
// (support/drawing-page.ts); the test calls `window.harness` through page.evaluate.
import type { LabEvent } from '../../../shared/contract';
import { describeHit } from '../../../renderer/app/lib/live/describe';
import { LanesPainter } from '../../../renderer/app/lib/live/lanes-painter';
import { LiveView, plainUi } from '../../../renderer/app/lib/live/live-view';
import { TracksPainter } from '../../../renderer/app/lib/live/tracks-painter';
import { xOf } from '../../../renderer/app/lib/live/time-axis';
import type { ViewMode } from '../../../renderer/app/lib/live/view-window';
import { classroomRun, massWakeRun, randomRun } from '../../shared/live/support/streams';

export interface MountOptions {
  width?: number;
  /** Events per push (each followed by a frame). */
  batch?: number;
  /** The run still going on (its clock runs on) or over. */
  running?: boolean;
  /** Fix the window before the events arrive: [mode, µs per pixel, origin]. */
  window?: [ViewMode, number, number];
}

export interface Mounted {
  lanes: number;
  objects: number;
  tracks: number;
  arrows: number;
  arrowsDrawn: number;
  plotWidth: number;
  laneHeight: number;
  axisHeight: number;
  trackRows: { label: string; kind: string; limit?: number }[];
}

type Layer = 'spans' | 'arrows' | 'overlay' | 'gutter' | 'tracks' | 'tracks-overlay' | 'tracks-gutter';

let view: LiveView;
let lanes: LanesPainter;
let tracks: TracksPainter;

function canvas(layer: Layer): HTMLCanvasElement {
  const c = document.createElement('canvas');
  c.dataset.layer = layer;
  document.body.append(c);
  return c;
}

/** A container for a layer drawn in strips (its canvases get data-layer itself). */
function strips(): HTMLElement {
  const d = document.createElement('div');
  d.style.position = 'relative';
  document.body.append(d);
  return d;
}

/** A layer's canvases (one, or its strips left to right). */
const canvasesOf = (layer: Layer): HTMLCanvasElement[] => [...document.querySelectorAll<HTMLCanvasElement>(`canvas[data-layer="${layer}"]`)];
const pixelData = (layer: Layer): Uint8ClampedArray[] => canvasesOf(layer).map((c) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data);

/** Frames until everything arrived is folded and every drawing finished (a redraw may take several). */
function settle(): void {
  do view.frame(); while (view.backlog > 0 || lanes.busy || tracks.busy);
}

function summary(): Mounted {
  return {
    lanes: lanes.rowList.length, objects: view.model.objects.size, tracks: tracks.trackRows.length,
    arrows: view.model.arrows.length, arrowsDrawn: view.ui.arrowsShown, plotWidth: lanes.plotWidth,
    laneHeight: lanes.laneHeight, axisHeight: lanes.axisStrip,
    trackRows: tracks.trackRows.map((r) => ({ label: r.obj.label, kind: r.kind, ...(r.limit ? { limit: r.limit.value } : {}) })),
  };
}

const harness = {
  streams: {
    classroom: (): LabEvent[] => classroomRun().events,
    random: (n: number, seed = 7): LabEvent[] => randomRun(seed, n, 12).events,
    massWake: (n = 40): LabEvent[] => massWakeRun(n).events,
  },

  /** Draws `events` pushed in batches, a frame after each; answers what was drawn. */
  mount(events: LabEvent[], o: MountOptions = {}): Mounted {
    document.body.replaceChildren();
    view?.dispose();
    view = new LiveView(plainUi(), undefined, undefined, o.running ?? false);
    if (o.window) { view.window.mode = o.window[0]; view.window.usPerPx = o.window[1]; view.window.originUs = o.window[2]; }
    lanes = new LanesPainter({ gutter: canvas('gutter'), spans: strips(), arrows: strips(), overlay: canvas('overlay') });
    tracks = new TracksPainter({ gutter: canvas('tracks-gutter'), plot: strips(), overlay: canvas('tracks-overlay') });
    lanes.setWidth(o.width ?? 1200);
    tracks.setWidth(o.width ?? 1200);
    view.attach(lanes);
    view.attach(tracks);
    const batch = o.batch ?? 50;
    for (let i = 0; i < events.length; i += batch) {
      view.push(events.slice(i, i + batch));
      view.frame();
    }
    settle();
    return summary();
  },

  /** Redraws everything from scratch (as after a resize or a new theme). */
  redraw(): Mounted { view.invalidate(); settle(); return summary(); },

  finish(): Mounted { view.finish(); settle(); return summary(); },

  /** Redraws everything and compares with what was drawn before, pixel by pixel. */
  compareWithRedraw(layer: Layer, tol = 24): { painted: number; differ: number; where: number[] } {
    const befores = pixelData(layer);
    view.invalidate();
    settle();
    const afters = pixelData(layer);
    let painted = 0, differ = 0;
    const cs = canvasesOf(layer);
    /** Differing pixels per 32 columns (a failure says where). */
    const where: number[] = [];
    afters.forEach((after, k) => {
      const before = befores[k];
      const w = cs[k].width;
      const left = cs[k].style.left ? parseFloat(cs[k].style.left) : 0;
      for (let i = 0; i < after.length; i += 4) {
        if (after[i + 3]) painted++;
        const d = Math.abs(after[i] - before[i]) + Math.abs(after[i + 1] - before[i + 1]) + Math.abs(after[i + 2] - before[i + 2]) + Math.abs(after[i + 3] - before[i + 3]);
        if (d > tol) {
          differ++;
          const x = left + ((i / 4) % w);
          where[Math.floor(x / 32)] = (where[Math.floor(x / 32)] ?? 0) + 1;
        }
      }
    });
    return { painted, differ, where: Array.from(where, (x) => x ?? 0) };
  },

  /** Pixels drawn on a layer (alpha > 0), or of one colour (#rrggbb, within `tol` per channel, opaque enough). */
  pixels(layer: Layer, colour?: string, tol = 14): number {
    const want = colour ? [1, 3, 5].map((k) => parseInt(colour.slice(k, k + 2), 16)) : null;
    let n = 0;
    for (const d of pixelData(layer)) {
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] === 0) continue;
        if (!want) { n++; continue; }
        if (d[i + 3] >= 150 && Math.abs(d[i] - want[0]) <= tol && Math.abs(d[i + 1] - want[1]) <= tol && Math.abs(d[i + 2] - want[2]) <= tol) n++;
      }
    }
    return n;
  },

  /** How many canvases a layer is drawn on (its strips). */
  strips(layer: Layer): number { return canvasesOf(layer).length; },

  /** The middle of arrow i on the lanes' plot, and what it joins. */
  arrowAt(i: number): { x: number; y: number; kind: string; obj: string; fromPid: number; toPid: number } {
    const a = view.model.arrows.at(i);
    const axis = view.axis(lanes.plotWidth);
    const row = (pid: number) => lanes.rowList.findIndex((r) => r.lane.pid === pid);
    const y = (pid: number) => lanes.axisStrip + row(pid) * lanes.laneHeight + lanes.laneHeight / 2;
    return { x: (xOf(axis, a.from.t) + xOf(axis, a.to.t)) / 2, y: (y(a.from.pid) + y(a.to.pid)) / 2, kind: a.kind, obj: a.obj, fromPid: a.from.pid, toPid: a.to.pid };
  },

  /** Where a lane's middle is at time `us`. */
  laneAt(pid: number, us: number): { x: number; y: number } {
    const axis = view.axis(lanes.plotWidth);
    const r = lanes.rowList.findIndex((x) => x.lane.pid === pid);
    return { x: xOf(axis, us), y: lanes.axisStrip + r * lanes.laneHeight + lanes.laneHeight / 2 };
  },

  /** Where a track's middle is at time `us`. */
  trackAt(label: string, us: number): { x: number; y: number } {
    const axis = view.axis(tracks.plotWidth);
    let y = lanes.axisStrip;
    for (const r of tracks.trackRows) {
      const h = Math.round(r.height * (view.theme.fontPx / 12));
      if (r.obj.label === label) return { x: xOf(axis, us), y: y + h / 2 };
      y += h;
    }
    throw new Error(`no track ${label}`);
  },

  /** What the pointer at (x, y) of a plot is on, and its tooltip. */
  hover(on: 'lanes' | 'tracks', x: number, y: number): { hit: string | null; title?: string; rows?: [string, string][]; seqs?: number[] } {
    const hit = (on === 'lanes' ? lanes : tracks).hitTest(x, y, view);
    if (!hit) return { hit: null };
    const tip = describeHit(hit, view.model, view.lookup);
    return { hit: hit.kind, title: tip.title, rows: tip.rows, seqs: tip.seqs };
  },

  setArrows(on: boolean): void { view.setArrows(on); settle(); },

  arrowList(): { kind: string; obj: string; fromPid: number; toPid: number; fromSeq: number; toSeq: number }[] {
    const out = [];
    for (let i = 0; i < view.model.arrows.length; i++) {
      const a = view.model.arrows.at(i);
      out.push({ kind: a.kind, obj: a.obj, fromPid: a.from.pid, toPid: a.to.pid, fromSeq: a.from.seq, toSeq: a.to.seq });
    }
    return out;
  },
};

(window as unknown as { harness: typeof harness }).harness = harness;
export type Harness = typeof harness;
