// The `lab` object every program receives: its identity, printing, sleeping, seeded
// randomness, process creation and the shared objects. It reads like the seeds:
//   const q = lab.queue();  await q.put(name);  const p = await lab.spawn('consumer', [q]);
import { availableParallelism } from 'node:os';
import { KERNEL_ID, type StartInfo } from '../protocol/worker-protocol';
import type { KernelClient } from './kernel-client';
import {
  Condition, Connection, Event, JoinableQueue, Lock, ManagerDict, ManagerList, Namespace, Queue,
  Semaphore, SharedArray, Value, type Handle,
} from './handles';
import { ProcessHandle } from './process-handle';
import type { ExitStatus } from '../protocol/worker-protocol';
import { Pool, type PoolOptions } from './pool';
import { formatForPrint } from './format';
import { Random } from './random';

/**
 * name: the process's own name (Python's name=); cls: the name of the Process subclass the
 * program is modelled on (Consumer → Consumer-1); neither: Process-N, as Python names it.
 */
export interface SpawnOptions { name?: string; daemon?: boolean; cls?: string }
/** A display name for an object in the run's events and charts. */
export interface Named { name?: string }
export interface Manager {
  list<T>(items?: T[], o?: Named): ManagerList<T>;
  dict<V>(o?: Named): ManagerDict<V>;
  namespace(o?: Named): Namespace;
}

/**
 * P is the scenario's parameters (ParamsOf its metadata): programs read `lab.params.iterations`
 * as a number. The kernel hands them over as JSON, checked against the scenario's specs.
 */
export class Lab<P = Readonly<Record<string, unknown>>> {
  readonly pid: number;
  readonly name: string;
  readonly parentPid: number | null;
  readonly daemon: boolean;
  readonly params: P;
  readonly timeUnitMs: number;
  /** How Python would have started this process: 'fork' or 'spawn'. */
  readonly startMethod: 'fork' | 'spawn';
  private readonly rng: Random;
  private objectCount = 0;
  private readonly children = new Map<number, ProcessHandle>();
  /**
   * Exits of children this process has no handle for yet. The kernel may send a spawn's
   * reply and the child's exit in one batch (or in two that Node hands over in one go), and
   * both are handled before `await spawn()` resumes: the exit waits here for its handle.
   */
  private readonly earlyExits = new Map<number, ExitStatus>();

  constructor(private readonly k: KernelClient, info: StartInfo) {
    this.pid = info.pid;
    this.name = info.name;
    this.parentPid = info.parentPid;
    this.daemon = info.daemon;
    this.params = info.params as P;
    this.timeUnitMs = info.timeUnitMs;
    this.startMethod = info.startMethod ?? 'fork';
    this.rng = new Random(info.seed);
    k.onNotice = (n) => {
      if (n.kind !== 'child-exit') return;
      const status = { exitCode: n.exitCode, signal: n.signal };
      const h = this.children.get(n.pid);
      if (h) h.exited(status);
      else this.earlyExits.set(n.pid, status);
    };
  }

  /** Python's multiprocessing.current_process(): this process's name, pid and daemon flag. */
  currentProcess(): { name: string; pid: number; daemon: boolean } {
    return { name: this.name, pid: this.pid, daemon: this.daemon };
  }

  /**
   * What Python's `__name__` is in this process: '__main__' in the parent; in a child,
   * '__main__' under fork (a copy of the parent) and '__mp_main__' under spawn (the main
   * module imported afresh under another name).
   */
  moduleName(): string {
    return this.parentPid === null || this.startMethod === 'fork' ? '__main__' : '__mp_main__';
  }

  /** Prints a line, tagged with this process, through the run's event log. */
  print(...parts: unknown[]): void { this.k.cast(KERNEL_ID, 'print', [formatForPrint(parts)]); }

  /** Records a named final value for the run's report (the "result" of the CLI's JSON). */
  result(key: string, value: unknown): void { this.k.cast(KERNEL_ID, 'result', [key, value]); }

  /** Sleeps `units` time units (one unit stands for one second of the seed). */
  async sleep(units: number): Promise<void> { await this.k.kernel('sleep', [units]); }

  /** A number in [0, 1) from this process's seeded stream. */
  random(): number { return this.rng.next(); }
  /** An integer in [lo, hi], both ends included, like Python's random.randint. */
  randint(lo: number, hi: number): number { return lo + Math.floor(this.rng.next() * (hi - lo + 1)); }

  cpuCount(): number { return availableParallelism(); }

