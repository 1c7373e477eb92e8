// The kernel of one run: the process table, the shared objects, and the dispatcher that
// turns every worker call into an operation and an event. It knows nothing of Electron:
// processes come from a WarmPool over a ProcessPort.
import type { LabEvent } from '../../../shared/events';
import { KERNEL_ID, type Call, type Notice, type Reply, type StartInfo, type WireError } from '../../protocol/worker-protocol';
import type { WorkerHandle } from '../process-port/process-port';
import { EventRecorder, summarize, type EventDraft } from './event-recorder';
import { ArgError, KernelStopping, type KernelObject, type OpContext, type OpOutcome } from './kernel-object';
import { KernelOps } from './kernel-ops';
import { ObjectFactory } from './object-factory';
import { KCondition } from './objects/condition';
import { ProcessEntry } from './process-entry';
import { parseWorkerMessage } from './validate-worker-message';
import { Waiter, type WaiterHost } from './waiter';
import { findHang, type HangFinding } from './hang-detector';

export interface KernelOptions {
  runId: string;
  scenario: string;
  programs: readonly string[];
  params: Record<string, unknown>;
  timeUnitMs: number;
  seed: number;
  maxProcesses: number;
  /** A ready worker process (from the warm pool). */
  takeWorker: () => Promise<WorkerHandle>;
  onEvents: (batch: LabEvent[]) => void;
  /** false skips the per-operation events (prints, lifecycle and results stay); only the
   *  benchmark uses it, to measure what recording costs. */
  recordOps?: boolean;
}

/** Why the kernel thinks the run is over (the run controller picks the status). */
export type KernelEnd =
  | { kind: 'all-exited' }
  | { kind: 'hung'; finding: HangFinding }
  | { kind: 'cap'; attempted: number };

export class Kernel implements WaiterHost {
  readonly procs = new Map<number, ProcessEntry>();
  readonly objects = new Map<string, KernelObject>();
  readonly recorder: EventRecorder;
  readonly crashed: number[] = [];
  readonly factory = new ObjectFactory((id) => this.objects.get(id));
  private readonly kops: KernelOps;
  private readonly dirty = new Set<ProcessEntry>();
  private flushScheduled = false;
  private hangCheckScheduled = false;
  /** Wakes that happen inside an operation are recorded after that operation's own event. */
  private deferred: (() => void)[] | null = null;
  /** When the operation being dispatched began: its event time and its timeouts' origin. */
  private opStartUs: number | undefined;
  pendingSpawns = 0;
  ending = false;
  private endListener: (end: KernelEnd) => void = () => {};
  private readonly recordOps: boolean;

  constructor(readonly opts: KernelOptions) {
    this.recordOps = opts.recordOps !== false;
    this.recorder = new EventRecorder(opts.onEvents);
    this.kops = new KernelOps(this);
  }

  onEnd(listener: (end: KernelEnd) => void): void { this.endListener = listener; }

  /** Starts the scenario's parent program. */
  async startRoot(args: unknown[]): Promise<ProcessEntry> {
    return this.startProcess(null, 'main', args, { name: 'MainProcess', daemon: false }, this.opts.seed);
  }

  get liveCount(): number { let n = 0; for (const p of this.procs.values()) if (p.alive) n++; return n; }

  record(d: EventDraft): void { this.recorder.record(d); }

  // ---- processes -------------------------------------------------------------------

  async startProcess(parent: ProcessEntry | null, program: string, args: unknown[],
    o: { name?: string; daemon: boolean }, seed: number): Promise<ProcessEntry> {
    this.pendingSpawns++;
    let worker: WorkerHandle;
    try { worker = await this.opts.takeWorker(); } finally { this.pendingSpawns--; }
    if (this.ending) { worker.kill('SIGKILL'); throw new KernelStopping(); }
    const pid = worker.pid;
    const name = o.name ?? `${program}-${pid}`;
    const p = new ProcessEntry(pid, name, program, parent?.pid ?? null, o.daemon, seed, this.recorder.nowUs(), worker);
    this.procs.set(pid, p);
    parent?.children.push(pid);
    worker.onMessage((m) => this.handleMessage(p, m));
    worker.onOutput((stream, text) => this.onStrayOutput(p, stream, text));
    worker.onExit((code, signal) => this.onExit(p, code, signal));
    this.record({ pid, ph: 'I', kind: 'life', life: 'created', obj: `proc:${pid}`, arg: program, res: name });
    const info: StartInfo = {
      runId: this.opts.runId, scenario: this.opts.scenario, program, args, pid, name,
      parentPid: p.parentPid, daemon: o.daemon, seed, timeUnitMs: this.opts.timeUnitMs, params: this.opts.params,
    };
    p.sentSeq++;
    worker.send({ t: 'start', info });
    return p;
  }

