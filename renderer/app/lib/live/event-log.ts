// The last events of a run, by seq, for the tooltips: a hovered span, arrow or point names the
// event it came from. Bounded (a million-event run keeps only the newest CAPACITY), so the
// live view's memory does not grow with the run; what fell out is said to be in the history.
// Times are the live model's clock (never earlier than the event before), so events can be
// found by time too.
import type { LabEvent } from '../../../../shared/contract';
import { isV1 } from '../../../../shared/live';

export const CAPACITY = 32_768;

/** Where a view looks events up (the live ring; a replay can answer from a stored window). */
export interface EventLookup {
  /** The event `seq`, if still held. */
  get(seq: number): LabEvent | undefined;
  /** The E that ended call `call`, if seen and still held. */
  endOf(call: number): LabEvent | undefined;
  /** The newest event stamped exactly `t` (model clock) that `pred` accepts. */
  findAt(t: number, pred: (e: LabEvent) => boolean): LabEvent | undefined;
  /** The model-clock time of event `seq`, if held. */
  timeOf(seq: number): number | undefined;
  /** Whether the run is recorded in event format 1 (no links, no values); undefined until known. */
  readonly formatV1?: boolean | undefined;
}

export class EventLog implements EventLookup {
  private readonly ring: (LabEvent | undefined)[] = new Array(CAPACITY);
  private readonly times = new Float64Array(CAPACITY);
  private readonly ends = new Map<number, number>();
  private lastSeq = 0;
  private lastT = 0;
  /** Whether the run is recorded in event format 1 (no links, no values); undefined until known. */
  formatV1: boolean | undefined;

  constructor(private readonly capacity = CAPACITY) {}

  add(batch: readonly LabEvent[]): void {
    for (const e of batch) {
      if (e.seq <= this.lastSeq) continue;
      if (this.formatV1 === undefined && (e.kind === 'op' || e.life === 'created')) this.formatV1 = isV1(e);
      this.lastSeq = e.seq;
      if (e.t > this.lastT) this.lastT = e.t;
      const i = e.seq % this.capacity;
      const old = this.ring[i];
      if (old?.ph === 'E' && old.call !== undefined && this.ends.get(old.call) === old.seq) this.ends.delete(old.call);
      this.ring[i] = e;
      this.times[i] = this.lastT;
      if (e.ph === 'E') this.ends.set(e.call ?? e.seq, e.seq);
    }
  }

  get oldestSeq(): number { return Math.max(1, this.lastSeq - this.capacity + 1); }

  get(seq: number): LabEvent | undefined {
    if (seq < this.oldestSeq || seq > this.lastSeq) return undefined;
    const e = this.ring[seq % this.capacity];
    return e?.seq === seq ? e : undefined;
  }

  timeOf(seq: number): number | undefined {
    return this.get(seq) ? this.times[seq % this.capacity] : undefined;
  }

  endOf(call: number): LabEvent | undefined {
    const seq = this.ends.get(call);
    return seq === undefined ? undefined : this.get(seq);
  }

  findAt(t: number, pred: (e: LabEvent) => boolean): LabEvent | undefined {
    // The first held event after t (times only grow with seq), then back to the newest at t.
    let lo = this.oldestSeq, hi = this.lastSeq + 1;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const mt = this.get(mid) ? this.times[mid % this.capacity] : -Infinity;
      if (mt <= t) lo = mid + 1; else hi = mid;
    }
    for (let seq = lo - 1; seq >= this.oldestSeq; seq--) {
      const e = this.get(seq);
      if (!e) break;
      if (this.times[seq % this.capacity] < t) break;
      if (pred(e)) return e;
    }
    return undefined;
  }
}
