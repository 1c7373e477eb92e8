// Step functions (a lane's state spans, an object's series) cut into pixel columns, so a
// drawing costs one rectangle per run of equal columns rather than one per span: zoomed out
// on 100,000 events, a column holds many spans and shows the one that covered most of it.
// Column c covers [originUs + c·usPerPx, originUs + (c+1)·usPerPx); c may be negative or past
// the plot (callers clip).

/** A step function: value i holds from startAt(i) until startAt(i + 1) (the last one: until `toUs`). */
export interface Steps {
  readonly length: number;
  startAt(i: number): number;
  /** The index of the step in force at `t` (-1: before the first). */
  indexAt(t: number): number;
}

export interface BinWindow { fromUs: number; toUs: number; originUs: number; usPerPx: number }

/**
 * Categories per column: each column gets the category (an integer ≥ 0, or -1 for nothing)
 * that covers most of its time; runs of equal columns are emitted as [c0, c1).
 * `onStep` sees every step that reaches into the window, with its unclipped pixel extent.
 */
export function binCategories(
  s: Steps, catAt: (i: number) => number, w: BinWindow,
  emit: (cat: number, c0: number, c1: number) => void,
  onStep?: (i: number, x0: number, x1: number) => void,
): void {
  const { fromUs, toUs, originUs, usPerPx } = w;
  const cats: number[] = [];
  const durs: number[] = [];
  let col = Number.NaN;
  let runCat = -2, runC0 = 0, runC1 = 0;
  const out = (cat: number, c0: number, c1: number): void => {
    if (cat === runCat && c0 === runC1) { runC1 = c1; return; }
    if (runCat !== -2 && runC1 > runC0) emit(runCat, runC0, runC1);
    runCat = cat; runC0 = c0; runC1 = c1;
  };
  const add = (cat: number, d: number): void => {
    const k = cats.indexOf(cat);
    if (k >= 0) durs[k] += d; else { cats.push(cat); durs.push(d); }
  };
  const flush = (): void => {
    if (cats.length === 0) return;
    let best = 0;
    for (let k = 1; k < cats.length; k++) if (durs[k] > durs[best]) best = k;
    out(cats[best], col, col + 1);
    cats.length = 0; durs.length = 0;
  };
  const n = s.length;
  for (let i = Math.max(0, s.indexAt(fromUs)); i < n; i++) {
    const start = s.startAt(i);
    if (start >= toUs) break;
    const end = i + 1 < n ? s.startAt(i + 1) : toUs;
    const a = start > fromUs ? start : fromUs;
    const b = end < toUs ? end : toUs;
    if (b <= a) continue;
    const cat = catAt(i);
    const x0 = (a - originUs) / usPerPx, x1 = (b - originUs) / usPerPx;
    if (onStep) onStep(i, (start - originUs) / usPerPx, (end - originUs) / usPerPx);
    const c0 = Math.floor(x0), c1 = Math.floor(x1);
    if (c0 !== col) { flush(); col = c0; }
    if (c1 === c0) { add(cat, x1 - x0); continue; }
    add(cat, c0 + 1 - x0);
    flush();
    if (c1 > c0 + 1) out(cat, c0 + 1, c1);
    col = c1;
    if (x1 > c1) add(cat, x1 - c1);
  }
  flush();
  if (runCat !== -2 && runC1 > runC0) emit(runCat, runC0, runC1);
}

/**
 * Values per column: the lowest and highest value in force during each column (so a spike of
 * one event is never lost) and the last; runs of equal columns are emitted as [c0, c1).
 */
export function binExtremes(
  s: Steps, valueAt: (i: number) => number, w: BinWindow,
  emit: (c0: number, c1: number, min: number, max: number, last: number) => void,
): void {
  const { fromUs, toUs, originUs, usPerPx } = w;
  let col = Number.NaN, lo = 0, hi = 0, last = 0, has = false;
  let rC0 = 0, rC1 = 0, rLo = 0, rHi = 0, rLast = 0, rHas = false;
  const out = (c0: number, c1: number, mn: number, mx: number, l: number): void => {
    if (rHas && c0 === rC1 && mn === rLo && mx === rHi && l === rLast) { rC1 = c1; return; }
    if (rHas) emit(rC0, rC1, rLo, rHi, rLast);
    rHas = true; rC0 = c0; rC1 = c1; rLo = mn; rHi = mx; rLast = l;
  };
  const add = (v: number): void => {
    if (!has) { lo = hi = v; has = true; } else { if (v < lo) lo = v; if (v > hi) hi = v; }
    last = v;
  };
  const flush = (): void => { if (has) out(col, col + 1, lo, hi, last); has = false; };
  const n = s.length;
  for (let i = Math.max(0, s.indexAt(fromUs)); i < n; i++) {
    const start = s.startAt(i);
    if (start >= toUs) break;
    const end = i + 1 < n ? s.startAt(i + 1) : toUs;
    const a = start > fromUs ? start : fromUs;
    const b = end < toUs ? end : toUs;
    if (b <= a) continue;
    const v = valueAt(i);
    const x0 = (a - originUs) / usPerPx, x1 = (b - originUs) / usPerPx;
    const c0 = Math.floor(x0), c1 = Math.floor(x1);
    if (c0 !== col) { flush(); col = c0; }
    add(v);
    if (c1 === c0) continue;
    flush();
    if (c1 > c0 + 1) out(c0 + 1, c1, v, v, v);
    col = c1;
    if (x1 > c1) add(v);
  }
  flush();
  if (rHas) emit(rC0, rC1, rLo, rHi, rLast);
}
