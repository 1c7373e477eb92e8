// One field of one object over time, as a step function: a point only where the value
// changes (a point equal to the last is dropped; a change at the same instant replaces the
// last). Two numbers per point. Dropping a window's past is amortised O(1) per point.
export class StepSeries {
  private ts: number[] = [];
  private vs: number[] = [];
  private base = 0;

  get length(): number { return this.ts.length - this.base; }
  tAt(i: number): number { return this.ts[this.base + i]; }
  vAt(i: number): number { return this.vs[this.base + i]; }
  get last(): number | undefined { return this.ts.length > this.base ? this.vs[this.vs.length - 1] : undefined; }

  push(t: number, v: number): void {
    const n = this.ts.length;
    if (n > this.base) {
      if (this.vs[n - 1] === v) return;
      if (this.ts[n - 1] === t) {
        if (n - 1 > this.base && this.vs[n - 2] === v) { this.ts.pop(); this.vs.pop(); } else this.vs[n - 1] = v;
        return;
      }
    }
    this.ts.push(t); this.vs.push(v);
  }

  /** The index of the point in force at `t` (-1: before the first). */
  indexAt(t: number): number {
    let lo = this.base, hi = this.ts.length - 1, found = this.base - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.ts[mid] <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found - this.base;
  }

  /** The value in force at `t`, if any. */
  valueAt(t: number): number | undefined {
    const i = this.indexAt(t);
    return i < 0 ? undefined : this.vAt(i);
  }

  /** Forgets the points before `t`, keeping the one in force at `t`. */
  trimBefore(t: number): void {
    const i = this.indexAt(t);
    if (i <= 0) return;
    this.base += i;
    if (this.base > 1024 && this.base * 2 > this.ts.length) {
      this.ts = this.ts.slice(this.base);
      this.vs = this.vs.slice(this.base);
      this.base = 0;
    }
  }
}
