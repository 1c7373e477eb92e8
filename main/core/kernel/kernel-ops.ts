// The operations the kernel answers itself: creating objects, the process table
// (spawn, join, is_alive, terminate, exit), sleeping, and printing.
import {
  MAX_OBJECTS_PER_RUN, MAX_PRINT_LINE_CHARS, MAX_PROCESSES_PER_RUN, fmt, type CapName,
} from '../../protocol/limits';
import type { ExitStatus } from '../../protocol/worker-protocol';
import { ArgError, KernelStopping, LimitError, err, timeoutMs, type OpContext, type OpHandler, type OpOutcome } from './kernel-object';
import { isHandleKind, type CreateOptions } from './object-factory';
import type { Kernel } from './kernel';
import type { ProcessEntry } from './process-entry';
import type { Waiter } from './waiter';
import { summarize } from './summarize';
import { cutLine } from './limit-guard';

/** Mixes a parent's seed with a child's number so each process gets its own random stream. */
export function childSeed(parentSeed: number, n: number): number {
  let h = (parentSeed ^ Math.imul(n + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) & 0x7fffffff;
}

// The shape workers read too: it lives with the protocol both sides import.
export type { ExitStatus };

export class KernelOps {
  /** Ops that record their own events instead of the generic op event. */
  readonly silent = new Set(['print', 'create', 'result', 'limit_hit']);
  private readonly joiners = new Map<number, Set<Waiter>>();
  private readonly exiting = new Map<number, Waiter>();

  constructor(private readonly k: Kernel) {}

  private proc(ctx: OpContext): ProcessEntry { return this.k.procs.get(ctx.pid)!; }

  private child(ctx: OpContext, pid: unknown): ProcessEntry {
    const c = typeof pid === 'number' ? this.k.procs.get(pid) : undefined;
    if (!c || c.parentPid !== ctx.pid) throw new ArgError(`process ${String(pid)} is not a child of process ${ctx.pid}: only a parent can do that`);
    return c;
  }

  readonly ops: Record<string, OpHandler> = {
    create: (ctx, [kind, id, opts]) => {
      if (!isHandleKind(kind)) return err('BadArgument', `cannot create ${summarize(kind)}`);
      if (typeof id !== 'string' || this.k.objects.has(id)) return err('BadArgument', `object id ${summarize(id)} is missing or already used`);
      const o = (opts ?? {}) as CreateOptions;
      const owned = kind === 'Condition' ? !o.lockId : (kind === 'Value' || kind === 'Array') && typeof o.ownLockId === 'string';
      if (this.k.objects.size + (owned ? 2 : 1) > MAX_OBJECTS_PER_RUN) {
        throw new LimitError('objects', `the run has ${fmt(this.k.objects.size)} shared objects, the most one run may create (MAX_OBJECTS_PER_RUN = ${fmt(MAX_OBJECTS_PER_RUN)}); no ${kind} was created`);
      }
      // A lock the object owns comes first, created visibly like any other object.
      for (const obj of this.k.factory.create(kind, id, o, ctx.pid)) {
        this.k.register(obj);
        this.k.recordCreate(ctx.pid, obj);
      }
      return { value: null };
    },

    /** A line longer than MAX_PRINT_LINE_CHARS is printed cut, and the program is told. */
    print: (ctx, [text, stream]) => {
      const line = typeof text === 'string' ? text : summarize(text);
      const long = line.length > MAX_PRINT_LINE_CHARS;
      const kept = long ? cutLine(line) : line;
      this.k.limits.spendText(kept.length);
      // A line printed to stderr is the worker's traceback of an error the program raised.
      this.k.record(stream === 'stderr' ? { pid: ctx.pid, ph: 'I', kind: 'error', op: 'traceback', text: kept } : { pid: ctx.pid, ph: 'I', kind: 'print', text: kept });
      if (long) throw new LimitError('print-line', `print(): a line of ${fmt(line.length)} characters was cut at ${fmt(MAX_PRINT_LINE_CHARS)}, the longest line a run keeps (MAX_PRINT_LINE_CHARS)`);
      return { value: null };
    },

    /** A named final value for the report; stored as a note event (counted as printed text). */
    result: (ctx, [key, value]) => {
      if (typeof key !== 'string' || key.length > 200) throw new ArgError('result key must be a string of at most 200 characters');
      const text = JSON.stringify(value ?? null);
      this.k.limits.spendText(text.length);
      this.k.record({ pid: ctx.pid, ph: 'I', kind: 'note', op: 'result', args: [key], text });
      return { value: null };
    },

    /**
     * The worker's own report that it refused an operation before sending it (its arguments
     * passed MAX_ITEM_BYTES or MAX_NESTING); the program has raised already. Noted and counted.
     */
    limit_hit: (ctx, [cap, objId, op]) => {
      if ((cap !== 'item-bytes' && cap !== 'nesting') || typeof objId !== 'string' || typeof op !== 'string') {
        throw new ArgError('limit_hit takes ["item-bytes" | "nesting", objectId, op]');
      }
      const obj = this.k.objects.get(objId);
      const what = cap === 'nesting' ? 'nested lists or objects too deep to travel (MAX_NESTING)' : 'arguments too large to travel (MAX_ITEM_BYTES)';
      this.k.refuse(this.proc(ctx), new LimitError(cap as CapName, `${op}(): ${what}; refused in the program before it was sent`), 0,
        { obj: obj?.label ?? objId, op, tellWorker: false });
      return { value: null };
    },

    /** os._exit(code): recorded, then the worker ends itself. */
    exit: (ctx, [code]) => {
      const p = this.proc(ctx);
      p.announced = { code: exitCode(code), how: 'exit' };
      p.lastAnswered = true;
      return { value: null };
    },

    /** A sleep longer than MAX_TIMEOUT_MS never ends within a run: it blocks for ever (hang detection judges). */
    sleep: (ctx, [units]) => {
      const ms = units === undefined || units === null ? 0 : timeoutMs(ctx, units);
      const w = ctx.block('sleep');
      w.objId = 'clock';
      w.withTimeout(ms, () => w.wake(null));
      return { blocked: w };
    },

    spawn: (ctx, [program, args, opts]) => this.spawn(ctx, program, args, opts),

    join: (ctx, [pid, timeout]) => {
      const c = this.child(ctx, pid);
      if (!c.alive) return { value: status(c) };
      const w = ctx.block('join');
      w.objId = `proc:${c.pid}`;
      w.waitsFor = () => [c.pid];
      w.withTimeout(timeoutMs(ctx, timeout), () => { this.joiners.get(c.pid)?.delete(w); w.wake(null); });
      let set = this.joiners.get(c.pid);
      if (!set) this.joiners.set(c.pid, (set = new Set()));
      set.add(w);
      w.detach = () => { set.delete(w); };
      return { blocked: w };
    },

    is_alive: (_ctx, [pid]) => {
      const c = typeof pid === 'number' ? this.k.procs.get(pid) : undefined;
      if (!c) throw new ArgError(`no process ${String(pid)} in this run`);
      return { value: c.alive };
    },

    terminate: (ctx, [pid]) => {
      const c = this.child(ctx, pid);
      if (c.alive) c.killFor('terminated', 'SIGTERM');
      return { value: null };
    },

    /**
     * The end of a program, as Python's interpreter exit does it: terminate the daemon
     * children, then wait for the others. The worker exits once this answers.
     */
    atexit: (ctx, [code]) => {
      const p = this.proc(ctx);
      const c = exitCode(code);
      p.announced = { code: c, how: c === 0 ? 'returned' : 'raised' };
      const w = ctx.block('atexit');
      w.objId = `proc:${p.pid}`;
      w.waitsFor = () => p.children.filter((pid) => this.k.procs.get(pid)!.alive);
      this.exiting.set(p.pid, w);
      w.detach = () => { this.exiting.delete(p.pid); };
      this.advanceExit(p);
      return { blocked: w };
    },
  };

  private spawn(ctx: OpContext, program: unknown, args: unknown, opts: unknown): OpOutcome {
    const k = this.k;
    if (typeof program !== 'string' || !k.opts.programs.includes(program)) {
      return err('BadArgument', `no program ${JSON.stringify(program)} in scenario ${k.opts.scenario}; it has: ${k.opts.programs.join(', ')}`);
    }
    if (!Array.isArray(args)) throw new ArgError('spawn args must be an array');
    const o = (opts ?? {}) as { name?: unknown; daemon?: unknown; cls?: unknown };
    if (o.name !== undefined && (typeof o.name !== 'string' || o.name.length > 100)) throw new ArgError('name must be a string of at most 100 characters');
    if (o.cls !== undefined && (typeof o.cls !== 'string' || !/^[A-Za-z_]\w{0,40}$/.test(o.cls))) throw new ArgError('cls must be a class name (letters, digits and _)');
    // Past a process cap the spawn raises ProcessLimit; a scenario's own cap ends the run (a runaway).
    const total = k.procs.size + k.pendingSpawns;
    const alive = k.liveCount + k.pendingSpawns;
    const maxTotal = k.opts.maxProcessesTotal ?? MAX_PROCESSES_PER_RUN;
    if (total >= maxTotal || alive >= k.opts.maxProcesses) {
      const what = total >= maxTotal ? 'total' : 'alive';
      const limit = what === 'total' ? maxTotal : k.opts.maxProcesses;
      const text = what === 'total'
        ? `process cap reached: this run has started ${total} processes, the most it may start (${limit})`
        : `process cap reached: ${alive} processes of this run are alive at once, the most it may have (maxProcesses = ${limit})`;
      if (k.opts.processCapEndsRun) {
        k.record({ pid: ctx.pid, ph: 'I', kind: 'note', op: 'cap', text });
        k.capRefusedBy.push(ctx.pid);
        setImmediate(() => k.finish({ kind: 'cap', attempted: total + 1, limit, what, by: ctx.pid }));
        // The cap is the lab's safety net, not something the program did wrong: the refused
        // start never returns (no traceback races the run's end); the run ends at once.
        return { blocked: ctx.block('spawn') };
      }
      throw new LimitError('processes', `spawn(): ${text}; wait for (join) some of them first`, 'ProcessLimit');
    }
    const parent = this.proc(ctx);
    const seed = childSeed(parent.seed, parent.spawnedCount++);
    // Python numbers every Process a process makes, named or not: Process-1, Consumer-2, Process-1:1.
    const identity = [...parent.identity, ++parent.childCounter];
    const name = typeof o.name === 'string' ? o.name : `${typeof o.cls === 'string' ? o.cls : 'Process'}-${identity.join(':')}`;
    const w = ctx.block('spawn');
    w.objId = 'kernel';
    w.kernelPending = true;
    parent.pendingSpawns++;
    const spawnSeq = ctx.seq;
    // After the spawn's own event: the child's creation follows it, and the answer follows that.
    k.afterOp(() => {
      k.startProcess(parent, program, args, { name, daemon: o.daemon === true, identity }, seed, spawnSeq).then(
        // Like fork() returning, spawn() answers once the child exists and is committed to run.
        (c) => {
          parent.pendingSpawns--;
          k.inheritHandles(parent, c, args);
          k.withCause(c.createdSeq, () => w.wake({ pid: c.pid, name: c.name }));
          this.advanceExit(parent);
        },
        (e: Error) => {
          parent.pendingSpawns--;
          if (!(e instanceof KernelStopping)) w.fail({ code: 'SpawnFailed', message: e.message });
          this.advanceExit(parent);
        },
      );
    });
    return { blocked: w };
  }

  /** Process exit, one step further: terminate daemon children, answer atexit once all are gone. */
  advanceExit(p: ProcessEntry): void {
    const w = this.exiting.get(p.pid);
    if (!w) return;
    for (const pid of p.children) {
      const c = this.k.procs.get(pid)!;
      if (c.alive && c.daemon && !c.killedByKernel) c.killFor('daemon', 'SIGTERM');
    }
    // A spawn still under way (a Python process cannot be mid-fork here; an async program can) lands first.
    w.kernelPending = p.pendingSpawns > 0;
    if (p.pendingSpawns === 0 && p.children.every((pid) => !this.k.procs.get(pid)!.alive)) {
      p.lastAnswered = true;
      w.wake(null);
    }
  }

  /** Wakes the joiners of a process that exited, tells its parent, and re-checks atexit waits. */
  onProcessExit(p: ProcessEntry): void {
    const st = status(p);
    const set = this.joiners.get(p.pid);
    if (set) { this.joiners.delete(p.pid); for (const w of set) w.wake(st); }
    if (p.parentPid !== null) {
      const parent = this.k.procs.get(p.parentPid);
      if (parent) {
        this.k.notify(parent, { kind: 'child-exit', pid: p.pid, exitCode: p.exitCode, signal: p.signal });
        this.advanceExit(parent);
      }
    }
  }
}

function exitCode(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > 255) throw new ArgError('an exit code is an integer from 0 to 255');
  return v as number;
}

function status(p: ProcessEntry): ExitStatus { return { exitCode: p.exitCode, signal: p.signal }; }
