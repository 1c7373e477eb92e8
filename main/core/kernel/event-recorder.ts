// Numbers and timestamps events and hands them to the subscriber in batches, one batch per
// turn of the event loop. The kernel keeps no events itself, so its memory stays flat.
import type { LabEvent } from '../../../shared/events';

export type EventDraft = Omit<LabEvent, 'seq' | 't'>;
export type EventSink = (batch: LabEvent[]) => void;

export class EventRecorder {
  private seq = 0;
  private batch: LabEvent[] = [];
  private scheduled = false;
  private startNs = process.hrtime.bigint();

  constructor(private readonly sink: EventSink) {}

  /** The run's clock starts now (once its workers are prepared, before its first event). */
  startClock(): void { this.startNs = process.hrtime.bigint(); }

  /** Microseconds since the run started, monotonic. */
  nowUs(): number { return Number((process.hrtime.bigint() - this.startNs) / 1000n); }

  get count(): number { return this.seq; }

  /**
   * A seq for an event recorded a little later, within the same turn: an operation's own event
   * (its items and wakes need its seq first) and the wakes it causes. Every reserved seq is
   * recorded, in the order reserved, so seqs stay dense and batches stay in seq order.
   */
  reserve(): number { return ++this.seq; }

  /** Records an event now (or at `atUs`, when the caller measured its start), with a reserved `seq` if given. */
  record(draft: EventDraft, atUs?: number, seq?: number): LabEvent {
    const e = draft as LabEvent;
    e.seq = seq || ++this.seq;
    e.t = atUs ?? this.nowUs();
    this.batch.push(e);
    if (!this.scheduled) { this.scheduled = true; setImmediate(this.flush); }
    return e;
  }

  readonly flush = (): void => {
    this.scheduled = false;
    if (this.batch.length === 0) return;
    const out = this.batch;
    this.batch = [];
    // An event recorded while an earlier reserved seq waits for its own (a cap's note inside
    // the refused spawn) lands before it: put the batch back in seq order, as consumers rely on.
    for (let i = 1; i < out.length; i++) {
      if (out[i].seq < out[i - 1].seq) { out.sort((a, b) => a.seq - b.seq); break; }
    }
    this.sink(out);
  };
}

export { summarize } from './summarize';
