// What workers send, read at the kernel's pace: each message is decoded and checked
// (validate-worker-message.ts), its calls dispatched in order while the turn's budget lasts
// (pacer.ts), and whatever comes past the budget kept, in order, for a later turn. A message
// that crosses the line is cut: the rest of its calls wait ahead of anything its worker sent
// after it, so a turn dispatches its budget plus one call.
import { MAX_EVENTS_PER_SECOND, fmt } from '../../protocol/limits';
import type { Call } from '../../protocol/worker-protocol';
import type { Kernel } from './kernel';
import { LimitError } from './kernel-object';
import { Pacer, type TurnClock } from './pacer';
import type { ProcessEntry } from './process-entry';
import { decodeWorkerMessage } from './validate-worker-message';

/** The calls of a message not dispatched yet (from `from` on). `allowed`: how many of all its calls the rate cap let through. */
class KeptCalls {
  constructor(readonly calls: readonly Call[], readonly from: number, readonly ack: number, readonly allowed: number) {}
}

export class MessageIntake {
  private readonly pacer: Pacer;
  /** The ack of the message being dispatched: did its sender know of an earlier refusal? */
  currentAck: number | undefined;

  constructor(private readonly k: Kernel, clock?: TurnClock) { this.pacer = new Pacer(clock); }

  handle(p: ProcessEntry, raw: unknown): void {
    if (!p.alive) return;
    // Past this turn's budget, or behind messages already kept: kept, in order, for a later turn.
    if (p.deferred.length > 0 || !this.pacer.admits(p.worker)) {
      p.deferred.push(raw);
      this.pacer.hold(p.worker, () => this.replayDeferred(p));
      return;
    }
    this.handleNow(p, raw);
  }

  private replayDeferred(p: ProcessEntry): void {
    const kept = p.deferred;
    p.deferred = [];
    for (let i = 0; i < kept.length; i++) {
      if (!p.alive) return;
      if (!this.pacer.admits(p.worker)) {
        p.deferred = kept.slice(i);
        this.pacer.hold(p.worker, () => this.replayDeferred(p));
        return;
      }
      const item = kept[i];
      if (item instanceof KeptCalls) this.dispatchCalls(p, item);
      else this.handleNow(p, item);
      // A message cut short: its rest is kept (and its worker held); what came after waits behind it.
      if (p.deferred.length) { p.deferred.push(...kept.slice(i + 1)); return; }
    }
  }

  private handleNow(p: ProcessEntry, raw: unknown): void {
    const k = this.k;
    const parsed = decodeWorkerMessage(raw);
    // Its bytes count now; its calls count as they are dispatched (dispatchCalls).
    this.pacer.spend(p.worker, parsed.ok && parsed.msg.t === 'calls' ? 0 : 1, typeof raw === 'string' ? raw.length : 0);
    if (!parsed.ok) {
      // One refusal for the message; each call in it that waits gets the error as its answer.
      this.refuseAll(p, new LimitError(parsed.cap, parsed.error.message), parsed.callIds, parsed.error.code);
      return;
    }
    const msg = parsed.msg;
    if (msg.t === 'ready') return;
    if (msg.ack > p.sentSeq) {
      // The worker claims to have read a batch that was never sent: it would look busy for ever.
      const error = new LimitError('protocol', `ack ${msg.ack} names a batch that was never sent (the last one sent is ${p.sentSeq}); the message was refused`);
      this.refuseAll(p, error, msg.t === 'calls' ? msg.c.map((c) => c[0]).filter((id) => id > 0) : [], 'BadMessage');
      return;
    }
    k.markStarted(p);
    p.ackedSeq = Math.max(p.ackedSeq, msg.ack);
    if (msg.t === 'calls') this.dispatchCalls(p, new KeptCalls(msg.c, 0, msg.ack, p.rate.take(msg.c.length, k.recorder.nowUs())));
    else if (!p.busy && p.waiters.size > 0) k.scheduleHangCheck();
  }

  /** A whole message refused: one refusal, and each call in it that waits answered with the error. */
  private refuseAll(p: ProcessEntry, error: LimitError, callIds: number[], code: string): void {
    this.k.refuse(p, error, callIds[0] ?? 0, { code });
    for (const id of callIds.slice(1)) this.k.reply(p, [id, 0, { code, message: error.message }]);
  }

  /**
   * A message's calls from `kept.from` on, in order, while the turn's budget lasts (one at
   * least); the rest is kept for a later turn, ahead of anything its worker sent after it.
   */
  private dispatchCalls(p: ProcessEntry, kept: KeptCalls): void {
    const k = this.k;
    this.currentAck = kept.ack;
    for (let i = kept.from; i < kept.calls.length; i++) {
      if (i > kept.from && !this.pacer.admits(p.worker)) {
        p.deferred.unshift(new KeptCalls(kept.calls, i, kept.ack, kept.allowed));
        this.pacer.hold(p.worker, () => this.replayDeferred(p));
        break;
      }
      this.pacer.spend(p.worker, 1, 0);
      const c = kept.calls[i];
      if (i < kept.allowed) k.dispatch(p, c);
      else k.refuse(p, new LimitError('events-per-second', `more than ${fmt(MAX_EVENTS_PER_SECOND)} operations in one second by this process (MAX_EVENTS_PER_SECOND); ${c[2]}() was refused`), c[0], { op: c[2] });
      if (!p.alive) break;
    }
    this.currentAck = undefined;
    if (!p.busy && p.waiters.size > 0) k.scheduleHangCheck();
  }
}
