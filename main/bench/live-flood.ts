// A fast generator of long version-2 streams (for the live model's size and speed figures):
// a main process spawning producers and consumers, producers putting into an unbounded
// queue, consumers getting from it (blocking when it is empty, woken by the put that feeds
// them, which is also the item's origin), a lock taken around a shared Value, prints.
// Streams batch by batch, so a million events need not be held at once.
import type { LabEvent } from '../../shared/events';

export class FloodStream {
  private seq = 0;
  private t = 0;
  private out: LabEvent[] = [];
  private readonly main = 1000;
  private readonly pids: number[] = [];
  private readonly items: number[] = []; // seqs of the puts whose items are in the queue
  private readonly waiting: { pid: number; call: number }[] = [];
  private total = 0;
  private k = 0;

  constructor(private readonly producers = 4, consumers = 4) {
    const main = this.main;
    this.add({ pid: main, ph: 'I', kind: 'life', life: 'created', obj: `proc:${main}`, proc: { name: 'MainProcess', program: 'main', parentPid: null, daemon: false } });
    this.add({ pid: main, ph: 'X', kind: 'op', obj: 'q', op: 'create', call: 2, object: { kind: 'Queue', label: 'q', maxsize: 0 }, state: { size: 0, waiters: 0 } });
    this.add({ pid: main, ph: 'X', kind: 'op', obj: 'lock', op: 'create', call: 3, object: { kind: 'Lock', label: 'lock' }, state: { owner: null, waiters: 0 } });
    this.add({ pid: main, ph: 'X', kind: 'op', obj: 'total', op: 'create', call: 4, object: { kind: 'Value', label: 'total', initial: 0 }, state: { value: 0 } });
    for (let i = 0; i < producers + consumers; i++) {
      const pid = 2000 + i;
      const b = this.add({ pid: main, ph: 'B', kind: 'op', obj: 'kernel', op: 'spawn', call: this.seq + 1, args: ['worker', [], {}] });
      const c = this.add({ pid, ph: 'I', kind: 'life', life: 'created', obj: `proc:${pid}`, cause: b.seq, proc: { name: i < producers ? `producer-${i}` : `consumer-${i}`, program: 'worker', parentPid: main, daemon: false } });
      this.add({ pid: main, ph: 'E', kind: 'op', obj: 'kernel', op: 'spawn', call: b.seq, cause: c.seq, value: { pid } });
      this.pids.push(pid);
    }
  }

  private add(e: Omit<LabEvent, 'seq' | 't'>): LabEvent {
    const x = { seq: ++this.seq, t: (this.t += 7), ...e } as LabEvent;
    this.out.push(x);
    return x;
  }

  /** The next `n` events or a few more (an operation's wake comes with it). */
  next(n: number): LabEvent[] {
    const { items, waiting } = this;
    while (this.out.length < n) {
      const pid = this.pids[this.k++ % this.pids.length];
      const k = this.k;
      if (pid < 2000 + this.producers) {
        const put = this.add({ pid, ph: 'X', kind: 'op', obj: 'q', op: 'put', call: this.seq + 1, args: [k, true, null], value: null, state: { size: items.length + (waiting.length ? 0 : 1), waiters: Math.max(0, waiting.length - 1) } });
        const w = waiting.shift();
        if (w) this.add({ pid: w.pid, ph: 'E', kind: 'op', obj: 'q', op: 'get', call: w.call, cause: put.seq, item: put.seq, value: k, state: { size: items.length, waiters: waiting.length } });
        else items.push(put.seq);
        if (k % 16 === 1) this.add({ pid, ph: 'I', kind: 'print', text: `produced ${k}` });
      } else if (waiting.some((w) => w.pid === pid)) {
        continue;
      } else if (items.length) {
        const item = items.shift()!;
        this.add({ pid, ph: 'X', kind: 'op', obj: 'q', op: 'get', call: this.seq + 1, args: [true, null], value: k, item, state: { size: items.length, waiters: waiting.length } });
        this.add({ pid, ph: 'X', kind: 'op', obj: 'lock', op: 'acquire', call: this.seq + 1, args: [true, null], value: true, state: { owner: pid, waiters: 0 } });
        this.add({ pid, ph: 'X', kind: 'op', obj: 'total', op: 'set', call: this.seq + 1, args: [++this.total], value: null, state: { value: this.total } });
        this.add({ pid, ph: 'X', kind: 'op', obj: 'lock', op: 'release', call: this.seq + 1, args: [], value: null, state: { owner: null, waiters: 0 } });
      } else {
        const b = this.add({ pid, ph: 'B', kind: 'op', obj: 'q', op: 'get', call: this.seq + 1, args: [true, null], state: { size: 0, waiters: waiting.length + 1 } });
        waiting.push({ pid, call: b.seq });
      }
    }
    const batch = this.out;
    this.out = [];
    return batch;
  }
}

/** The first `n` (or a few more) events of a flood. */
export function floodEvents(n: number, producers = 4, consumers = 4): LabEvent[] {
  return new FloodStream(producers, consumers).next(n);
}
