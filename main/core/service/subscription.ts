// One subscriber of a live run. Events are coalesced: at most one push per frame interval,
// however fast the run records. A subscriber that falls too far behind is not queued without
// bound: it gets a 'gap' push naming the seqs it missed (the store keeps every event, so it
// can ask for them), then the events that follow. A subscriber that throws is cut off.
import type { LabEvent } from '../../../shared/events';
import type { Push } from '../../../shared/contract';
import type { RunReport } from '../../../shared/run-report';

/**
 * At most one push per frame of a 60 Hz display: a push that waited longer would only wait
 * again for the page's next frame (33 ms, tried first, added about 10 ms to event-to-pixel).
 */
export const PUSH_INTERVAL_MS = 16;
/** Events held for one subscriber before it is told it missed them. */
export const MAX_PENDING_EVENTS = 50_000;
/** How often a status push goes out while the run goes on. */
const STATUS_INTERVAL_MS = 500;

export interface RunProgress { elapsedMs: number; liveProcesses: number; eventCount: number; phase: 'preparing' | 'running' | 'ending'; prepared?: number; needed?: number }

export class Subscription {
  private pending: LabEvent[] = [];
  private gap: { fromSeq: number; toSeq: number } | null = null;
  /** The next seq this subscriber should see; older events are dropped. */
  private nextSeq: number;
  private timer: NodeJS.Timeout | undefined;
  private lastPush = 0;
  private lastStatus = 0;
  closed = false;

  constructor(
    readonly id: string,
    readonly runId: string,
    fromSeq: number,
    private readonly deliver: (push: Push) => void,
    private readonly progress: () => RunProgress,
    private readonly onFailure: (e: Error) => void,
    private readonly intervalMs = PUSH_INTERVAL_MS,
    private readonly maxPending = MAX_PENDING_EVENTS,
  ) {
    this.nextSeq = fromSeq + 1;
  }

  /** A batch from the run (in seq order); events this subscriber already had are skipped. */
  add(batch: readonly LabEvent[]): void {
    if (this.closed || batch.length === 0) return;
    let i = 0;
    while (i < batch.length && batch[i].seq < this.nextSeq) i++;
    if (i === batch.length) return;
    if (batch[i].seq > this.nextSeq) this.missed(this.nextSeq, batch[i].seq - 1);
    for (; i < batch.length; i++) this.pending.push(batch[i]);
    this.nextSeq = batch[batch.length - 1].seq + 1;
    if (this.pending.length > this.maxPending) {
      // Too far behind: what waits becomes part of the gap (it follows the gap, if any, with no hole).
      const from = this.pending[0].seq;
      const to = this.pending[this.pending.length - 1].seq;
      this.pending = [];
      if (this.gap) this.gap.toSeq = to; else this.gap = { fromSeq: from, toSeq: to };
    }
    this.schedule();
  }

  /** Events this subscriber will not get pushed (fromSeq..toSeq); it is told so, in order. */
  missed(fromSeq: number, toSeq: number): void {
    if (this.closed || toSeq < fromSeq) return;
    // What waits from before the hole goes out first, so that pushes stay in seq order.
    if (this.pending.length || this.gap) this.sendDue();
    this.gap = { fromSeq, toSeq };
    this.nextSeq = Math.max(this.nextSeq, toSeq + 1);
    this.schedule();
  }

  /** Pushes whatever is due now (the run's end calls this before 'ended'). */
  flush(): void {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    if (this.closed) return;
    const now = Date.now();
    this.sendDue();
    if (now - this.lastStatus >= STATUS_INTERVAL_MS) this.status(now);
    this.lastPush = now;
  }

  /** The gap, then the events after it. */
  private sendDue(): void {
    if (this.gap) { const g = this.gap; this.gap = null; this.send({ type: 'gap', subscription: this.id, runId: this.runId, ...g }); }
    if (this.pending.length) {
      const events = this.pending;
      this.pending = [];
      this.send({ type: 'events', subscription: this.id, runId: this.runId, events });
    }
  }

  status(now = Date.now()): void {
    this.lastStatus = now;
    this.send({ type: 'status', subscription: this.id, runId: this.runId, ...this.progress() });
  }

  end(report: RunReport): void {
    this.flush();
    this.send({ type: 'ended', subscription: this.id, runId: this.runId, report });
    this.close();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    const wait = Math.max(0, this.lastPush + this.intervalMs - Date.now());
    this.timer = setTimeout(() => { this.timer = undefined; this.flush(); }, wait);
  }

  private send(push: Push): void {
    if (this.closed) return;
    try {
      this.deliver(push);
    } catch (e) {
      this.close();
      this.onFailure(e as Error);
    }
  }
}