  /** Runs `f` once `p`'s program is running (its first message arrived) or `p` is gone. */
  whenStarted(p: ProcessEntry, f: () => void): void {
    if (p.hasStarted || !p.alive) f();
    else p.startListeners.push(f);
  }

  private markStarted(p: ProcessEntry): void {
    if (p.hasStarted) return;
    p.hasStarted = true;
    if (p.alive) this.record({ pid: p.pid, ph: 'I', kind: 'life', life: 'started', obj: `proc:${p.pid}` });
    for (const f of p.startListeners.splice(0)) f();
  }

  private onExit(p: ProcessEntry, code: number | null, signal: string | null): void {
    if (!p.alive) return;
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
    this.record({ pid: p.pid, ph: 'I', kind: 'life', life: 'exited', obj: `proc:${p.pid}`, exitCode: code, signal, how: p.how });
    // A crash is news at once (the run goes on, as Python's other processes do).
    if (p.how === 'crashed') {
      const what = signal ? `was killed by ${signal}` : `exited with code ${code}`;
      this.record({ pid: p.pid, ph: 'I', kind: 'error', op: 'crash', text: `${p.name} (pid ${p.pid}) ${what} before its program finished` });
    }
    this.kops.onProcessExit(p);
    this.scheduleHangCheck();
    if (this.liveCount === 0 && this.pendingSpawns === 0) this.finish({ kind: 'all-exited' });
  }