  /** Starts a child process running `program`; resolves once it runs, with its pid. */
  async spawn(program: string, args: unknown[] = [], o: SpawnOptions = {}): Promise<ProcessHandle> {
    const r = (await this.k.kernel('spawn', [program, args, o])) as { pid: number; name: string };
    const h = new ProcessHandle(this.k, r.pid, r.name, o.daemon === true);
    this.children.set(r.pid, h);
    const early = this.earlyExits.get(r.pid);
    if (early) { this.earlyExits.delete(r.pid); h.exited(early); }
    return h;
  }

  /**
   * Starts one child per argument list, all at once like a loop of Python start() calls;
   * the handles come back in argument order. `names` gives each its own name.
   */
  startAll(program: string, argLists: unknown[][], o: SpawnOptions & { names?: string[] } = {}): Promise<ProcessHandle[]> {
    return Promise.all(argLists.map((args, i) => this.spawn(program, args, { daemon: o.daemon, name: o.names?.[i] ?? o.name })));
  }

  /** Joins every process, in order. */
  async joinAll(ps: readonly ProcessHandle[]): Promise<void> {
    for (const p of ps) await p.join();
  }

  /** Starts one child per argument list and waits for them all; the seeds' common pattern. */
  async runAll(program: string, argLists: unknown[][], o: SpawnOptions & { names?: string[] } = {}): Promise<ProcessHandle[]> {
    const ps = await this.startAll(program, argLists, o);
    await this.joinAll(ps);
    return ps;
  }

  /** Ends this process at once with `code`, like os._exit: no waiting for children. */
  async exit(code = 0): Promise<never> {
    await this.k.kernel('exit', [code], { final: true });
    process.exit(code);
  }

  // ---- shared objects ----------------------------------------------------------------

  private create<H extends Handle>(h: H, opts: object = {}): H {
    this.k.cast(KERNEL_ID, 'create', [h.kind, h.id, opts]);
    return h;
  }
  private newId(): string { return `${this.pid}.${++this.objectCount}`; }

  queue(o: { maxsize?: number; name?: string } = {}): Queue {
    return this.create(new Queue(this.k, this.newId(), checkSize(o.maxsize)), o);
  }
  joinableQueue(o: { maxsize?: number; name?: string } = {}): JoinableQueue {
    return this.create(new JoinableQueue(this.k, this.newId(), checkSize(o.maxsize)), o);
  }
  lock(o: { name?: string } = {}): Lock { return this.create(new Lock(this.k, this.newId()), o); }
  semaphore(value = 1, o: { bounded?: boolean; name?: string } = {}): Semaphore {
    if (!Number.isInteger(value) || value < 0) throw new RangeError('semaphore value must be an integer >= 0');
    return this.create(new Semaphore(this.k, this.newId()), { ...o, value });
  }
  event(o: { name?: string } = {}): Event { return this.create(new Event(this.k, this.newId()), o); }
  condition(lock?: Lock, o: { name?: string } = {}): Condition {
    return this.create(new Condition(this.k, this.newId()), { ...o, lockId: lock?.id });
  }
  /** Python's Manager(): here the kernel plays the manager's server process. */
  manager(): Manager {
    return {
      list: <T>(items: T[] = [], o: Named = {}) => this.create(new ManagerList<T>(this.k, this.newId()), { ...o, items }),
      dict: <V>(o: Named = {}) => this.create(new ManagerDict<V>(this.k, this.newId()), o),
      namespace: (o: Named = {}) => this.create(new Namespace(this.k, this.newId()), o),
    };
  }
  /** A shared number; like Python's Value, it comes with its own lock unless `lock: false`. */
  value(initial: number, o: { lock?: boolean; name?: string } = {}): Value {
    const lock = o.lock === false ? null : new Lock(this.k, this.newId());
    return this.create(new Value(this.k, this.newId(), lock), { value: initial, name: o.name, ...(lock ? { ownLockId: lock.id } : {}) });
  }
  array(items: number[], o: { lock?: boolean; name?: string } = {}): SharedArray {
    const lock = o.lock === false ? null : new Lock(this.k, this.newId());
    return this.create(new SharedArray(this.k, this.newId(), lock), { items, name: o.name, ...(lock ? { ownLockId: lock.id } : {}) });
  }
  /** A duplex pipe: two connected ends. */
  pipe(o: { name?: string } = {}): [Connection, Connection] {
    const id = this.newId();
    this.k.cast(KERNEL_ID, 'create', ['Pipe', id, o]);
    return [new Connection(this.k, id, 0), new Connection(this.k, id, 1)];
  }
  pool(processes: number, o: PoolOptions = {}): Promise<Pool> { return Pool.create(this, processes, o); }
}

function checkSize(maxsize: number | undefined): number {
  const m = maxsize ?? 0;
  if (!Number.isInteger(m) || m < 0) throw new RangeError('maxsize must be an integer >= 0 (0 = unbounded)');
  return m;
}
