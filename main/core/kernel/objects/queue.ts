// Queue and JoinableQueue: FIFO items, FIFO getters and putters, optional maxsize,
// and for JoinableQueue the unfinished-task count behind task_done() and join().
// Items the queue keeps (and a blocked put's item) count against the run's held caps.
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { ArgError, err, flag, timeoutMs, type Holdings, type KernelObject, type OpHandler, type OpOutcome } from '../kernel-object';
import { WaitList } from '../waiter';
import { Deque } from './deque';

/** An item, its JSON size as held, and the seq of the put that produced it (kept apart in the
 *  queue: an object per item costs ~40 bytes). */
interface Entry { v: unknown; b: number; from: number }

export class KQueue implements KernelObject {
  private readonly items = new Deque<unknown>();
  private readonly sizes = new Deque<number>();
  private readonly froms = new Deque<number>();
  private readonly getters = new WaitList();
  private readonly putters = new WaitList();
  private readonly joiners = new WaitList();
  private unfinished = 0;

  constructor(
    readonly kind: 'Queue' | 'JoinableQueue',
    readonly id: string,
    readonly label: string,
    readonly maxsize: number,
    private readonly held: Holdings,
  ) {
    if (!Number.isInteger(maxsize) || maxsize < 0) throw new ArgError('maxsize must be an integer >= 0 (0 = unbounded)');
  }

  state(): ObjectState {
    const s: ObjectState = { size: this.items.length, waiters: this.getters.size + this.putters.size + this.joiners.size };
    if (this.kind === 'JoinableQueue') s.unfinished = this.unfinished;
    return s;
  }

  info(): ObjectInfo { return { kind: this.kind, label: this.label, maxsize: this.maxsize }; }

  private full(): boolean { return this.maxsize > 0 && this.items.length >= this.maxsize; }

  /** Takes in an item, handing it straight to the first waiting getter when there is one. */
  private accept(e: Entry, isHeld: boolean): void {
    if (!isHeld && this.getters.size === 0) this.held.hold(e.b, 1); // may refuse: nothing has changed yet
    if (this.kind === 'JoinableQueue') this.unfinished++;
    const getter = this.getters.shift();
    if (!getter) { this.items.push(e.v); this.sizes.push(e.b); this.froms.push(e.from); return; }
    if (isHeld) this.held.release(e.b, 1);
    getter.clearTimer();
    getter.deliver(e.v, e.from);
  }

  /** After an item left, let the first blocked putter in. */
  private admitPutter(): void {
    if (this.full()) return;
    const putter = this.putters.shift();
    if (!putter) return;
    putter.clearTimer();
    // Its put ends first: the item entered at that end (its E's seq, reserved by the wake).
    putter.wake(null);
    const e = putter.payload as Entry;
    e.from = putter.endSeq;
    this.accept(e, true);
  }

  readonly ops: Record<string, OpHandler> = {
    put: (ctx, [item, block, timeout]): OpOutcome => {
      const full = this.full();
      if (full && !flag(block, 'block', true)) return err('Full', `${this.label} is full (maxsize ${this.maxsize})`);
      const ms = full ? timeoutMs(ctx, timeout) : undefined;
      const e: Entry = { v: item, b: ctx.argBytes, from: ctx.seq }; // the item and its few flags: close enough to hold
      if (!full) { this.accept(e, false); return { value: null }; }
      this.held.hold(e.b, 1); // a blocked put's item waits in the kernel
      const w = ctx.block('put').withTimeout(ms, () => {
        this.putters.remove(w);
        this.held.release(e.b, 1);
        w.fail({ code: 'Full', message: `${this.label} stayed full until the timeout` });
      });
      w.payload = e;
      this.putters.push(w);
      return { blocked: w };
    },
    get: (ctx, [block, timeout]): OpOutcome => {
      if (this.items.length > 0) {
        const v = this.items.shift();
        const from = this.froms.shift()!;
        this.held.release(this.sizes.shift()!, 1);
        this.admitPutter();
        return from ? { value: v, item: from } : { value: v };
      }
      if (!flag(block, 'block', true)) return err('Empty', `${this.label} is empty`);
      const w = ctx.block('get').withTimeout(timeoutMs(ctx, timeout), () => {
        this.getters.remove(w);
        w.fail({ code: 'Empty', message: `${this.label} stayed empty until the timeout` });
      });
      this.getters.push(w);
      return { blocked: w };
    },
    // close() and join_thread() change nothing shared: the closed flag belongs to the calling
    // process's own queue object (the worker's handle keeps it). They are recorded so the
    // charts and the transcript show where each process said it would put no more.
    close: () => ({ value: null }),
    join_thread: () => ({ value: null }),
    qsize: () => ({ value: this.items.length }),
    empty: () => ({ value: this.items.length === 0 }),
    full: () => ({ value: this.full() }),
    task_done: () => {
      if (this.kind !== 'JoinableQueue') return err('AttributeError', `${this.label} is a plain Queue: task_done() needs a JoinableQueue`);
      if (this.unfinished <= 0) return err('ValueError', 'task_done() called too many times');
      if (--this.unfinished === 0) for (const j of this.joiners.drain()) j.wake(null);
      return { value: null };
    },
    join: (ctx) => {
      if (this.kind !== 'JoinableQueue') return err('AttributeError', `${this.label} is a plain Queue: join() needs a JoinableQueue`);
      if (this.unfinished === 0) return { value: null };
      const w = ctx.block('join');
      this.joiners.push(w);
      return { blocked: w };
    },
  };
}
