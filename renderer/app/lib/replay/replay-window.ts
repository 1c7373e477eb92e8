// A window of a stored run held in the page: the state just before it (the store's keyframe,
// folded up to the window's start) and its events, consecutive by seq, each with its time on the
// live model's clock (an event's t, never earlier than the one before it). The state at a moment
// c of the window is the start state with every event whose clock is at most c folded in.
import type { LabEvent, RunSnapshot } from '../../../../shared/contract';

export class ReplayWindow {
  readonly events: LabEvent[] = [];
  /** clocks[i]: the model's clock once events[i] is folded. */
  private clocks = new Float64Array(1024);
  /**
   * Nothing of the run follows the last event up to `endUs` (the window's requested end, or the
   * run's end: Infinity); null: more events may follow, their clock unknown (a page cut short).
   */
  endUs: number | null;
  /** A small window read first while the cursor moves fast (a bigger one follows once it rests). */
  quick = false;

  constructor(readonly start: RunSnapshot, events: readonly LabEvent[], endUs: number | null) {
    this.endUs = endUs;
    this.append(events, endUs);
  }

  get length(): number { return this.events.length; }
  get firstSeq(): number { return this.start.atSeq + 1; }
  /** The last seq held (the start's when the window is empty). */
  get lastSeq(): number { return this.events.length ? this.events[this.events.length - 1].seq : this.start.atSeq; }
  /** The clock after event i (i = -1: the start's). */
  clockAt(i: number): number { return i < 0 ? this.start.atUs : this.clocks[i]; }
  get lastClock(): number { return this.clockAt(this.events.length - 1); }
  /** The run's end is in this window. */
  get reachesEnd(): boolean { return this.endUs === Infinity; }

  /** The next page, by seq, after the last event held; `endUs` as in the constructor. */
  append(events: readonly LabEvent[], endUs: number | null): void {
    let clock = this.lastClock;
    const n = this.events.length;
    if (n + events.length > this.clocks.length) {
      const grown = new Float64Array(Math.max(this.clocks.length * 2, n + events.length));
      grown.set(this.clocks.subarray(0, n));
      this.clocks = grown;
    }
    for (let i = 0; i < events.length; i++) {
      const e = events[i];
      if (e.t > clock) clock = e.t;
      this.clocks[n + i] = clock;
      this.events.push(e);
    }
    this.endUs = endUs;
  }

  /** The window holds the state at `us`: from the clock of its start to its end. */
  covers(us: number): boolean {
    if (us < this.start.atUs) return false;
    if (this.endUs !== null) return us <= this.endUs;
    // Events past the last may share its clock: only moments before it are known for sure.
    return this.events.length > 0 && us < this.lastClock;
  }

  /** How many of its events have a clock at most `us`: the state at `us` folds that many. */
  countAt(us: number): number {
    let lo = 0, hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.clocks[mid] <= us) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** How many of its events have a clock before `us`. */
  countBefore(us: number): number {
    let lo = 0, hi = this.events.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.clocks[mid] < us) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /** The latest moment it holds for sure: its end, or the clock of its last event before the last clock (Infinity: the run's end). */
  get heldUntil(): number {
    if (this.endUs !== null) return this.endUs;
    return this.clockAt(this.countBefore(this.lastClock) - 1);
  }

  /** The index of the first event whose clock is past `us` and which `match` accepts; -1 if none here. */
  nextMatch(us: number, match: (e: LabEvent) => boolean): number {
    for (let i = this.countAt(us); i < this.events.length; i++) if (match(this.events[i])) return i;
    return -1;
  }

  /** The index of the last event whose clock is before `us` and which `match` accepts; -1 if none here. */
  previousMatch(us: number, match: (e: LabEvent) => boolean): number {
    for (let i = this.countAt(us) - 1; i >= 0; i--) if (this.clocks[i] < us && match(this.events[i])) return i;
    return -1;
  }
}
