// Pipe: two ends, each with its own inbox. send() on one end lands in the other's inbox;
// recv() on an empty inbox blocks, or raises EOFError once the other end is closed.
// Messages waiting in an inbox count against the run's held caps.
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { ArgError, err, type Holdings, type KernelObject, type OpHandler } from '../kernel-object';
import { WaitList } from '../waiter';
import { Deque } from './deque';

/** A message, its JSON size as held, and the seq of the send that produced it. */
interface Entry { v: unknown; b: number; from: number }
interface End { inbox: Deque<Entry>; receivers: WaitList; closed: boolean }

export class KPipe implements KernelObject {
  readonly kind = 'Pipe' as const;
  private readonly ends: [End, End] = [newEnd(), newEnd()];
  constructor(readonly id: string, readonly label: string, private readonly held: Holdings) {}

  state(): ObjectState {
    return { size: this.ends[0].inbox.length + this.ends[1].inbox.length, waiters: this.ends[0].receivers.size + this.ends[1].receivers.size };
  }

  info(): ObjectInfo { return { kind: 'Pipe', label: this.label }; }

  private end(e: unknown): [End, End] {
    if (e !== 0 && e !== 1) throw new ArgError('pipe end must be 0 or 1');
    return [this.ends[e], this.ends[1 - e]];
  }

  private eof(): { code: string; message: string } {
    return { code: 'EOFError', message: `${this.label}: the other end is closed and nothing is left to read` };
  }

  readonly ops: Record<string, OpHandler> = {
    send: (ctx, [e, x]) => {
      const [mine, other] = this.end(e);
      if (mine.closed) return err('OSError', `${this.label} end ${String(e)}: handle is closed`);
      if (other.closed) return err('BrokenPipeError', `${this.label}: the other end is closed`);
      const r = other.receivers.shift();
      if (r) { r.clearTimer(); r.deliver(x, ctx.seq); return { value: null }; }
      const entry = { v: x, b: ctx.argBytes, from: ctx.seq };
      this.held.hold(entry.b, 1);
      other.inbox.push(entry);
      return { value: null };
    },
    recv: (ctx, [e]) => {
      const [mine, other] = this.end(e);
      if (mine.closed) return err('OSError', `${this.label} end ${String(e)}: handle is closed`);
      const entry = mine.inbox.shift();
      if (entry) { this.held.release(entry.b, 1); return entry.from ? { value: entry.v, item: entry.from } : { value: entry.v }; }
      if (other.closed) return { error: this.eof() };
      const w = ctx.block('recv');
      mine.receivers.push(w);
      return { blocked: w };
    },
    /** Non-blocking: is there something to read (or an EOF to report) right now? */
    poll: (_c, [e]) => {
      const [mine, other] = this.end(e);
      return { value: mine.inbox.length > 0 || other.closed };
    },
    close: (_c, [e]) => {
      const [mine, other] = this.end(e);
      mine.closed = true;
      // Whoever waits on the other end will never get more: wake them with EOF.
      for (const r of other.receivers.drain()) { r.clearTimer(); r.fail(this.eof()); }
      for (const r of mine.receivers.drain()) { r.clearTimer(); r.fail({ code: 'OSError', message: 'handle closed while waiting' }); }
      return { value: null };
    },
  };
}

function newEnd(): End { return { inbox: new Deque(), receivers: new WaitList(), closed: false }; }