  private onStrayOutput(p: ProcessEntry, stream: string, text: string): void {
    for (const line of text.replace(/\n$/, '').split('\n')) {
      this.record({ pid: p.pid, ph: 'I', kind: stream === 'stderr' ? 'error' : 'print', text: line, op: stream });
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

  // ---- messages ----------------------------------------------------------------------

  handleMessage(p: ProcessEntry, raw: unknown): void {
    if (!p.alive) return;
    const parsed = parseWorkerMessage(raw);
    if (!parsed.ok) {
      this.record({ pid: p.pid, ph: 'I', kind: 'error', op: 'protocol', text: parsed.error.message });
      if (parsed.callId) this.reply(p, [parsed.callId, 0, parsed.error]);
      return;
    }
    const msg = parsed.msg;
    if (msg.t === 'ready') return;
    this.markStarted(p);
    if (msg.ack !== undefined) p.ackedSeq = msg.ack;
    if (msg.t === 'calls') for (const c of msg.c) this.dispatch(p, c);
    if (!p.busy && p.waiters.size > 0) this.scheduleHangCheck();
  }

  private dispatch(p: ProcessEntry, [callId, objId, op, args]: Call): void {
    if (!p.alive) return;
    const isKernel = objId === KERNEL_ID;
    const obj = isKernel ? undefined : this.objects.get(objId);
    const handler = isKernel ? this.kops.ops[op] : obj?.ops[op];
    if (!handler) {
      const error = !isKernel && !obj
        ? { code: 'UnknownObject', message: `no object with id ${JSON.stringify(objId)} in this run` }
        : { code: 'UnknownOperation', message: `${obj ? obj.kind : 'the kernel'} has no operation ${JSON.stringify(op)}; it has: ${Object.keys(isKernel ? this.kops.ops : obj!.ops).join(', ')}` };
      this.record({ pid: p.pid, ph: 'I', kind: 'error', op: 'protocol', obj: obj?.label ?? objId, text: error.message });
      if (callId) this.reply(p, [callId, 0, error]);
      return;
    }
    const ctx = this.context(p, callId, obj?.id ?? KERNEL_ID);
    const startUs = this.recorder.nowUs();
    this.opStartUs = startUs;
    this.deferred = [];
    let outcome: OpOutcome;
    try {
      outcome = handler(ctx, args);
    } catch (e) {
      const code = e instanceof ArgError ? e.code : (e as Error).name === 'TypeError' ? 'TypeError' : 'KernelError';
      outcome = { error: { code, message: (e as Error).message } };
    }
    const deferred = this.deferred;
    this.deferred = null;
    this.opStartUs = undefined;
    if (this.recordOps && !(isKernel && this.kops.silent.has(op))) this.recordOp(p, obj, op, args, outcome, startUs);
    if ('blocked' in outcome) {
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
  }

  private recordOp(p: ProcessEntry, obj: KernelObject | undefined, op: string, args: unknown[], o: OpOutcome, atUs: number): void {
    const d: EventDraft = {
      pid: p.pid, ph: 'blocked' in o ? 'B' : 'X', kind: 'op', obj: obj?.label ?? 'kernel', op,
      arg: args.length ? summarize(args.length === 1 ? args[0] : args) : '',
    };
    if ('value' in o) d.res = summarize(o.value);
    else if ('error' in o) d.res = `${o.error.code}: ${o.error.message}`;
    if (obj) d.state = obj.state();
    this.recorder.record(d, atUs);
  }

  private context(p: ProcessEntry, callId: number, objId: string): OpContext {
    return {
      pid: p.pid,
      unitMs: this.opts.timeUnitMs,
      block: (op) => new Waiter(this, p.pid, callId, objId, op),
      isAlive: (pid) => this.procs.get(pid)?.alive ?? false,
    };
  }

  // ---- waiters (WaiterHost) ------------------------------------------------------------

  settle(w: Waiter, ok: boolean, value: unknown): void {
    if (this.deferred) { this.deferred.push(() => this.settle(w, ok, value)); return; }
    if (w.done) return;
    w.done = true;
    w.clearTimer();
    const p = this.procs.get(w.pid);
    if (!p || !p.alive) return;
    p.waiters.delete(w);
    if (p.waiters.size === 0) p.state = 'running';
    if (this.recordOps) this.recordWake(p, w, ok, value);
    if (w.callId) this.reply(p, ok ? [w.callId, 1, value] : [w.callId, 0, value as WireError]);
  }

  private recordWake(p: ProcessEntry, w: Waiter, ok: boolean, value: unknown): void {
    const obj = this.objects.get(w.objId);
    const d: EventDraft = { pid: p.pid, ph: 'E', kind: 'op', obj: obj?.label ?? w.objId, op: w.op };
    d.res = ok ? summarize(value) : `${(value as WireError).code}: ${(value as WireError).message}`;
    if (obj) d.state = obj.state();
    this.record(d);
  }

  /**
   * Times out a waiter `ms` after its operation began, on the kernel's clock. Node's timers
   * count from the event loop's cached time and may fire a little early by that clock, so
   * an early timer is re-armed for the rest.
   */
  arm(w: Waiter, ms: number): void {
    const deadlineUs = (this.opStartUs ?? this.recorder.nowUs()) + ms * 1000;
    const fire = (): void => {
      const leftUs = deadlineUs - this.recorder.nowUs();
      if (leftUs > 0) { w.timer = setTimeout(fire, Math.ceil(leftUs / 1000)); return; }
      w.timer = undefined;
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

  /** Sends each worker everything owed to it since the last turn, as one message. */
  private readonly flushReplies = (): void => {
    this.flushScheduled = false;
    for (const p of this.dirty) {
      if (!p.alive) continue;
      const msg = p.notices.length ? { t: 'batch' as const, r: p.outbox, n: p.notices, s: ++p.sentSeq } : { t: 'batch' as const, r: p.outbox, s: ++p.sentSeq };
      p.outbox = [];
      p.notices = [];
      p.worker.send(msg);
    }
    this.dirty.clear();
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

  /** Objects created on the fly (a Condition's own lock) are registered here too. */
  register(obj: KernelObject): void {
    this.objects.set(obj.id, obj);
    if (obj instanceof KCondition && !this.objects.has(obj.lock.id)) this.objects.set(obj.lock.id, obj.lock);
  }
}
