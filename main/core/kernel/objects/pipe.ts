// Pipe: two ends, each with its own inbox. send() on one end lands in the other's inbox;
// recv() on an empty inbox blocks. As in Python, each process holds its own copy of an end:
// the process that made the pipe holds both, a child gets copies (under fork, of every end
// its parent holds; under spawn, of those passed to it), and close() closes only the caller's
// copy. recv() raises EOFError only once every copy of the other end is closed (or its holder
// has exited): a parent that still holds its copy of the child's end waits on, as in the seed.
// Messages waiting in an inbox count against the run's held caps.
import type { ObjectInfo, ObjectState } from '../../../../shared/events';
import { ArgError, err, type Holdings, type KernelObject, type OpHandler } from '../kernel-object';
import { WaitList, type Waiter } from '../waiter';
import { Deque } from './deque';

/** A message, its JSON size as held, and the seq of the send that produced it. */
interface Entry { v: unknown; b: number; from: number }
interface End { inbox: Deque<Entry>; receivers: WaitList; holders: Map<number, number> }

export class KPipe implements KernelObject {
  readonly kind = 'Pipe' as const;
  private readonly ends: [End, End] = [newEnd(), newEnd()];

  /** `creator`: the process that made it holds both ends. */
  constructor(readonly id: string, readonly label: string, private readonly held: Holdings, creator?: number) {
    if (creator !== undefined) for (const e of this.ends) e.holders.set(creator, 1);
  }

  state(): ObjectState {
    return { size: this.ends[0].inbox.length + this.ends[1].inbox.length, waiters: this.ends[0].receivers.size + this.ends[1].receivers.size };
  }

  info(): ObjectInfo { return { kind: 'Pipe', label: this.label }; }

  private end(e: unknown): [End, End] {
    if (e !== 0 && e !== 1) throw new ArgError('pipe end must be 0 or 1');
    return [this.ends[e], this.ends[1 - e]];
  }

  /** Whether `pid` holds a copy of end `e`. */
  holds(pid: number, e: 0 | 1): boolean { return (this.ends[e].holders.get(pid) ?? 0) > 0; }

  /** `pid` gets a copy of end `e` (a child started with it, or inheriting it by fork). */
  adopt(pid: number, e: 0 | 1): void {
    const h = this.ends[e].holders;
    h.set(pid, (h.get(pid) ?? 0) + 1);
  }

  /** A process exited: every copy it held is closed. */
  dropHolder(pid: number): void {
    for (const e of [0, 1] as const) if (this.ends[e].holders.delete(pid)) this.closedCopy(e);
  }

  private eof(): { code: string; message: string } {
    return { code: 'EOFError', message: `${this.label}: every copy of the other end is closed and nothing is left to read` };
  }

  /** After a copy of end `e` closed: if none is left, whoever waits on the other end gets EOF. */
  private closedCopy(e: 0 | 1): void {
    if (this.ends[e].holders.size > 0) return;
    for (const r of this.ends[1 - e].receivers.drain()) { r.clearTimer(); r.fail(this.eof()); }
  }

  readonly ops: Record<string, OpHandler> = {
    send: (ctx, [e, x]) => {
      const [mine, other] = this.end(e);
      if (!mine.holders.has(ctx.pid) && mine.holders.size === 0) return err('OSError', `${this.label} end ${String(e)}: handle is closed`);
      if (other.holders.size === 0) return err('BrokenPipeError', `${this.label}: every copy of the other end is closed`);
      const r = other.receivers.shift();
      if (r) { r.clearTimer(); r.deliver(x, ctx.seq); return { value: null }; }
      const entry = { v: x, b: ctx.argBytes, from: ctx.seq };
      this.held.hold(entry.b, 1);
      other.inbox.push(entry);
      return { value: null };
    },
    recv: (ctx, [e]) => {
      const [mine, other] = this.end(e);
      if (!mine.holders.has(ctx.pid) && mine.holders.size === 0) return err('OSError', `${this.label} end ${String(e)}: handle is closed`);
      const entry = mine.inbox.shift();
      if (entry) { this.held.release(entry.b, 1); return entry.from ? { value: entry.v, item: entry.from } : { value: entry.v }; }
      if (other.holders.size === 0) return { error: this.eof() };
      const w: Waiter = ctx.block('recv');
      // Who could still send: every holder of a copy of the other end (this process too, if it holds one).
      w.waitsFor = () => [...other.holders.keys()];
      mine.receivers.push(w);
      return { blocked: w };
    },
    /** Non-blocking: is there something to read (or an EOF to report) right now? */
    poll: (_c, [e]) => {
      const [mine, other] = this.end(e);
      return { value: mine.inbox.length > 0 || other.holders.size === 0 };
    },
    /** Closes the caller's copy of the end. */
    close: (ctx, [e]) => {
      const end = e === 0 || e === 1 ? e : undefined;
      if (end === undefined) throw new ArgError('pipe end must be 0 or 1');
      const mine = this.ends[end];
      const n = mine.holders.get(ctx.pid) ?? 0;
      if (n > 1) mine.holders.set(ctx.pid, n - 1);
      else if (n === 1) mine.holders.delete(ctx.pid);
      // Its own waits on this end end too (Python raises OSError in a recv on a closed handle).
      for (const r of mine.receivers.drain()) {
        if (r.pid === ctx.pid) { r.clearTimer(); r.fail({ code: 'OSError', message: 'handle closed while waiting' }); } else mine.receivers.push(r);
      }
      if (n > 0) this.closedCopy(end);
      return { value: null };
    },
  };
}

function newEnd(): End { return { inbox: new Deque(), receivers: new WaitList(), holders: new Map() }; }
