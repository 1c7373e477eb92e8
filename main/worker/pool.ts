// Pool, built the way Python builds it: worker processes that take tasks from one queue
// and put results on another. map() splits the inputs into chunks (Python's default
// chunksize), a worker retires after maxTasksPerChild chunks, and the pool starts a fresh
// worker in its place while the pool is open.
import type { Lab } from './lab';
import type { Queue } from './handles';
import type { ProcessHandle } from './process-handle';
import { POOL_WORKER_PROGRAM } from '../protocol/worker-protocol';
import { MAX_ITEM_BYTES } from '../protocol/limits';
import { measureJson } from '../protocol/json-size';
import { defaultChunksize, type PoolResult, type PoolTask } from '../protocol/pool-protocol';

// Part of the pool API as well (map()'s default chunksize).
export { defaultChunksize };

export interface PoolOptions { initializer?: string; maxTasksPerChild?: number; chunksize?: number }

/** Room for a chunk's items (or results) in one task, besides [job, index, "function", ...]. */
export const TASK_ROOM = MAX_ITEM_BYTES - 256;

/**
 * Cuts inputs into chunks of `size`; a chunk whose items would not travel as one task
 * (MAX_ITEM_BYTES) is halved until they do, so a large map still runs, in more tasks.
 */
export function chunksOf(inputs: readonly unknown[], size: number): unknown[][] {
  const out: unknown[][] = [];
  const add = (c: unknown[]): void => {
    if (c.length > 1 && measureJson(c, TASK_ROOM, Infinity, true).bytes > TASK_ROOM) {
      const half = Math.ceil(c.length / 2);
      add(c.slice(0, half));
      add(c.slice(half));
    } else out.push(c);
  };
  for (let i = 0; i < inputs.length; i += size) add(inputs.slice(i, i + size));
  return out;
}

export class Pool {
  private readonly workers = new Set<ProcessHandle>();
  private readonly starting = new Set<Promise<void>>();
  private readonly all: ProcessHandle[] = [];
  private closed = false;
  private nextJob = 1;
  private started = 0;
  private readonly results = new Map<number, (r: PoolResult) => void>();
  private collecting = false;

  private constructor(
    private readonly lab: Lab<unknown>, readonly size: number, private readonly opts: PoolOptions,
    private readonly tasks: Queue, private readonly out: Queue,
  ) {}

  static async create(lab: Lab<unknown>, size: number, opts: PoolOptions = {}): Promise<Pool> {
    if (!Number.isInteger(size) || size < 1) throw new RangeError('a Pool needs at least 1 process');
    const pool = new Pool(lab, size, opts, lab.queue({ name: 'pool-tasks' }), lab.queue({ name: 'pool-results' }));
    await Promise.all(Array.from({ length: size }, () => pool.startWorker()));
    return pool;
  }

  /** Every worker process this pool started, in order (retired ones included). */
  get processes(): readonly ProcessHandle[] { return this.all; }

  private async startWorker(): Promise<void> {
    // Python names them after their class: ForkPoolWorker-N (SpawnPoolWorker-N under spawn).
    const cls = this.lab.startMethod === 'spawn' ? 'SpawnPoolWorker' : 'ForkPoolWorker';
    this.started++;
    const p = await this.lab.spawn(POOL_WORKER_PROGRAM, [this.tasks, this.out, this.opts.initializer ?? null, this.opts.maxTasksPerChild ?? 0], { cls, daemon: true });
    this.workers.add(p);
    this.all.push(p);
    // A late start after close() still needs its pill, or join() would wait for ever.
    if (this.closed) await this.tasks.put(null);
    p.onExit(() => {
      this.workers.delete(p);
      if (!this.closed) this.replace();
    });
  }

  /** Starts a fresh worker for one that retired; join() waits for such starts too. */
  private replace(): void {
    const started = this.startWorker();
    this.starting.add(started);
    void started.finally(() => this.starting.delete(started));
  }

  /** Applies the scenario function `fn` to every input; results come back in input order. */
  async map<R = unknown>(fn: string, inputs: readonly unknown[], chunksize?: number): Promise<R[]> {
    if (this.closed) throw new Error('Pool not running');
    const size = chunksize ?? this.opts.chunksize ?? defaultChunksize(inputs.length, this.size);
    const job = this.nextJob++;
    const chunks = chunksOf(inputs, size);
    const done = new Promise<R[]>((resolve, reject) => {
      const parts: unknown[][] = new Array(chunks.length);
      const pieces = new Map<number, unknown[][]>(); // results that came in parts, by chunk
      let left = chunks.length;
      if (left === 0) { resolve([]); return; }
      this.results.set(job, ([, i, ok, v, , part, count]) => {
        if (!ok) { this.results.delete(job); reject(new Error(String(v))); return; }
        if (count !== undefined) {
          let got = pieces.get(i);
          if (!got) pieces.set(i, (got = new Array<unknown[]>(count)));
          got[part!] = v as unknown[];
          if (got.filter(Boolean).length < count) return;
          pieces.delete(i);
          v = got.flat();
        }
        parts[i] = v as unknown[];
        if (--left === 0) { this.results.delete(job); resolve(parts.flat() as R[]); }
      });
    });
    chunks.forEach((c, i) => void this.tasks.put([job, i, fn, c] satisfies PoolTask));
    void this.collect();
    return done;
  }

  /** One loop at a time reads the result queue and routes each result to its job. */
  private async collect(): Promise<void> {
    if (this.collecting) return;
    this.collecting = true;
    while (this.results.size > 0) {
      const r = await this.out.get<PoolResult>();
      this.results.get(r[0])?.(r);
    }
    this.collecting = false;
  }

  /** No more tasks: every worker gets a pill. */
  async close(): Promise<void> {
    this.closed = true;
    for (let i = 0; i < this.workers.size; i++) await this.tasks.put(null);
  }

  /** Waits for every worker to exit (after close()). */
  async join(): Promise<void> {
    if (!this.closed) throw new Error('join() needs close() first');
    while (this.workers.size > 0 || this.starting.size > 0) {
      if (this.starting.size > 0) await Promise.all(this.starting);
      else await [...this.workers][0].join();
    }
  }

  async terminate(): Promise<void> {
    this.closed = true;
    for (const p of this.workers) await p.terminate();
  }
}
