// The child programs of the benchmark workloads. Each is the plain loop a Python program
// would write; mp_bench.py has the same loops.
import type { Connection, Event, JoinableQueue, ManagerDict, Queue, Semaphore } from '../../../worker/handles';
import type { Program } from '../../programs/program';
import { crewMember } from './bench-crew';
import { floodWorker } from './bench-flood';

export const BENCH_WORKERS = {
  noop: async () => {},

  producer: crewMember(async (_lab, q: Queue, k: number) => {
    for (let i = 0; i < k; i++) await q.put(i);
  }),
  consumer: crewMember(async (_lab, q: Queue, k: number) => {
    for (let i = 0; i < k; i++) await q.get();
  }),
  semaphoreUser: crewMember(async (_lab, s: Semaphore, k: number) => {
    for (let i = 0; i < k; i++) { await s.acquire(); await s.release(); }
  }),
  dictSetter: crewMember(async (_lab, d: ManagerDict<number>, w: number, k: number) => {
    for (let j = 0; j < k; j++) await d.set(`${w}-${j}`, j);
  }),

  /** event-flood: puts go out 500 per message (the qsize() call ends the turn). */
  burstProducer: crewMember(async (_lab, q: Queue, k: number) => {
    for (let i = 0; i < k; i++) { await q.put(i); if (i % 500 === 499) await q.qsize(); }
  }),
  /** event-flood: keeps up to 50 gets in flight. */
  greedyConsumer: crewMember(async (_lab, q: Queue, k: number) => {
    for (let i = 0; i < k; i += 50) await Promise.all(Array.from({ length: Math.min(50, k - i) }, () => q.get()));
  }),

  /** A JoinableQueue consumer that runs until its parent exits (a daemon). */
  taskDoer: async (_lab, ready: Queue, q: JoinableQueue) => {
    await ready.put(1);
    for (;;) { await q.get(); await q.taskDone(); }
  },

  /** Sends back whatever arrives, n times. */
  echo: async (_lab, conn: Connection, n: number) => {
    for (let i = 0; i < n; i++) await conn.send(await conn.recv());
  },

  /** kernel-flood: the largest messages the caps allow, on the raw channel (bench-flood.ts). */
  flooder: floodWorker,

  /** The other half of the Event ping-pong: wait ping, clear it, set pong. */
  ponger: async (_lab, ready: Queue, ping: Event, pong: Event, n: number) => {
    await ready.put(1);
    for (let i = 0; i < n; i++) { await ping.wait(); await ping.clear(); await pong.set(); }
  },
} satisfies Record<string, Program>;
