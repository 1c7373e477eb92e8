// The worker's side of the kernel protocol: numbers calls, sends them once per event-loop
// turn in one message, and matches the replies. Everything a program does to a shared
// object goes through here.
import { KERNEL_ID, type Call, type HostToWorker, type Notice, type WireError } from '../protocol/worker-protocol';
import type { HostChannel } from './host-channel';

/** An error raised in the program when the kernel refuses an operation (Empty, Full, ...). */
export class LabError extends Error {
  constructor(readonly code: string, message: string) { super(message); this.name = code; }
}

type Pending = { resolve: (v: unknown) => void; reject: (e: Error) => void };

export class KernelClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private outbox: Call[] = [];
  private scheduled = false;
  private lastSeq = 0;
  private owesAck = false;
  /** Turns wire values into live handles (set by the lab API). */
  revive: (v: unknown) => unknown = (v) => v;
  /** Turns live handles into wire values. */
  encode: (v: unknown) => unknown = (v) => v;
  onNotice: (n: Notice) => void = () => {};

  constructor(private readonly channel: HostChannel) {}

  call(obj: string, op: string, args: unknown[] = []): Promise<unknown> {
    const id = this.nextId++;
    this.outbox.push([id, obj, op, args.map(this.encode)]);
    this.schedule();
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }

  /** Fire and forget: for operations that can neither block nor fail in the caller's eyes. */
  cast(obj: string, op: string, args: unknown[] = []): void {
    this.outbox.push([0, obj, op, args.map(this.encode)]);
    this.schedule();
  }

  kernel(op: string, args: unknown[] = []): Promise<unknown> { return this.call(KERNEL_ID, op, args); }

  /** Called for the start message (sequence 1) and every batch. */
  receive(msg: HostToWorker): void {
    if (msg.t === 'start') this.lastSeq = 1;
    if (msg.t !== 'batch') return;
    this.lastSeq = msg.s;
    this.owesAck = true;
    this.schedule();
    for (const n of msg.n ?? []) this.onNotice(n);
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
    if (this.outbox.length) {
      const c = this.outbox;
      this.outbox = [];
      this.channel.send({ t: 'calls', c, ack: this.lastSeq });
    } else if (this.owesAck) {
      this.channel.send({ t: 'idle', ack: this.lastSeq });
    }
    this.owesAck = false;
  };
}
