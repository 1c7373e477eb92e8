// Version-2 streams for the live model's tests: one scripted classroom run that goes
// through every kind of link, and seeded random runs of any length.
import {
  Sim, SimArray, SimCondition, SimDict, SimEvent, SimList, SimLock, SimNamespace, SimPipe, SimQueue, SimSemaphore, SimValue,
} from './v2-sim';

/** A scripted run: a bounded queue with blocked gets and puts, a lock with a waiter, a
 *  Condition with notify_all and re-acquire, an Event, a Pipe closed under a reader, a
 *  JoinableQueue join, manager list/dict/namespace, Value/Array, spawn/join/exit, a daemon,
 *  a crash, sleeps and prints. */
export function classroomRun() {
  const s = new Sim();
  const main = s.root();
  const q = s.create(main, new SimQueue('q', 2));
  const lock = s.create(main, new SimLock('lock'));
  const cond = s.create(main, new SimCondition('cond'));
  const ready = s.create(main, new SimEvent('ready'));
  const pipe = s.create(main, new SimPipe('pipe'));
  const tasks = s.create(main, new SimQueue('tasks', 0, true));
  const names = s.create(main, new SimList('names'));
  const ages = s.create(main, new SimDict('ages'));
  const ns = s.create(main, new SimNamespace('ns'));
  const counter = s.create(main, new SimValue('counter', 0));
  const arr = s.create(main, new SimArray('arr', [0, 0, 0]));
  const sem = s.create(main, new SimSemaphore('sem', 2, 2));

  const prod = s.spawn(main, 'producer', 'producer');
  const cons = s.spawn(main, 'consumer', 'consumer');
  const w1 = s.spawn(main, 'worker', 'w1');
  const w2 = s.spawn(main, 'worker', 'w2');
  const helper = s.spawn(w1, 'helper', 'w1-helper');
  const daemon = s.spawn(main, 'watcher', 'watcher', true);

  // Queue: a get that blocks on an empty queue, a put that feeds it, a put that waits for room.
  q.get(cons);
  q.put(prod, 'a');
  q.put(prod, 'b'); q.put(prod, 'c'); q.put(prod, 'd');
  s.tick(500);
  q.get(cons); q.get(cons); q.get(cons);

  // Lock: w2 waits for w1.
  lock.acquire(w1); lock.acquire(w2); s.tick(300);
  lock.release(w1); lock.release(w2);

  // Condition: two waiters, notify_all, each re-acquires in turn; a third wait times out.
  cond.acquire(w1); cond.wait(w1);
  cond.acquire(w2); cond.wait(w2);
  cond.acquire(main); cond.notify(main, 1, true); s.tick(200);
  cond.release(main);
  cond.release(w1);
  cond.release(w2);
  cond.acquire(helper); cond.wait(helper); s.tick(100); s.wake(helper); cond.release(helper);

  // Event: two waiters, one set.
  ready.wait(w1); ready.wait(w2); s.tick(100); ready.set(main); ready.wait(cons);

  // Pipe: a blocked recv fed by a send, a message in flight, a recv ended by close.
  pipe.recv(cons, 1); pipe.send(prod, 0, 'hello');
  pipe.send(prod, 0, { n: 2 }); pipe.recv(cons, 1);
  pipe.send(cons, 1, 'left in flight');
  pipe.recv(cons, 1); s.tick(100); pipe.close(prod, 0);

  // JoinableQueue: main joins until both tasks are done.
  tasks.put(main, 't1'); tasks.put(main, 't2'); tasks.join(main);
  tasks.get(w1); tasks.task_done(w1); tasks.get(w2); s.tick(100); tasks.task_done(w2);

  // Manager objects, Value, Array.
  names.append(w1, 'ada'); names.append(w2, 'bob'); names.append(w1, 'cy'); names.remove(w2, 'ada'); names.set(w1, 0, 'bo'); names.get(w2, -1);
  names.remove(w2, 'nobody');
  ages.set(w1, 'ada', 36); ages.set(w2, 'bob', 41); ages.set(w1, 7, [1, 2]); ages.delete(w2, 'bob'); ages.get(w1, 'zed');
  ns.set(w1, 'x', 1); ns.set(w2, 'y', { deep: [1, 2] }); ns.get(w2, 'x'); ns.delete(w1, 'x'); ns.get(w1, 'x');
  counter.get(w1); counter.get(w2); counter.set(w1, 1); counter.set(w2, 1);
  arr.set(w1, 1, 5); arr.set(w2, 2, 7);

  // Semaphore: cons waits for a slot.
  sem.acquire(w1); sem.acquire(w2); sem.acquire(cons); s.tick(100); sem.release(w1); sem.release(w2); sem.release(cons);
  sem.release(main); // over the bound: ValueError

  // Sleeping and printing; an error line.
  s.sleep(main, 1); s.print(w1, 'w1 says hello'); s.print(helper, 'helper says hello'); s.tick(1000); s.wake(main);
  s.error(w2, 'Traceback: something went wrong', 'traceback');

  // Ends: main joins w1 (blocks), w1 waits for its helper, the helper returns; w2 crashes.
  s.join(main, w1);
  s.exit(w1);
  s.exit(helper, 3, 'exit');
  s.died(w2, null, 'SIGKILL', 'crashed');
  s.error(w2, 'w2 (pid) was killed by SIGKILL before its program finished', 'crash');
  s.exit(prod);
  s.exit(cons);
  s.join(main, cons);
  s.exit(main); // the daemon is terminated, then main ends

  return { sim: s, events: s.events, pids: { main, prod, cons, w1, w2, helper, daemon }, objects: { q, lock, cond, ready, pipe, tasks, names, ages, ns, counter, arr, sem } };
}

