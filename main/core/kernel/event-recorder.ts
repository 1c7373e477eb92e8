// Numbers and timestamps events and hands them to the subscriber in batches, one batch per
// turn of the event loop. The kernel keeps no events itself, so its memory stays flat.
import type { LabEvent } from '../../../shared/events';

export type EventDraft = Omit<LabEvent, 'seq' | 't'>;
export type EventSink = (batch: LabEvent[]) => void;

export class EventRecorder {
  private seq = 0;
  private batch: LabEvent[] = [];
  private scheduled = false;
  private readonly startNs = process.hrtime.bigint();

  constructor(private readonly sink: EventSink) {}

  /** Microseconds since the run started, monotonic. */
  nowUs(): number { return Number((process.hrtime.bigint() - this.startNs) / 1000n); }

  get count(): number { return this.seq; }

  /** Records an event now, or at `atUs` when the caller measured its start already. */
  record(draft: EventDraft, atUs?: number): void {
    const e = draft as LabEvent;
    e.seq = ++this.seq;
    e.t = atUs ?? this.nowUs();
    this.batch.push(e);
    if (!this.scheduled) { this.scheduled = true; setImmediate(this.flush); }
  }

  readonly flush = (): void => {
    this.scheduled = false;
    if (this.batch.length === 0) return;
    const out = this.batch;
    this.batch = [];
    this.sink(out);
  };
}

export { summarize } from './summarize';
