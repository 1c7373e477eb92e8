// A fast generator of long version-2 streams (for the live model's size and speed figures): a main process,
// producers putting into an unbounded queue, consumers getting from it (blocking when it is
// empty, woken by the put that feeds them), a lock taken around a shared Value, prints.
import type { LabEvent } from '../../shared/events';

export function floodEvents(n: number, producers = 4, consumers = 4): LabEvent[] {
  const out: LabEvent[] = [];
  let seq = 0, t = 0;
  const add = (e: Omit<LabEvent, 'seq' | 't'>): LabEvent => { const x = { seq: ++seq, t: (t += 7), ...e } as LabEvent; out.push(x); return x; };
  const main = 1000;
  add({ pid: main, ph: 'I', kind: 'life', life: 'created', obj: `proc:${main}`, proc: { name: 'MainProcess', program: 'main', parentPid: null, daemon: false } });
  add({ pid: main, ph: 'X', kind: 'op', obj: 'q', op: 'create', call: 2, object: { kind: 'Queue', label: 'q', maxsize: 0 }, state: { size: 0, waiters: 0 } });
  add({ pid: main, ph: 'X', kind: 'op', obj: 'lock', op: 'create', call: 3, object: { kind: 'Lock', label: 'lock' }, state: { owner: null, waiters: 0 } });
  add({ pid: main, ph: 'X', kind: 'op', obj: 'total', op: 'create', call: 4, object: { kind: 'Value', label: 'total', initial: 0 }, state: { value: 0 } });
  const pids: number[] = [];
  for (let i = 0; i < producers + consumers; i++) {
    const pid = 2000 + i;
    const b = add({ pid: main, ph: 'B', kind: 'op', obj: 'kernel', op: 'spawn', call: seq + 1, args: ['worker', [], {}] });
    const c = add({ pid, ph: 'I', kind: 'life', life: 'created', obj: `proc:${pid}`, cause: b.seq, proc: { name: i < producers ? `producer-${i}` : `consumer-${i}`, program: 'worker', parentPid: main, daemon: false } });
    add({ pid: main, ph: 'E', kind: 'op', obj: 'kernel', op: 'spawn', call: b.seq, cause: c.seq, value: { pid } });
    pids.push(pid);
  }
  const items: number[] = []; // seqs of puts in the queue
  const waiting: { pid: number; call: number }[] = [];
  let total = 0, k = 0;
  while (seq < n) {
    const pid = pids[k++ % pids.length];
    if (pid < 2000 + producers) {
      const put = add({ pid, ph: 'X', kind: 'op', obj: 'q', op: 'put', call: seq + 1, args: [k, true, null], value: null, state: { size: items.length + (waiting.length ? 0 : 1), waiters: Math.max(0, waiting.length - 1) } });
      const w = waiting.shift();
      if (w) add({ pid: w.pid, ph: 'E', kind: 'op', obj: 'q', op: 'get', call: w.call, cause: put.seq, item: put.seq, value: k, state: { size: items.length, waiters: waiting.length } });
      else items.push(put.seq);
      if (k % 16 === 0) add({ pid, ph: 'I', kind: 'print', text: `produced ${k}` });
    } else if (waiting.some((w) => w.pid === pid)) {
      continue;
    } else if (items.length) {
      const item = items.shift()!;
      add({ pid, ph: 'X', kind: 'op', obj: 'q', op: 'get', call: seq + 1, args: [true, null], value: k, item, state: { size: items.length, waiters: waiting.length } });
      add({ pid, ph: 'X', kind: 'op', obj: 'lock', op: 'acquire', call: seq + 1, args: [true, null], value: true, state: { owner: pid, waiters: 0 } });
      add({ pid, ph: 'X', kind: 'op', obj: 'total', op: 'set', call: seq + 1, args: [++total], value: null, state: { value: total } });
      add({ pid, ph: 'X', kind: 'op', obj: 'lock', op: 'release', call: seq + 1, args: [], value: null, state: { owner: null, waiters: 0 } });
    } else {
      const b = add({ pid, ph: 'B', kind: 'op', obj: 'q', op: 'get', call: seq + 1, args: [true, null], state: { size: 0, waiters: waiting.length + 1 } });
      waiting.push({ pid, call: b.seq });
    }
  }
  return out;
}