/** A small seeded generator (mulberry32). */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random run of about `n` events: processes spawn, put, get, lock, wait, notify, set,
 * send, sleep, print, join and exit at random; whenever every process is blocked one of them
 * times out, so the run never hangs.
 */
export function randomRun(seed: number, n: number, maxProcs = 12) {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const s = new Sim(1);
  const main = s.root();
  const q = s.create(main, new SimQueue('q', 3));
  const lock = s.create(main, new SimLock('lock'));
  const cond = s.create(main, new SimCondition('cond'));
  const ev = s.create(main, new SimEvent('ev'));
  const pipe = s.create(main, new SimPipe('pipe'));
  const jq = s.create(main, new SimQueue('jq', 0, true));
  const list = s.create(main, new SimList('list'));
  const dict = s.create(main, new SimDict('dict'));
  const ns = s.create(main, new SimNamespace('ns'));
  const val = s.create(main, new SimValue('val', 0));
  const arr = s.create(main, new SimArray('arr', [0, 0, 0, 0]));
  const sem = s.create(main, new SimSemaphore('sem', 2, 2));
  const held = new Map<number, number>(); // pid → semaphore slots held
  const taken = new Map<number, number>(); // pid → jq tasks taken, not done
  let spawned = 0;
  const live = (): number[] => [...s.procs.values()].filter((p) => p.alive).map((p) => p.pid);

  const holds = (pid: number): boolean => lock.owner === pid || cond.lock.owner === pid || (held.get(pid) ?? 0) > 0;
  let stalled = 0;
  let before = -1;
  while (s.events.length < n && stalled < 10_000) {
    stalled = s.events.length === before ? stalled + 1 : 0;
    before = s.events.length;
    const alive = live();
    const runnable = alive.filter((pid) => !s.blocked(pid));
    if (runnable.length === 0 || r() < 0.05) {
      const blocked = alive.filter((pid) => s.blocked(pid));
      if (blocked.length) s.wake(pick(blocked));
      if (runnable.length === 0) continue;
    }
    const pid = pick(runnable);
    if (r() < 0.3) s.tick(Math.floor(r() * 200));
    const k = Math.floor(r() * 30);
    const v = Math.floor(r() * 100);
    switch (k) {
      case 0: case 1: q.put(pid, v); break;
      case 2: case 3: q.get(pid, r() < 0.9); break;
      case 4: if (lock.owner === pid) lock.release(pid); else lock.acquire(pid); break;
      case 5: if (cond.lock.owner !== pid) cond.acquire(pid); else if (r() < 0.4) cond.wait(pid); else if (r() < 0.5) cond.notify(pid, 1, r() < 0.5); else cond.release(pid); break;
      case 6: if (r() < 0.3) ev.set(pid); else if (r() < 0.5) ev.clear(pid); else ev.wait(pid); break;
      case 7: if ((held.get(pid) ?? 0) > 0) { sem.release(pid); held.set(pid, held.get(pid)! - 1); } else { sem.acquire(pid); held.set(pid, 1); } break;
      case 8: pipe.send(pid, 0, `m${v}`); break;
      case 9: pipe.recv(pid, 1); break;
      case 10: if (jq.items.length < 20) jq.put(pid, v); break;
      case 11: if ((taken.get(pid) ?? 0) > 0) { jq.task_done(pid); taken.set(pid, taken.get(pid)! - 1); } else { jq.get(pid, false); if (!s.events[s.events.length - 1].error) taken.set(pid, 1); } break;
      case 12: if (r() < 0.2) jq.join(pid); break;
      case 13: list.append(pid, v); break;
      case 14: if (list.items.length) { if (r() < 0.5) list.remove(pid, pick(list.items)); else list.get(pid, Math.floor(r() * list.items.length)); } break;
      case 15: dict.set(pid, `k${v % 7}`, v); break;
      case 16: if (r() < 0.5) dict.get(pid, `k${v % 7}`); else dict.delete(pid, `k${v % 7}`); break;
      case 17: ns.set(pid, `a${v % 3}`, v); break;
      case 18: ns.get(pid, `a${v % 3}`); break;
      case 19: if (r() < 0.5) val.get(pid); else val.set(pid, v); break;
      case 20: if (r() < 0.5) arr.set(pid, v % 4, v); else arr.get(pid, v % 4); break;
      case 21: s.sleep(pid, 1); break;
      case 22: s.print(pid, `line ${v} from ${pid}`); break;
      case 23:
        if (alive.length < maxProcs) s.spawn(pid, 'worker', `w${++spawned}`, r() < 0.2);
        break;
      case 24: {
        const kids = s.procs.get(pid)!.children.filter((c) => s.procs.get(c)!.alive || r() < 0.1);
        if (kids.length) s.join(pid, pick(kids));
        break;
      }
      // A process ends holding nothing, or the others could wait on a dead owner for ever.
      case 25: if (pid !== main && !holds(pid) && r() < 0.3) s.exit(pid, r() < 0.9 ? 0 : 1); break;
      case 26: if (pid !== main && !holds(pid) && r() < 0.05) s.died(pid, null, 'SIGKILL', 'crashed'); break;
      case 27: if (r() < 0.1) s.error(pid, `error ${v}`); break;
      default: q.put(pid, v, false);
    }
  }
  return { sim: s, events: s.events };
}

/** `waiters` processes wait on one Event and on one Condition; one set and one notify_all wake them all. */
export function massWakeRun(waiters = 200) {
  const s = new Sim();
  const main = s.root();
  const ev = s.create(main, new SimEvent('go'));
  const cond = s.create(main, new SimCondition('cond'));
  const pids = Array.from({ length: waiters }, (_, i) => s.spawn(main, 'waiter', `waiter-${i}`));
  for (const pid of pids) ev.wait(pid);
  ev.set(main);
  for (const pid of pids) { cond.acquire(pid); cond.wait(pid); }
  cond.acquire(main);
  cond.notify(main, 1, true);
  cond.release(main);
  for (const pid of pids) cond.release(pid);
  for (const pid of pids) s.exit(pid);
  s.exit(main);
  return { sim: s, events: s.events, main, pids };
}
