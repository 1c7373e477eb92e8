// A lane's state spans, compact: three numbers per span (start, state id, call), each span
// ending where the next begins. A change at the same instant as the last one replaces it,
// and a span equal to the one before is never kept, so the list only grows with real changes.
import { Column } from './column';

export class SpanList {
  private readonly starts = new Column();
  private readonly states = new Column();
  private readonly calls = new Column();

  get length(): number { return this.starts.length; }
  startAt(i: number): number { return this.starts.get(i); }
  stateAt(i: number): number { return this.states.get(i); }
  /** The call the span belongs to (0: none). */
  callAt(i: number): number { return this.calls.get(i); }
  get lastStart(): number { return this.starts.last; }
  get lastState(): number { return this.states.last; }
  get lastCall(): number { return this.calls.last; }

  /** Enters `state` at `t` (never earlier than the last start). */
  push(t: number, state: number, call: number): void {
    const n = this.starts.length;
    if (n > 0) {
      if (this.states.last === state && this.calls.last === call) return;
      if (this.starts.last === t) {
        // The last span lasted no time: it never was. Merge with the one before when equal.
        if (n > 1 && this.states.get(n - 2) === state && this.calls.get(n - 2) === call) {
          this.starts.pop(); this.states.pop(); this.calls.pop();
        } else {
          this.states.last = state; this.calls.last = call;
        }
        return;
      }
    }
    this.starts.push(t); this.states.push(state); this.calls.push(call);
  }

  /** The index of the span covering `t` (-1: before the first). */
  indexAt(t: number): number { return this.starts.search(t, true) - 1; }

  /** Forgets the spans that ended before `t` (the one covering `t` stays). */
  trimBefore(t: number): void {
    const i = this.indexAt(t);
    if (i <= 0) return;
    this.starts.dropFront(i); this.states.dropFront(i); this.calls.dropFront(i);
  }
}
