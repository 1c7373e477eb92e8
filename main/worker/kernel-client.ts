// The worker's side of the kernel protocol: numbers calls, sends them once per event-loop
// turn, and matches the replies. Everything a program does to a shared object goes through
// here. A turn's calls go out in as few messages as the caps allow; an operation whose
// arguments pass MAX_ITEM_BYTES (or nest deeper than MAX_NESTING) raises at once in the
// program, and the kernel is told so it can note it (it checks everything again anyway).
import { LIMIT_ERROR, MAX_CALLS_PER_MESSAGE, MAX_ITEM_BYTES, MAX_MESSAGE_BYTES, MAX_NESTING, fmt, type CapName } from '../protocol/limits';
import { measureJson, stringJsonBytes } from '../protocol/json-size';
import { KERNEL_ID, type Call, type HostToWorker, type Notice, type WireError } from '../protocol/worker-protocol';
import type { HostChannel } from './host-channel';

/** An error raised in the program when the kernel refuses an operation (Empty, Full, ...). */
export class LabError extends Error {
  constructor(readonly code: string, message: string) { super(message); this.name = code; }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

/** `{"t":"calls","c":[],"ack":` and `}`: the bytes of a calls message besides its calls and ack. */
const HEADER_BYTES = '{"t":"calls","c":[],"ack":}'.length;

export interface CallOptions {
  /** The worker's own last words (traceback, atexit): an earlier refusal is not raised here. */
  final?: boolean;
}

export class KernelClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private outbox: Call[] = [];
  /** JSON bytes of each call in the outbox. */
  private sizes: number[] = [];
  private scheduled = false;
  private lastSeq = 0;
  private owesAck = false;
  /** A cast the kernel refused (a cap): the program's next operation raises it. */
  private refusal: LabError | null = null;
  /** Turns wire values into live handles (set by the lab API). */
  revive: (v: unknown) => unknown = (v) => v;
  /** Turns live handles into wire values. */
  encode: (v: unknown) => unknown = (v) => v;
  onNotice: (n: Notice) => void = () => {};

  constructor(private readonly channel: HostChannel) {}

  call(obj: string, op: string, args: unknown[] = [], o: CallOptions = {}): Promise<unknown> {
    const id = this.nextId++;
    try {
      this.enqueue(id, obj, op, args, o);
    } catch (e) {
      return Promise.reject(e as Error);
    }
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Fire and forget: for operations that can neither block nor fail in the caller's eyes. */
  cast(obj: string, op: string, args: unknown[] = [], o: CallOptions = {}): void {
    this.enqueue(0, obj, op, args, o);
  }

  kernel(op: string, args: unknown[] = [], o: CallOptions = {}): Promise<unknown> { return this.call(KERNEL_ID, op, args, o); }

  /** Checks and queues one call; throws what the program must see (an earlier refusal, a cap). */
  private enqueue(id: number, obj: string, op: string, args: unknown[], o: CallOptions): void {
    if (this.refusal && !o.final) {
      const e = this.refusal;
      this.refusal = null;
      throw e;
    }
    const wire = args.map(this.encode);
    const m = measureJson(wire, MAX_ITEM_BYTES, MAX_NESTING, true);
    if (m.tooDeep || m.bytes > MAX_ITEM_BYTES) {
      const cap: CapName = m.tooDeep ? 'nesting' : 'item-bytes';
      this.push([0, KERNEL_ID, 'limit_hit', [cap, obj, op]], 64);
      throw new LabError(LIMIT_ERROR, m.tooDeep
        ? `${op}(): its arguments nest lists or objects more than ${MAX_NESTING} deep, the most that may travel (MAX_NESTING)`
        : `${op}(): its arguments take more than ${fmt(MAX_ITEM_BYTES)} bytes as JSON, the most one operation may carry (MAX_ITEM_BYTES); send smaller items`);
    }
    // [id,"obj","op",args]: brackets, three commas, the id's digits and the two names.
    this.push([id, obj, op, wire], 5 + String(id).length + stringJsonBytes(obj) + stringJsonBytes(op) + m.bytes);
  }

  private push(call: Call, bytes: number): void {
    this.outbox.push(call);
    this.sizes.push(bytes);
    this.schedule();
  }

  /** Called for the start message (sequence 1) and every batch. */
  receive(msg: HostToWorker): void {
    if (msg.t === 'start') this.lastSeq = 1;
    if (msg.t !== 'batch') return;
    this.lastSeq = msg.s;
    this.owesAck = true;
    this.schedule();
    for (const n of msg.n ?? []) {
      if (n.kind === 'refused') this.refusal ??= new LabError(n.error.code, n.error.message);
      else this.onNotice(n);
    }
    for (const r of msg.r) {
      const p = this.pending.get(r[0]);
      if (!p) continue;
      this.pending.delete(r[0]);
      if (r[1] === 1) p.resolve(this.revive(r[2]));
      else { const e = r[2] as WireError; p.reject(new LabError(e.code, e.message)); }
    }
  }

  markStarted(): void { this.owesAck = true; this.schedule(); }

  private schedule(): void {
    if (!this.scheduled) { this.scheduled = true; setImmediate(this.flush); }
  }

  /** Runs after the program's code has gone as far as it can this turn. */
  private readonly flush = (): void => {
    this.scheduled = false;
    const ack = this.lastSeq;
    if (this.outbox.length) {
      const calls = this.outbox;
      const sizes = this.sizes;
      this.outbox = [];
      this.sizes = [];
      // As many calls per message as MAX_CALLS_PER_MESSAGE and MAX_MESSAGE_BYTES allow.
      const header = HEADER_BYTES + String(ack).length;
      let start = 0;
      let bytes = header;
      for (let i = 0; i < calls.length; i++) {
        const b = sizes[i] + 1;
        if (i > start && (i - start >= MAX_CALLS_PER_MESSAGE || bytes + b > MAX_MESSAGE_BYTES)) {
          this.channel.send({ t: 'calls', c: calls.slice(start, i), ack });
          start = i;
          bytes = header;
        }
        bytes += b;
      }
      this.channel.send({ t: 'calls', c: start === 0 ? calls : calls.slice(start), ack });
    } else if (this.owesAck) {
      this.channel.send({ t: 'idle', ack });
    }
    this.owesAck = false;
  };
}
