// The kernel of one run: the process table, the shared objects, and the dispatcher that
// turns every worker call into an operation and an event. It knows nothing of Electron:
// processes come from a WarmPool over a ProcessPort.
import type { LabEvent } from '../../../shared/events';
import { normalizeArgs } from '../../../shared/op-args';
import { bounded } from '../../../shared/values';
import {
  MAX_BATCH_BYTES, MAX_ITEM_BYTES, MAX_NESTING,
  MAX_PRINT_LINE_CHARS, MAX_REFUSALS_PER_PROCESS, MAX_TIMEOUT_MS, fmt,
} from '../../protocol/limits';
import { measureJson } from '../../protocol/json-size';
import { KERNEL_ID, type Call, type Notice, type Reply, type StartInfo, type WireError } from '../../protocol/worker-protocol';
import type { WorkerHandle } from '../process-port/process-port';
import { EventRecorder, summarize, type EventDraft } from './event-recorder';
import { ArgError, KernelStopping, LimitError, type KernelObject, type OpContext, type OpOutcome } from './kernel-object';
import { KernelOps } from './kernel-ops';
import { LimitGuard, cutLine } from './limit-guard';
import { MessageIntake } from './message-intake';
import type { TurnClock } from './pacer';
import { ObjectFactory } from './object-factory';
import { ProcessEntry } from './process-entry';
import { KPipe } from './objects/pipe';
import { Waiter, type WaiterHost } from './waiter';
import { findHang, type HangFinding } from './hang-detector';

/**
 * How long after its creation a child's program is told to start, so that, as in Python,
 * the parent that started it usually gets on first. Python's child runs its target about
 * 1 ms after start() returns (1.5 ms after it began; measured here); a prepared worker
 * takes about 1 ms more to get its program going after this delay.
 */
export const CHILD_START_DELAY_MS = 1;

/** Refusals of one kind (cap and error code) by one process that get an error event of their own; the rest are counted. */
const LOGGED_REFUSALS = 10;

export interface KernelOptions {
  runId: string;
  scenario: string;
  programs: readonly string[];
  params: Record<string, unknown>;
  timeUnitMs: number;
  seed: number;
  /** Processes of the run alive at once (spawns under way included). */
  maxProcesses: number;
  /** Processes the run may start in all; MAX_PROCESSES_PER_RUN when not given. */
  maxProcessesTotal?: number;
  /**
   * A spawn past a process cap ends the run as a runaway (the scenario set maxProcesses:
   * fork-loop's lesson). Otherwise the spawn raises ProcessLimit and the run goes on.
   */
  processCapEndsRun?: boolean;
  /** A worker process for a new process of the run: a prepared one at once (the common case:
   *  the start costs what a fork costs), or a promise of one started on demand. */
  takeWorker: () => WorkerHandle | Promise<WorkerHandle>;
  /** 'fork' or 'spawn': how Python would start the run's processes (names, module state). */
  startMethod?: 'fork' | 'spawn';
  onEvents: (batch: LabEvent[]) => void;
  /** false skips the per-operation events (prints, lifecycle and results stay); only the
   *  benchmark uses it, to measure what recording costs. */
  recordOps?: boolean;
  /** The clock of the kernel's time budget per turn (pacer.ts); performance.now by default. */
  turnClock?: TurnClock;
}

/** Why the kernel thinks the run is over (the run controller picks the status). */
export type KernelEnd =
  | { kind: 'all-exited' }
  | { kind: 'hung'; finding: HangFinding }
  /** A runaway: a spawn past maxProcesses (alive at once) or maxProcessesTotal (in all). */
  | { kind: 'cap'; attempted: number; limit: number; what: 'alive' | 'total'; by: number };

