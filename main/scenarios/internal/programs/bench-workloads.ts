// The timed parent side of each benchmark metric. A workload returns how many operations
// it timed and how long they took; main/bench turns that into the metric's unit.
// `n` is the workload size (see main/bench/metrics.ts), `procs` the pool size (kernel-flood: its workers).
import type { ParamsOf } from '../../../../shared/scenario-meta';
import type { Lab } from '../../../worker/lab';
import type { benchMeta, Measurement } from '../bench-meta';
import { runCrew, type Member } from './bench-crew';
import type { FloodPlan } from './bench-flood';

type Workload = (lab: Lab<unknown>, n: number, procs: number) => Promise<Measurement>;

const since = (t0: number): number => (performance.now() - t0) / 1000;
const times = <T>(count: number, f: (i: number) => T): T[] => Array.from({ length: count }, (_, i) => f(i));

/** Queue throughput: `producers` put n items in all, `consumers` take them in equal shares. */
async function queueFlow(lab: Lab<unknown>, n: number, producers: number, consumers: number): Promise<Measurement> {
  if (n % producers || n % consumers) throw new Error(`n=${n} must divide by ${producers} and ${consumers}`);
  const q = lab.queue({ name: 'q' });
  const members: Member[] = [
    ...times(consumers, () => ({ program: 'consumer', args: [q, n / consumers] })),
    ...times(producers, () => ({ program: 'producer', args: [q, n / producers] })),
  ];
  return { seconds: await runCrew(lab, members), ops: n };
}

/** One workload per metric the metadata lists (../bench-meta.ts), checked by the compiler. */
export const BENCH_WORKLOADS: Record<ParamsOf<typeof benchMeta>['metric'], Workload> = {
  /** n times: start a process that does nothing, join it. */
  'process-start-sequential': async (lab, n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await (await lab.spawn('noop')).join();
    return { seconds: since(t0), ops: n };
  },

  /** n batches: start 10 processes, join them all. */
  'process-start-10': async (lab, n) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await lab.runAll('noop', times(10, () => []));
    return { seconds: since(t0), ops: n };
  },

  'queue-1-1': (lab, n) => queueFlow(lab, n, 1, 1),
  'queue-3-6': (lab, n) => queueFlow(lab, n, 3, 6),

  /** The parent puts n items and join()s; 4 daemon consumers get and task_done. */
  'joinable-4': async (lab, n) => {
    const q = lab.joinableQueue({ name: 'jq' });
    const ready = lab.queue({ name: 'ready' });
    for (let i = 0; i < 4; i++) await lab.spawn('taskDoer', [ready, q], { name: `consumer-${i}`, daemon: true });
    for (let i = 0; i < 4; i++) await ready.get();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await q.put(i);
    await q.join();
    return { seconds: since(t0), ops: n };
  },

  /** 10 processes share n acquire/release pairs on a Semaphore(3). */
  'semaphore-3-10': async (lab, n) => {
    const s = lab.semaphore(3, { name: 'sem' });
    return { seconds: await runCrew(lab, times(10, () => ({ program: 'semaphoreUser', args: [s, n / 10] }))), ops: n };
  },

  /** 4 processes share n sets on a manager dict, each with its own keys. */
  'manager-dict-4': async (lab, n) => {
    const d = lab.manager().dict<number>({ name: 'd' });
    return { seconds: await runCrew(lab, times(4, (w) => ({ program: 'dictSetter', args: [d, w, n / 4] }))), ops: n };
  },

  /** Pool(procs).map(double, range(n)) with the default chunksize; the pool is started before the clock. */
  'pool-map-100k': async (lab, n, procs) => {
    const pool = await lab.pool(procs);
    const inputs = times(n, (i) => i);
    const t0 = performance.now();
    const out = await pool.map<number>('double', inputs);
    const seconds = since(t0);
    if (out.length !== n || out[n - 1] !== (n - 1) * 2) throw new Error('pool.map returned wrong results');
    await pool.close();
    await pool.join();
    return { seconds, ops: n };
  },

  /** n round trips over a Pipe to an echoing child, after one untimed trip. */
  'pipe-rtt': async (lab, n) => {
    const [mine, theirs] = lab.pipe({ name: 'pipe' });
    const child = await lab.spawn('echo', [theirs, n + 1], { name: 'echo' });
    await mine.send(-1);
    await mine.recv();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) { await mine.send(i); await mine.recv(); }
    const seconds = since(t0);
    await child.join();
    return { seconds, ops: n };
  },

  /** n ping-pongs over two Events: each is two set → wake-up hand-overs. */
  'event-wakeup': async (lab, n) => {
    const ping = lab.event({ name: 'ping' });
    const pong = lab.event({ name: 'pong' });
    const ready = lab.queue({ name: 'ready' });
    const child = await lab.spawn('ponger', [ready, ping, pong, n], { name: 'ponger' });
    await ready.get();
    const t0 = performance.now();
    for (let i = 0; i < n; i++) { await ping.set(); await pong.wait(); await pong.clear(); }
    const seconds = since(t0);
    await child.join();
    return { seconds, ops: 2 * n };
  },

  // ---- lab only (no Python twin) ----

  /** n calls to the kernel, one at a time: the cost of one request and its reply. */
  'kernel-call-rtt': async (lab, n) => {
    const q = lab.queue({ name: 'q' });
    const t0 = performance.now();
    for (let i = 0; i < n; i++) await q.qsize();
    return { seconds: since(t0), ops: n };
  },

  /**
   * n messages from each flooding worker, the largest the caps allow: 1,000 small calls, or
   * about 128 KiB of the slowest shape to parse; each worker its own queue. procs 1: one worker
   * alternating both shapes (the flood); otherwise four, two of each.
   * main/bench/kernel-block.ts measures how long the kernel's thread is blocked meanwhile.
   */
  'kernel-flood': async (lab, n, procs) => {
    const plans: FloodPlan[] = procs === 1 ? ['both'] : ['calls', 'calls', 'bytes', 'bytes'];
    const members: Member[] = plans.map((plan, i) => ({ program: 'flooder', args: [lab.queue({ name: `flood${i}` }), plan, n] }));
    return { seconds: await runCrew(lab, members), ops: plans.length * n };
  },

  /** Many events fast, for the host memory check: about 2-3 events per item. */
  'event-flood': async (lab, n) => {
    const q = lab.queue({ name: 'q' });
    const members: Member[] = [
      ...times(4, () => ({ program: 'greedyConsumer', args: [q, n / 4] })),
      ...times(4, () => ({ program: 'burstProducer', args: [q, n / 4] })),
    ];
    return { seconds: await runCrew(lab, members), ops: n };
  },
};
