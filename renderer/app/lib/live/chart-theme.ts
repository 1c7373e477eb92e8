// What the canvases draw with: the page's theme colours (read from its CSS custom properties,
// so light, dark and projector mode apply to the charts too), the states' colours and
// patterns, the arrows' styles. Patterns are small tiles, made once per theme.
import { ARROW_STYLES, STATE_COLOURS } from '../../../../shared/charts/palette';
import type { LanePhase } from '../../../../shared/live';

export interface ChartTheme {
  dark: boolean;
  text: string;
  muted: string;
  surface: string;
  border: string;
  background: string;
  font: string;
  /** CSS px of the charts' type (larger in projector mode). */
  fontPx: number;
}

export const LIGHT_THEME: ChartTheme = {
  dark: false, text: '#1b1f24', muted: '#56606b', surface: '#ffffff', border: '#d3d8de', background: '#f6f7f9',
  font: 'system-ui, sans-serif', fontPx: 12,
};

/** The theme as the page's stylesheet sets it on `el`. */
export function readTheme(el: Element): ChartTheme {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const rootPx = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
  return {
    dark: document.documentElement.dataset.theme === 'dark',
    text: v('--text', LIGHT_THEME.text),
    muted: v('--muted', LIGHT_THEME.muted),
    surface: v('--surface', LIGHT_THEME.surface),
    border: v('--border', LIGHT_THEME.border),
    background: v('--bg', LIGHT_THEME.background),
    font: v('--font', LIGHT_THEME.font),
    fontPx: Math.round(rootPx * 0.75),
  };
}

export const PHASES: readonly LanePhase[] = ['running', 'blocked', 'sleeping', 'exited'];
export const PHASE_INDEX: Record<LanePhase, number> = { running: 0, blocked: 1, sleeping: 2, exited: 3 };
/** Read out with the state, in the legend, the gutter and the tooltips. */
export const PHASE_SYMBOL: Record<LanePhase, string> = { running: '▶', blocked: '‖', sleeping: '☾', exited: '■' };

export interface Fills {
  /** Per phase index: the base colour, then a pattern over it (null: none). */
  base: string[];
  pattern: (CanvasPattern | null)[];
}

/** Blocked: diagonal hatching; sleeping: dots; running: plain. Tiles in the theme's ink. */
export function makeFills(ctx: CanvasRenderingContext2D, theme: ChartTheme, dpr: number): Fills {
  const tile = (draw: (t: CanvasRenderingContext2D, s: number) => void): CanvasPattern | null => {
    const s = Math.round(8 * dpr);
    const c = document.createElement('canvas');
    c.width = s; c.height = s;
    const t = c.getContext('2d')!;
    draw(t, s);
    const p = ctx.createPattern(c, 'repeat');
    // Tiles are drawn in device pixels; the context draws in CSS pixels.
    p?.setTransform(new DOMMatrix([1 / dpr, 0, 0, 1 / dpr, 0, 0]));
    return p;
  };
  const ink = 'rgba(0, 0, 0, 0.55)';
  const light = 'rgba(255, 255, 255, 0.75)';
  const hatch = tile((t, s) => {
    t.strokeStyle = light;
    t.lineWidth = Math.max(1, s / 5);
    t.beginPath();
    // Two strokes so the lines join across tile edges.
    t.moveTo(0, s); t.lineTo(s, 0);
    t.moveTo(-s / 2, s / 2); t.lineTo(s / 2, -s / 2);
    t.moveTo(s / 2, s * 1.5); t.lineTo(s * 1.5, s / 2);
    t.stroke();
  });
  const dots = tile((t, s) => {
    t.fillStyle = ink;
    t.beginPath();
    t.arc(s / 4, s / 4, s / 9, 0, Math.PI * 2);
    t.arc((3 * s) / 4, (3 * s) / 4, s / 9, 0, Math.PI * 2);
    t.fill();
  });
  return {
    base: PHASES.map((p) => STATE_COLOURS[p]),
    pattern: [null, hatch, dots, null],
  };
}

export { ARROW_STYLES, STATE_COLOURS };