export class Kernel implements WaiterHost {
  readonly procs = new Map<number, ProcessEntry>();
  readonly objects = new Map<string, KernelObject>();
  /** The run's pipes: a process that exits closes its copies of their ends. */
  private readonly pipes: KPipe[] = [];
  readonly recorder: EventRecorder;
  readonly crashed: number[] = [];
  readonly limits = new LimitGuard();
  readonly factory = new ObjectFactory((id) => this.objects.get(id), this.limits);
  private readonly kops: KernelOps;
  private readonly intake: MessageIntake;
  private readonly dirty = new Set<ProcessEntry>();
  private flushScheduled = false;
  private hangCheckScheduled = false;
  /** Wakes that happen inside an operation are recorded after that operation's own event. */
  private deferred: (() => void)[] | null = null;
  /** When the operation being dispatched began: its event time and its timeouts' origin. */
  private opStartUs: number | undefined;
  /** The seq of the event that causes what happens now (the operation being dispatched, an
   *  exit being handled, a child's creation): the wakes recorded now name it as their cause. */
  private cause: number | undefined;
  pendingSpawns = 0;
  /** Pids whose spawn a runaway cap refused, in order (the first ended the run; others may follow in the same turn). */
  readonly capRefusedBy: number[] = [];
  ending = false;
  private endListener: (end: KernelEnd) => void = () => {};
  private readonly recordOps: boolean;

  constructor(readonly opts: KernelOptions) {
    this.recordOps = opts.recordOps !== false;
    this.intake = new MessageIntake(this, opts.turnClock);
    this.recorder = new EventRecorder(opts.onEvents);
    this.kops = new KernelOps(this);
  }

  onEnd(listener: (end: KernelEnd) => void): void { this.endListener = listener; }

  /** Starts the scenario's parent program. */
  async startRoot(args: unknown[]): Promise<ProcessEntry> {
    return this.startProcess(null, 'main', args, { name: 'MainProcess', daemon: false, identity: [] }, this.opts.seed);
  }

  /** Runs `f` once the operation being dispatched has its own event recorded (or now, outside one). */
  afterOp(f: () => void): void {
    if (this.deferred) this.deferred.push(f); else f();
  }

  get liveCount(): number { let n = 0; for (const p of this.procs.values()) if (p.alive) n++; return n; }

  record(d: EventDraft): void { this.recorder.record(d); }

  // ---- processes -------------------------------------------------------------------

  /**
   * Starts a process of the run. With a prepared worker this happens at once, within the
   * parent's spawn (as fork() returns with the child's pid); otherwise once one has started.
   * `spawnSeq`: the seq of the parent's spawn call, the cause of the child's creation.
   */
  async startProcess(parent: ProcessEntry | null, program: string, args: unknown[],
    o: { name: string; daemon: boolean; identity: number[] }, seed: number, spawnSeq = 0): Promise<ProcessEntry> {
    const got = this.opts.takeWorker();
    let worker: WorkerHandle;
    if (got instanceof Promise) {
      this.pendingSpawns++;
      try { worker = await got; } finally { this.pendingSpawns--; }
    } else {
      worker = got;
    }
    if (this.ending) { worker.kill('SIGKILL'); throw new KernelStopping(); }
    const pid = worker.pid;
    const name = o.name;
    const p = new ProcessEntry(pid, name, program, parent?.pid ?? null, o.daemon, seed, this.recorder.nowUs(), worker);
    p.identity = o.identity;
    this.procs.set(pid, p);
    parent?.children.push(pid);
    worker.onMessage((m) => this.intake.handle(p, m));
    worker.onOutput((stream, text) => this.onStrayOutput(p, stream, text));
    worker.onExit((code, signal) => this.onExit(p, code, signal));
    const created = this.recorder.record({
      pid, ph: 'I', kind: 'life', life: 'created', obj: `proc:${pid}`,
      proc: { name, program, parentPid: p.parentPid, daemon: o.daemon }, ...(spawnSeq ? { cause: spawnSeq } : {}),
    });
    p.createdSeq = created.seq;
    const info: StartInfo = {
      runId: this.opts.runId, scenario: this.opts.scenario, program, args, pid, name,
      parentPid: p.parentPid, daemon: o.daemon, seed, timeUnitMs: this.opts.timeUnitMs, params: this.opts.params,
      startMethod: this.opts.startMethod ?? 'fork',
    };
    p.sentSeq++;
    // A forked child needs a moment before it runs (Python's bootstrap after fork() takes 1–2 ms),
    // while its parent goes on at once: a prepared worker would otherwise race its parent.
    if (parent) setTimeout(() => { if (p.alive) worker.send({ t: 'start', info }); }, CHILD_START_DELAY_MS);
    else worker.send({ t: 'start', info });
    return p;
  }

