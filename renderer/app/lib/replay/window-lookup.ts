// Where the tooltips of a replay look events up: the window the model was built from, as far
// as the model has folded it (a tooltip never names an event after the moment shown). Nothing
// is copied: a model built again sixty times a second going back costs no event log of its own.
import type { LabEvent } from '../../../../shared/contract';
import { isV1 } from '../../../../shared/live';
import type { EventLookup } from '../live/event-log';
import type { ReplayWindow } from './replay-window';

/** The model's window and how many of its events it folded. */
export interface FoldedSource { window(): ReplayWindow | null; folded(): number }

const EMPTY = { events: [] as LabEvent[], clockAt: () => 0, countAt: () => 0 } as unknown as ReplayWindow;

export class WindowLookup implements EventLookup {
  /** call → index of the E that ended it, for the events of `endsOf` indexed so far. */
  private ends = new Map<number, number>();
  private endsOf: ReplayWindow | null = null;
  private indexed = 0;

  constructor(private readonly source: FoldedSource) {}

  private get w(): ReplayWindow { return this.source.window() ?? EMPTY; }
  private folded(): number { return this.source.folded(); }

  /** Whether the run is recorded in event format 1 (no links, no values); undefined until known. */
  get formatV1(): boolean | undefined {
    const e = this.w.events.find((x) => x.kind === 'op' || x.life === 'created');
    return e ? isV1(e) : undefined;
  }

  /** The index of event `seq` among those folded, or -1. */
  private indexOf(seq: number): number {
    const ev = this.w.events;
    let lo = 0, hi = Math.min(this.folded(), ev.length);
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (ev[mid].seq < seq) lo = mid + 1; else hi = mid;
    }
    return lo < Math.min(this.folded(), ev.length) && ev[lo].seq === seq ? lo : -1;
  }

  get(seq: number): LabEvent | undefined {
    const i = this.indexOf(seq);
    return i < 0 ? undefined : this.w.events[i];
  }

  timeOf(seq: number): number | undefined {
    const i = this.indexOf(seq);
    return i < 0 ? undefined : this.w.clockAt(i);
  }

  endOf(call: number): LabEvent | undefined {
    if (this.endsOf !== this.w) { this.endsOf = this.w; this.ends = new Map(); this.indexed = 0; }
    const ev = this.w.events;
    for (; this.indexed < ev.length; this.indexed++) {
      const e = ev[this.indexed];
      if (e.ph === 'E') this.ends.set(e.call ?? e.seq, this.indexed);
    }
    const i = this.ends.get(call);
    return i !== undefined && i < this.folded() ? ev[i] : undefined;
  }

  findAt(t: number, pred: (e: LabEvent) => boolean): LabEvent | undefined {
    for (let i = Math.min(this.w.countAt(t), this.folded()) - 1; i >= 0 && this.w.clockAt(i) >= t; i--) {
      if (pred(this.w.events[i])) return this.w.events[i];
    }
    return undefined;
  }
}
