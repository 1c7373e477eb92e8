// The timeline's arrows between processes (put → get, release → acquire, spawn → child,
// exit → join), on a strip layer of their own above the spans: drawn as they come, each once,
// and remembered as segments for hovering. A following window shifts them with the spans; a
// redraw starts again from the window's start (at most MAX_ARROWS of the newest).
import type { LiveModel } from '../../../../shared/live';
import { ARROW_STYLES } from './chart-theme';
import { MAX_ARROWS } from './chart-layout';
import { StripLayer } from './strip-layer';
import { axisEndUs, xOf, type TimeAxis } from './time-axis';

const KINDS = ['item', 'wake', 'spawn', 'exit'] as const;
/** How near (CSS px) the pointer must be to an arrow to hover it. */
const HIT_PX = 5;

export class ArrowsLayer {
  private readonly layer: StripLayer;
  /** The next arrow of the model to draw. */
  private next = 0;
  /** Geometry of the arrows drawn, for hit-testing: x1, y1, x2, y2, index per arrow. */
  private geo: number[] = [];

  constructor(container: HTMLElement) { this.layer = new StripLayer(container, 'arrows'); }

  /** Sizes the layer; answers whether it was reallocated (which clears it). */
  resize(widthPx: number, heightPx: number, dpr: number): boolean { return this.layer.resize(widthPx, heightPx, dpr); }

  /** Arrows drawn now. */
  get drawn(): number { return this.geo.length / 5; }

  /** Forgets what is drawn: the next draw starts at the window's first arrow (at most MAX_ARROWS of the newest). */
  restart(model: LiveModel, axis: TimeAxis): void {
    if (this.geo.length) this.layer.clear();
    this.geo = [];
    this.next = Math.max(model.arrows.indexFrom(axis.originUs), model.arrows.length - MAX_ARROWS);
  }

  /** The window moved on by `dx` whole pixels: what is drawn moves left with it. */
  shiftLeft(dx: number): void {
    this.layer.shiftLeft(dx);
    for (let i = 0; i < this.geo.length; i += 5) { this.geo[i] -= dx; this.geo[i + 2] -= dx; }
  }

  /** The arrows not drawn yet that end inside the window; `rowCentre` places a process's lane (undefined: not shown). */
  draw(model: LiveModel, axis: TimeAxis, rowH: number, rowCentre: (pid: number) => number | undefined): void {
    const list = model.arrows;
    const end = axisEndUs(axis);
    let lo = Infinity, hi = -Infinity;
    const paths = KINDS.map(() => new Path2D());
    const heads = KINDS.map(() => new Path2D());
    let i = this.next;
    for (; i < list.length; i++) {
      const a = list.at(i);
      if (a.to.t > end) break;
      const y1 = rowCentre(a.from.pid), y2 = rowCentre(a.to.pid);
      if (y1 === undefined || y2 === undefined) continue;
      const x1 = xOf(axis, a.from.t), x2 = xOf(axis, a.to.t);
      const k = KINDS.indexOf(a.kind);
      const path = paths[k];
      let fromX = x1, fromY = y1;
      if (a.from.pid === a.to.pid) {
        // A process's own item or wake: a small arc above its lane.
        const cx = (x1 + x2) / 2, cy = y1 - rowH * 0.9;
        path.moveTo(x1, y1); path.quadraticCurveTo(cx, cy, x2, y2);
        fromX = cx; fromY = cy;
      } else {
        path.moveTo(x1, y1); path.lineTo(x2, y2);
      }
      arrowHead(heads[k], fromX, fromY, x2, y2);
      this.geo.push(x1, y1, x2, y2, i);
      lo = Math.min(lo, x1, x2); hi = Math.max(hi, x1, x2);
    }
    this.next = i;
    if (hi < lo) return;
    this.layer.draw(Math.max(0, Math.floor(lo) - 8), Math.min(this.layer.widthPx, Math.ceil(hi) + 8), (ctx) => {
      ctx.lineWidth = 1.4;
      ctx.globalAlpha = 0.9;
      KINDS.forEach((kind, k) => {
        const style = ARROW_STYLES[kind];
        ctx.strokeStyle = style.colour;
        ctx.fillStyle = style.colour;
        ctx.setLineDash(style.dash);
        ctx.stroke(paths[k]);
        ctx.fill(heads[k]);
      });
      ctx.setLineDash([]);
      ctx.globalAlpha = 1;
    });
  }

  /** The index in the model of the drawn arrow nearest (x, y), within a few pixels; -1: none. */
  nearest(x: number, y: number): number {
    let best = -1, bestD = HIT_PX;
    const g = this.geo;
    for (let i = 0; i < g.length; i += 5) {
      const d = segmentDistance(x, y, g[i], g[i + 1], g[i + 2], g[i + 3]);
      if (d < bestD) { bestD = d; best = g[i + 4]; }
    }
    return best;
  }
}

function arrowHead(p: Path2D, fx: number, fy: number, x: number, y: number): void {
  const a = Math.atan2(y - fy, x - fx);
  const s = 6;
  p.moveTo(x, y);
  p.lineTo(x - s * Math.cos(a - 0.45), y - s * Math.sin(a - 0.45));
  p.lineTo(x - s * Math.cos(a + 0.45), y - s * Math.sin(a + 0.45));
  p.closePath();
}

function segmentDistance(px: number, py: number, x1: number, y1: number, x2: number, y2: number): number {
  const dx = x2 - x1, dy = y2 - y1;
  const len = dx * dx + dy * dy;
  const u = len === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / len));
  return Math.hypot(px - (x1 + u * dx), py - (y1 + u * dy));
}