  /** Runs `f` once `p`'s program is running (its first message arrived) or `p` is gone. */
  whenStarted(p: ProcessEntry, f: () => void): void {
    if (p.hasStarted || !p.alive) f();
    else p.startListeners.push(f);
  }

  /** Its first message arrived: its program runs. */
  markStarted(p: ProcessEntry): void {
    if (p.hasStarted) return;
    p.hasStarted = true;
    if (p.alive) this.record({ pid: p.pid, ph: 'I', kind: 'life', life: 'started', obj: `proc:${p.pid}` });
    for (const f of p.startListeners.splice(0)) f();
  }

  /**
   * A program that has had its last answer (atexit, exit()) has ended, as far as the run can
   * tell: its worker only has to tear Node down, which takes about 3 ms that a Python child
   * does not spend. Its exit is recorded now, with the code it announced; reap() waits for
   * the process itself to be gone, and onExit() checks that it ended as announced.
   */
  private exitAsAnnounced(p: ProcessEntry): void {
    if (!p.alive || !p.announced) return;
    p.exitedOnAnnouncement = true;
    this.onExit(p, p.announced.code, null);
  }

  private onExit(p: ProcessEntry, code: number | null, signal: string | null): void {
    if (!p.alive) { if (p.exitedOnAnnouncement) this.checkAnnouncedExit(p, code, signal); return; }
    p.state = 'exited';
    p.exitCode = code;
    p.signal = signal;
    p.endUs = this.recorder.nowUs();
    this.markStarted(p); // a spawner waiting for a child that died first must not wait for ever
    for (const w of p.waiters) { w.detach(); w.clearTimer(); w.done = true; }
    p.waiters.clear();
    p.how = p.exitHow(code, signal);
    const failed = p.how === 'crashed' || p.how === 'raised' || (p.how === 'exit' && code !== 0);
    if (failed) this.crashed.push(p.pid);
    const exited = this.recorder.record({ pid: p.pid, ph: 'I', kind: 'life', life: 'exited', obj: `proc:${p.pid}`, exitCode: code, signal, how: p.how });
    // A crash is news at once (the run goes on, as Python's other processes do).
    if (p.how === 'crashed') {
      const what = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      this.record({ pid: p.pid, ph: 'I', kind: 'error', op: 'crash', text: `${p.name} (pid ${p.pid}) ${what} before its program finished` });
    }
    // Joins it ends, its parent's exit it lets go on, and EOFs its closed pipe ends give are caused by this exit.
    this.withCause(exited.seq, () => {
      this.kops.onProcessExit(p);
      for (const pipe of this.pipes) pipe.dropHolder(p.pid);
    });
    this.scheduleHangCheck();
    if (this.liveCount === 0 && this.pendingSpawns === 0) this.finish({ kind: 'all-exited' });
  }

  /** The real end of a process whose exit was recorded when announced: a different end is told. */
  private checkAnnouncedExit(p: ProcessEntry, code: number | null, signal: string | null): void {
    if (p.killedByKernel || (signal === null && code === p.exitCode)) return;
    const what = signal ? `was killed by ${signal}` : `exited with code ${code}`;
    this.record({ pid: p.pid, ph: 'I', kind: 'error', op: 'crash', text: `${p.name} (pid ${p.pid}) finished its program with code ${p.exitCode}, but its process then ${what}` });
  }

