// A lane's state spans, compact: three numbers per span (start, state id, call), each span
// ending where the next begins. A change at the same instant as the last one replaces it,
// and a span equal to the one before is never kept, so the list only grows with real changes.
// Dropping a window's past is amortised O(1) per span dropped.
export class SpanList {
  private starts: number[] = [];
  private states: number[] = [];
  private calls: number[] = [];
  private base = 0;

  get length(): number { return this.starts.length - this.base; }
  startAt(i: number): number { return this.starts[this.base + i]; }
  stateAt(i: number): number { return this.states[this.base + i]; }
  /** The call the span belongs to (0: none). */
  callAt(i: number): number { return this.calls[this.base + i]; }
  get lastStart(): number { return this.starts[this.starts.length - 1]; }
  get lastState(): number { return this.states[this.states.length - 1]; }
  get lastCall(): number { return this.calls[this.calls.length - 1]; }

  /** Enters `state` at `t` (never earlier than the last start). */
  push(t: number, state: number, call: number): void {
    const n = this.starts.length;
    if (n > this.base) {
      if (this.states[n - 1] === state && this.calls[n - 1] === call) return;
      if (this.starts[n - 1] === t) {
        // The last span lasted no time: it never was. Merge with the one before when equal.
        if (n - 1 > this.base && this.states[n - 2] === state && this.calls[n - 2] === call) {
          this.starts.pop(); this.states.pop(); this.calls.pop();
        } else {
          this.states[n - 1] = state; this.calls[n - 1] = call;
        }
        return;
      }
    }
    this.starts.push(t); this.states.push(state); this.calls.push(call);
  }

  /** The index of the span covering `t` (-1: before the first). */
  indexAt(t: number): number {
    let lo = this.base, hi = this.starts.length - 1, found = this.base - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found - this.base;
  }

  /** Forgets the spans that ended before `t` (the one covering `t` stays). */
  trimBefore(t: number): void {
    const i = this.indexAt(t);
    if (i <= 0) return;
    this.base += i;
    if (this.base > 1024 && this.base * 2 > this.starts.length) {
      this.starts = this.starts.slice(this.base);
      this.states = this.states.slice(this.base);
      this.calls = this.calls.slice(this.base);
      this.base = 0;
    }
  }
}
