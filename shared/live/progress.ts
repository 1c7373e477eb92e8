// Progress: how many events, up to when, how many calls and errors; and the calls per slice
// of time, in at most MAX_BUCKETS buckets whose width doubles as the run grows (so the width
// depends only on how long the run is, and a model rebuilt from a keyframe agrees with one
// that saw everything on every bucket after the keyframe's).
export const BUCKET_BASE_US = 1000;
export const MAX_BUCKETS = 2048;

export class OpRate {
  width = BUCKET_BASE_US;
  private counts: number[] = [];

  /** Makes the width fit a run `t` µs long. */
  reach(t: number): void {
    while (Math.floor(t / this.width) >= MAX_BUCKETS) {
      const c = this.counts;
      const merged: number[] = [];
      for (let i = 0; i < c.length; i += 2) merged.push((c[i] ?? 0) + (c[i + 1] ?? 0));
      this.counts = merged;
      this.width *= 2;
    }
  }

  add(t: number): void {
    this.reach(t);
    const i = Math.floor(t / this.width);
    while (this.counts.length <= i) this.counts.push(0);
    this.counts[i]++;
  }

  /** Calls in bucket i (covering [i·width, (i+1)·width)). */
  count(i: number): number { return this.counts[i] ?? 0; }
  get buckets(): number { return this.counts.length; }
}

export class Progress {
  /** Events folded into this model. */
  events = 0;
  /** The last seq folded (0: none). */
  lastSeq = 0;
  /** The model's clock: the latest event time seen (µs). */
  lastT = 0;
  /** The time of the first event this model folded, or of the keyframe it began from. */
  firstT: number | undefined;
  /** Calls: op events that began something (X and B). */
  ops = 0;
  errors = 0;
  /** Events skipped over by a gap in seq. */
  missed = 0;
  readonly rate = new OpRate();
}