  /**
   * Waits until every process whose exit was recorded on announcement is really gone (it
   * comes a moment later); one that lingers past `graceMs` is killed. (Those the kernel
   * killed, killAll() has waited for.)
   */
  async reap(graceMs = 2000): Promise<void> {
    const left = [...this.procs.values()].filter((p) => p.exitedOnAnnouncement && !p.worker.exited);
    await Promise.all(left.map((p) => new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        p.killFor('stopped', 'SIGKILL'); // the lab's own cleanup: nothing to tell the student
        setTimeout(resolve, 1000).unref(); // a kill never reported: the run still ends
      }, graceMs);
      p.worker.onExit(() => { clearTimeout(timer); resolve(); });
    })));
  }

  /** What a worker wrote outside the lab API (a stack trace, a console.log): kept within the print caps. */
  private onStrayOutput(p: ProcessEntry, stream: string, text: string): void {
    for (const line of text.replace(/\n$/, '').split('\n')) {
      const kept = line.length > MAX_PRINT_LINE_CHARS ? cutLine(line) : line;
      try {
        this.limits.spendText(kept.length);
      } catch (e) {
        this.refuse(p, e as LimitError, 0, { obj: stream, tellWorker: false });
        return;
      }
      this.record({ pid: p.pid, ph: 'I', kind: stream === 'stderr' ? 'error' : 'print', text: kept, stream: stream === 'stderr' ? 'stderr' : 'stdout' });
    }
  }

  notify(p: ProcessEntry, n: Notice): void {
    if (!p.alive) return;
    p.notices.push(n);
    this.markDirty(p);
  }

  /** Ends every live process of the run (the run is over); resolves once all have exited (or after 1 s). */
  async killAll(signal: 'SIGTERM' | 'SIGKILL' = 'SIGKILL'): Promise<void> {
    this.ending = true;
    const live = [...this.procs.values()].filter((p) => p.alive);
    await Promise.all(live.map((p) => new Promise<void>((resolve) => {
      if (p.worker.exited) { this.onExit(p, null, signal); resolve(); return; }
      p.worker.onExit(() => resolve());
      p.killFor('stopped', signal);
      setTimeout(resolve, 1000).unref();
    })));
  }

  finish(end: KernelEnd): void {
    if (this.ending && end.kind !== 'all-exited') return;
    this.ending = true;
    this.recorder.flush();
    this.endListener(end);
  }

  // ---- messages (MessageIntake reads them; these are what it calls) --------------------

  /**
   * A cap (or the protocol) refused an operation: the program gets the error (as the reply,
   * or raised at its next operation for a call sent without waiting), the first few refusals
   * are recorded, all are counted for the run's notes. A process that goes on after it was
   * told (MAX_REFUSALS_PER_PROCESS refusals of messages sent once it knew, or of what it did
   * outside any message) is ended, how 'cap'.
   */
  refuse(p: ProcessEntry, e: LimitError, callId: number, o: { obj?: string; op?: string; code?: string; tellWorker?: boolean } = {}): void {
    const error: WireError = { code: o.code ?? e.code, message: e.message };
    if (o.tellWorker !== false && p.alive) {
      if (callId) this.reply(p, [callId, 0, error]);
      else if (!p.notices.some((n) => n.kind === 'refused')) this.notify(p, { kind: 'refused', error });
      p.owesRefusal = true;
    }
    const n = this.limits.count(p.pid, e.cap, error.code, e.message);
    p.refusals++;
    if (n <= LOGGED_REFUSALS) {
      this.record({ pid: p.pid, ph: 'I', kind: 'error', op: 'limit', obj: o.obj, ...(o.op ? { args: [o.op] } : {}), text: `${error.code}: ${e.message}${n === LOGGED_REFUSALS ? ' (further refusals of this kind are counted, not shown)' : ''}` });
    }
    // It knew when it raised the error itself (tellWorker false), or its message acknowledged the batch that told it.
    const ack = this.intake.currentAck;
    const knew = o.tellWorker === false || ack === undefined || ack >= p.toldSeq;
    if (knew && ++p.strikes >= MAX_REFUSALS_PER_PROCESS && p.alive && !p.killedByKernel) {
      this.record({ pid: p.pid, ph: 'I', kind: 'error', op: 'limit', text: `${p.name} (pid ${p.pid}) was ended: it went on after ${fmt(p.strikes)} refused operations (MAX_REFUSALS_PER_PROCESS)` });
      p.killFor('cap', 'SIGKILL');
    }
  }

  /** One call of a worker's message, checked and run. */
  dispatch(p: ProcessEntry, [callId, objId, op, args]: Call): void {
    if (!p.alive) return;
    const isKernel = objId === KERNEL_ID;
    const obj = isKernel ? undefined : this.objects.get(objId);
    const ops = isKernel ? this.kops.ops : obj?.ops;
    // Own operations only: "constructor" or "__proto__" must not reach Object's.
    const handler = ops && Object.hasOwn(ops, op) ? ops[op] : undefined;
    if (!handler) {
      // Counted like a cap's refusal: a worker that sends nothing but unknown calls is a flood too.
      const [code, message] = !isKernel && !obj
        ? ['UnknownObject', `no object with id ${summarize(objId)} in this run`]
        : ['UnknownOperation', `${obj ? obj.kind : 'the kernel'} has no operation ${summarize(op)}; it has: ${Object.keys(ops!).join(', ')}`];
      this.refuse(p, new LimitError('protocol', message, code), callId, { obj: obj?.label ?? objId, op });
      return;
    }
    const size = measureJson(args, MAX_ITEM_BYTES, MAX_NESTING);
    if (size.tooDeep || size.bytes > MAX_ITEM_BYTES) {
      const e = size.tooDeep
        ? new LimitError('nesting', `${op}(): its arguments nest lists or objects more than ${MAX_NESTING} deep (MAX_NESTING)`)
        : new LimitError('item-bytes', `${op}(): its arguments take more than ${fmt(MAX_ITEM_BYTES)} bytes as JSON, the most one operation may carry (MAX_ITEM_BYTES)`);
      this.refuse(p, e, callId, { obj: obj?.label ?? objId, op });
      return;
    }
    // The operation's own event gets its seq first: what it puts carries it, what it wakes names it.
    const recorded = this.recordOps && !(isKernel && this.kops.silent.has(op));
    const seq = recorded ? this.recorder.reserve() : 0;
    const ctx = this.context(p, callId, obj?.id ?? KERNEL_ID, size.bytes, seq);
    const startUs = this.recorder.nowUs();
    this.opStartUs = startUs;
    this.deferred = [];
    const outerCause = this.cause;
    if (seq) this.cause = seq;
    let outcome: OpOutcome;
    let refused: LimitError | undefined;
    try {
      outcome = handler(ctx, args);
    } catch (e) {
      if (e instanceof LimitError) refused = e;
      const code = e instanceof ArgError ? e.code : (e as Error).name === 'TypeError' ? 'TypeError' : 'KernelError';
      outcome = { error: { code, message: (e as Error).message } };
    }
    const deferred = this.deferred;
    this.deferred = null;
    this.opStartUs = undefined;
    if (seq) this.recordOp(seq, p, obj, op, args, outcome, startUs);
    if (refused) {
      this.refuse(p, refused, callId, { obj: obj?.label ?? objId, op });
    } else if ('blocked' in outcome) {
      const w = outcome.blocked;
      p.waiters.add(w);
      p.state = w.op === 'sleep' ? 'sleeping' : 'blocked';
    } else if (callId) {
      this.reply(p, 'error' in outcome ? [callId, 0, outcome.error] : [callId, 1, outcome.value]);
    } else if ('error' in outcome) {
      // A cast failed: nobody is waiting for the answer, so the event log is where it goes.
      this.record({ pid: p.pid, ph: 'I', kind: 'error', op, obj: obj?.label, text: `${outcome.error.code}: ${outcome.error.message}` });
    }
    for (const run of deferred) run();
    this.cause = outerCause;
  }

  /** A call's own event (format 2): its args in the operation's shape, and what it did. */
  private recordOp(seq: number, p: ProcessEntry, obj: KernelObject | undefined, op: string, args: unknown[], o: OpOutcome, atUs: number): void {
    const blocked = 'blocked' in o ? o.blocked : undefined;
    const eventObj = obj ? obj.label : kernelObjectOf(p.pid, op, args, blocked);
    const d: EventDraft = {
      pid: p.pid, ph: blocked ? 'B' : 'X', kind: 'op', obj: eventObj, op, call: seq,
      args: bounded(normalizeArgs(obj ? obj.kind : 'kernel', op, args)) as unknown[],
    };
    if ('value' in o) { d.value = bounded(o.value); if (o.item) d.item = o.item; }
    else if ('error' in o) d.error = o.error;
    if (obj) d.state = obj.state();
    if (blocked) { blocked.eventObj = eventObj; if (obj) blocked.eventState = () => obj.state(); }
    this.recorder.record(d, atUs, seq);
  }

  /** A 'create' event for an object (a lock it owns gets its own, before it). */
  recordCreate(pid: number, obj: KernelObject): void {
    if (!this.recordOps) return;
    const seq = this.recorder.reserve();
    this.recorder.record({ pid, ph: 'X', kind: 'op', obj: obj.label, op: 'create', call: seq, object: { ...obj.info(), id: obj.id }, state: obj.state() }, undefined, seq);
  }

  /** Runs `f` with `seq` as the cause of what it wakes. */
  withCause(seq: number, f: () => void): void {
    const outer = this.cause;
    this.cause = seq || undefined;
    try { f(); } finally { this.cause = outer; }
  }

  private context(p: ProcessEntry, callId: number, objId: string, argBytes: number, seq: number): OpContext {
    return {
      pid: p.pid,
      unitMs: this.opts.timeUnitMs,
      block: (op) => { const w = new Waiter(this, p.pid, callId, objId, op); w.call = seq; return w; },
      isAlive: (pid) => this.procs.get(pid)?.alive ?? false,
      argBytes,
      seq,
    };
  }

  // ---- waiters (WaiterHost) ------------------------------------------------------------

  /**
   * Answers a blocked call. Inside an operation the wake is recorded right after that
   * operation's own event, with its seq reserved now (a put let in by a get enters the queue
   * with it), and that operation as its cause.
   */
  settle(w: Waiter, ok: boolean, value: unknown): void {
    if (w.done) return;
    const p = this.procs.get(w.pid);
    if (!p || !p.alive) { w.done = true; w.clearTimer(); return; }
    w.done = true;
    const cause = this.cause;
    if (this.deferred) {
      if (this.recordOps) w.endSeq = this.recorder.reserve();
      this.deferred.push(() => this.ended(p, w, ok, value, cause));
      return;
    }
    this.ended(p, w, ok, value, cause);
  }

  private ended(p: ProcessEntry, w: Waiter, ok: boolean, value: unknown, cause: number | undefined): void {
    w.clearTimer();
    p.waiters.delete(w);
    if (p.waiters.size === 0 && p.alive) p.state = 'running';
    if (this.recordOps) this.recordWake(p, w, ok, value, cause);
    if (w.callId && p.alive) this.reply(p, ok ? [w.callId, 1, value] : [w.callId, 0, value as WireError]);
  }

  private recordWake(p: ProcessEntry, w: Waiter, ok: boolean, value: unknown, cause: number | undefined): void {
    // The E names the call's own object and op (a Condition wait stays a wait while it re-acquires).
    const obj = this.objects.get(w.objId);
    const d: EventDraft = { pid: p.pid, ph: 'E', kind: 'op', obj: w.eventObj || obj?.label || w.objId, op: w.callOp };
    if (w.call) d.call = w.call;
    if (ok) { d.value = bounded(value); if (w.item) d.item = w.item; } else d.error = value as WireError;
    if (w.timedOut) d.timedOut = true;
    else if (cause && cause !== w.call) d.cause = cause;
    const state = w.eventState?.() ?? (w.eventObj ? undefined : obj?.state());
    if (state) d.state = state;
    this.recorder.record(d, undefined, w.endSeq);
  }

  /** A change to a blocked call, recorded as an instant on its own object (docs/events.md). */
  mark(w: Waiter, op: 'notified' | 'wait-timeout'): void {
    if (!this.recordOps) return;
    const cause = op === 'notified' ? this.cause : undefined;
    const draft = (): EventDraft => ({ pid: w.pid, ph: 'I', kind: 'op', obj: w.eventObj, op, ...(w.call ? { call: w.call } : {}), ...(cause ? { cause } : {}) });
    if (this.deferred) {
      const seq = this.recorder.reserve();
      this.deferred.push(() => { this.recorder.record(draft(), undefined, seq); });
    } else {
      this.recorder.record(draft());
    }
  }


  /**
   * Times out a waiter `ms` after its operation began, on the kernel's clock. Node's timers
   * count from the event loop's cached time and may fire a little early by that clock, so
   * an early timer is re-armed for the rest.
   */
  arm(w: Waiter, ms: number): void {
    ms = Math.min(ms, MAX_TIMEOUT_MS); // timeoutMs() turned anything longer into "for ever"
    const deadlineUs = (this.opStartUs ?? this.recorder.nowUs()) + ms * 1000;
    const fire = (): void => {
      const leftUs = deadlineUs - this.recorder.nowUs();
      if (leftUs > 0) { w.timer = setTimeout(fire, Math.ceil(leftUs / 1000)); return; }
      w.timer = undefined;
      if (w.callOp !== 'sleep') w.timedOut = true; // a sleep's timer is its natural end
      w.onTimeout?.();
    };
    w.timer = setTimeout(fire, ms);
  }

  // ---- replies -----------------------------------------------------------------------

  reply(p: ProcessEntry, r: Reply): void {
    p.outbox.push(r);
    this.markDirty(p);
  }

  private markDirty(p: ProcessEntry): void {
    this.dirty.add(p);
    if (!this.flushScheduled) { this.flushScheduled = true; setImmediate(this.flushReplies); }
  }

  /**
   * Sends each worker what is owed to it since the last turn, as one message of at most
   * about MAX_BATCH_BYTES; the rest goes next turn, so no turn serializes more than that.
   */
  private readonly flushReplies = (): void => {
    this.flushScheduled = false;
    const dirty = [...this.dirty];
    this.dirty.clear();
    for (const p of dirty) {
      // Not `alive`: a program's last answer goes out after its exit was recorded (exitAsAnnounced).
      if (p.worker.exited) continue;
      const r = p.takeBatch(MAX_BATCH_BYTES);
      const msg = p.notices.length ? { t: 'batch' as const, r, n: p.notices, s: ++p.sentSeq } : { t: 'batch' as const, r, s: ++p.sentSeq };
      p.notices = [];
      if (p.owesRefusal) { p.toldSeq = Math.min(p.toldSeq, msg.s); p.owesRefusal = false; }
      p.worker.send(msg);
      if (p.outbox.length) this.markDirty(p);
      else if (p.lastAnswered) this.exitAsAnnounced(p);
    }
  };

  // ---- hang detection ----------------------------------------------------------------

  scheduleHangCheck(): void {
    if (this.hangCheckScheduled || this.ending) return;
    this.hangCheckScheduled = true;
    setImmediate(() => {
      this.hangCheckScheduled = false;
      if (this.ending || this.pendingSpawns > 0) return;
      const finding = findHang(this);
      if (finding) this.finish({ kind: 'hung', finding });
    });
  }

  register(obj: KernelObject): void {
    this.objects.set(obj.id, obj);
    if (obj instanceof KPipe) this.pipes.push(obj);
  }

  /**
   * A new child's copies of its parent's pipe ends: under fork, every end the parent holds
   * (a forked child inherits all its parent's file descriptors); under spawn, only the ends
   * passed to it among its arguments.
   */
  inheritHandles(parent: ProcessEntry, child: ProcessEntry, args: unknown): void {
    if ((this.opts.startMethod ?? 'fork') === 'fork') {
      for (const pipe of this.pipes) for (const e of [0, 1] as const) if (pipe.holds(parent.pid, e)) pipe.adopt(child.pid, e);
      return;
    }
    const walk = (v: unknown, depth: number): void => {
      if (depth > 16 || typeof v !== 'object' || v === null) return;
      if (Array.isArray(v)) { for (const x of v) walk(x, depth + 1); return; }
      const ref = v as { $lab?: unknown; id?: unknown; end?: unknown };
      if (ref.$lab === 'Pipe' && typeof ref.id === 'string') {
        const pipe = this.objects.get(ref.id);
        if (pipe instanceof KPipe && (ref.end === 0 || ref.end === 1)) pipe.adopt(child.pid, ref.end);
        return;
      }
      for (const x of Object.values(v)) walk(x, depth + 1);
    };
    walk(args, 0);
  }
}

/** The object a kernel operation's events are on (docs/events.md): its B and E name the same. */
function kernelObjectOf(pid: number, op: string, args: unknown[], w: Waiter | undefined): string {
  switch (op) {
    case 'sleep': return 'clock';
    case 'join': case 'is_alive': case 'terminate': return `proc:${typeof args[0] === 'number' ? args[0] : '?'}`;
    case 'atexit': case 'exit': return `proc:${pid}`;
    default: return w?.objId && w.objId !== KERNEL_ID ? w.objId : 'kernel';
  }
}
