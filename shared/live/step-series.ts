// One field of one object over time, as a step function: a point only where the value
// changes (a point equal to the last is dropped; a change at the same instant replaces the
// last). Two numbers per point.
import { Column } from './column';

export class StepSeries {
  private readonly ts = new Column();
  private readonly vs = new Column();

  get length(): number { return this.ts.length; }
  tAt(i: number): number { return this.ts.get(i); }
  vAt(i: number): number { return this.vs.get(i); }
  get last(): number | undefined { return this.ts.length > 0 ? this.vs.last : undefined; }

  push(t: number, v: number): void {
    const n = this.ts.length;
    if (n > 0) {
      if (this.vs.last === v) return;
      if (this.ts.last === t) {
        if (n > 1 && this.vs.get(n - 2) === v) { this.ts.pop(); this.vs.pop(); } else this.vs.last = v;
        return;
      }
    }
    this.ts.push(t); this.vs.push(v);
  }

  /** The index of the point in force at `t` (-1: before the first). */
  indexAt(t: number): number { return this.ts.search(t, true) - 1; }

  /** The value in force at `t`, if any. */
  valueAt(t: number): number | undefined {
    const i = this.indexAt(t);
    return i < 0 ? undefined : this.vs.get(i);
  }

  /** Forgets the points before `t`, keeping the one in force at `t`. */
  trimBefore(t: number): void {
    const i = this.indexAt(t);
    if (i <= 0) return;
    this.ts.dropFront(i); this.vs.dropFront(i);
  }
}
