// Builds realistic version-2 event streams by the rules of docs/events.md: a tiny kernel
// with real semantics (FIFO waiters, hand-overs, a Condition's lock, a pipe's two ends,
// JoinableQueue's unfinished tasks, manager objects, spawn/join/exit), recording every call
// with its `call`, every wake with its `cause`, every received item with its `item`. The
// simulator also knows the truth (which put produced which get, what each object holds), so
// tests can check the live model against it.
import type { ExitHow, LabEvent, ObjectInfo, ObjectKind, ObjectState } from '../../../../shared/events';

type Draft = Omit<LabEvent, 'seq' | 't'>;
type Wake = (causeSeq: number) => void;

export interface Waiter {
  pid: number; call: number; op: string; obj: string;
  payload?: unknown;
  /** The state its E reports (a Condition's acquire reports the Condition's). */
  st?: () => ObjectState;
}

export interface SimProc {
  pid: number; name: string; parentPid: number | null; daemon: boolean; alive: boolean;
  children: number[];
  /** Open calls (call → waiter) */
  open: Map<number, Waiter>;
  joiners: Waiter[];
  exiting?: { call: number; code: number; how: ExitHow };
}

interface QItem { value: unknown; seq: number }

export class Sim {
  readonly events: LabEvent[] = [];
  readonly procs = new Map<number, SimProc>();
  /** Truth: for each get/recv event seq, the put/send seq whose item it received. */
  readonly itemOf = new Map<number, number>();
  private seq = 0;
  t = 0;
  private nextPid = 100;
  private deferred: Wake[] = [];
  readonly objects = new Map<string, SimObject>();

  constructor(private readonly stepUs = 10) {}

  tick(us: number): void { this.t += us; }

  /** The seq the next event will get. */
  peekSeq(): number { return this.seq + 1; }

  record(d: Draft): LabEvent { return this.rec(d); }

  private rec(d: Draft): LabEvent {
    this.t += this.stepUs;
    const e = { seq: ++this.seq, t: this.t, ...d } as LabEvent;
    this.events.push(e);
    return e;
  }

  /** Records an operation's own event, then the wakes it caused (each naming it). */
  private opEvent(d: Draft, state?: () => ObjectState): LabEvent {
    const wakes = this.deferred;
    this.deferred = [];
    const e = this.rec({ ...d, ...(state ? { state: state() } : {}) });
    if (d.ph !== 'E') e.call = e.seq;
    for (const w of wakes) w(e.seq);
    return e;
  }

  defer(w: Wake): void { this.deferred.push(w); }

  /** Ends a blocked call: its E, with what woke it. */
  endCall(w: Waiter, d: Partial<Draft>, state?: () => ObjectState): LabEvent {
    const p = this.procs.get(w.pid)!;
    p.open.delete(w.call);
    const e = this.rec({ pid: w.pid, ph: 'E', kind: 'op', obj: d.obj ?? w.obj, op: d.op ?? w.op, call: w.call, ...d, ...(state ? { state: state() } : {}) });
    return e;
  }

  /** A call that blocks: `enlist` puts its waiter on the object's list before the B's state is taken. */
  begin(pid: number, obj: string, op: string, args: unknown[], enlist?: (w: Waiter) => void, state?: () => ObjectState): Waiter {
    const w: Waiter = { pid, call: this.peekSeq(), op, obj };
    enlist?.(w);
    const e = this.opEvent({ pid, ph: 'B', kind: 'op', obj, op, args }, state);
    if (e.seq !== w.call) throw new Error('sim: a B must be the next event');
    this.procs.get(pid)!.open.set(w.call, w);
    return w;
  }

  x(pid: number, obj: string, op: string, args: unknown[], r: { value?: unknown; error?: { code: string; message: string }; item?: number }, state?: () => ObjectState): LabEvent {
    const d: Draft = { pid, ph: 'X', kind: 'op', obj, op, args };
    if (r.error) d.error = r.error; else d.value = r.value ?? null;
    if (r.item !== undefined) d.item = r.item;
    const e = this.opEvent(d, state);
    if (r.item !== undefined) this.itemOf.set(e.seq, r.item);
    return e;
  }

  blocked(pid: number): boolean { return this.procs.get(pid)!.open.size > 0; }

  // ---- processes ----------------------------------------------------------------

  root(name = 'MainProcess', program = 'main'): number {
    const pid = this.nextPid++;
    this.procs.set(pid, { pid, name, parentPid: null, daemon: false, alive: true, children: [], open: new Map(), joiners: [] });
    this.rec({ pid, ph: 'I', kind: 'life', life: 'created', obj: `proc:${pid}`, proc: { name, program, parentPid: null, daemon: false } });
    this.rec({ pid, ph: 'I', kind: 'life', life: 'started', obj: `proc:${pid}` });
    return pid;
  }

  spawn(parent: number, program: string, name: string, daemon = false): number {
    const w = this.begin(parent, 'kernel', 'spawn', [program, [], { name, daemon }]);
    const pid = this.nextPid++;
    this.procs.set(pid, { pid, name, parentPid: parent, daemon, alive: true, children: [], open: new Map(), joiners: [] });
    this.procs.get(parent)!.children.push(pid);
    const created = this.rec({ pid, ph: 'I', kind: 'life', life: 'created', obj: `proc:${pid}`, cause: w.call, proc: { name, program, parentPid: parent, daemon } });
    this.rec({ pid, ph: 'I', kind: 'life', life: 'started', obj: `proc:${pid}` });
    this.endCall(w, { obj: 'kernel', cause: created.seq, value: { pid, name } });
    return pid;
  }

  join(parent: number, child: number): LabEvent {
    const c = this.procs.get(child)!;
    if (!c.alive) return this.x(parent, `proc:${child}`, 'join', [child, null], { value: { exitCode: 0, signal: null } });
    this.begin(parent, `proc:${child}`, 'join', [child, null], (w) => c.joiners.push(w));
    return this.events[this.events.length - 1];
  }

  /** The program returned (or raised / exit(n)): atexit, daemon children terminated, wait for the rest. */
  exit(pid: number, code = 0, how: ExitHow = code === 0 ? 'returned' : 'raised'): void {
    const p = this.procs.get(pid)!;
    const w = this.begin(pid, `proc:${pid}`, 'atexit', [code]);
    p.exiting = { call: w.call, code, how };
    for (const c of p.children.map((x) => this.procs.get(x)!)) if (c.alive && c.daemon) this.died(c.pid, null, 'SIGTERM', 'daemon');
    this.advanceExit(pid, undefined);
  }

  private advanceExit(pid: number, cause: number | undefined): void {
    const p = this.procs.get(pid)!;
    if (!p.alive || !p.exiting) return;
    if (p.children.some((c) => this.procs.get(c)!.alive)) return;
    const w = p.open.get(p.exiting.call)!;
    this.endCall(w, { value: null, ...(cause !== undefined ? { cause } : {}) });
    this.died(pid, p.exiting.code, null, p.exiting.how);
  }

  /** The process ends (its calls never end); joiners and an exiting parent go on. */
  died(pid: number, exitCode: number | null, signal: string | null, how: ExitHow): void {
    const p = this.procs.get(pid)!;
    if (!p.alive) return;
    p.alive = false;
    for (const w of p.open.values()) for (const o of this.objects.values()) o.forget(w);
    p.open.clear();
    const ex = this.rec({ pid, ph: 'I', kind: 'life', life: 'exited', obj: `proc:${pid}`, exitCode, signal, how });
    for (const j of p.joiners.splice(0)) this.endCall(j, { cause: ex.seq, value: { exitCode, signal } });
    if (p.parentPid !== null) this.advanceExit(p.parentPid, ex.seq);
  }

  sleep(pid: number, units: number): Waiter { return this.begin(pid, 'clock', 'sleep', [units]); }
  /** Ends a sleep, or times out any blocked call of `pid` (its object decides what that returns). */
  wake(pid: number): void {
    const p = this.procs.get(pid)!;
    const [w] = p.open.values();
    if (!w) return;
    if (w.op === 'sleep') { this.endCall(w, { value: null }); return; }
    if (w.op === 'join' && w.obj.startsWith('proc:')) {
      const c = this.procs.get(Number(w.obj.slice(5)))!;
      c.joiners.splice(c.joiners.indexOf(w), 1);
      this.timedOutEnd(w, { value: null });
      return;
    }
    const o = this.objects.get(w.obj);
    if (o) o.timeout(w);
  }

  print(pid: number, text: string): LabEvent { return this.rec({ pid, ph: 'I', kind: 'print', text }); }
  error(pid: number, text: string, op = 'traceback'): LabEvent { return this.rec({ pid, ph: 'I', kind: 'error', text, op }); }

  // ---- objects --------------------------------------------------------------------

  create<T extends SimObject>(pid: number, o: T): T {
    for (const hidden of o.hidden()) this.create(pid, hidden);
    this.objects.set(o.label, o);
    o.sim = this;
    this.rec({ pid, ph: 'X', kind: 'op', obj: o.label, op: 'create', object: o.info(), state: o.state(), value: null });
    const e = this.events[this.events.length - 1];
    e.call = e.seq;
    return o;
  }

  timedOutEnd(w: Waiter, d: Partial<Draft>, state?: () => ObjectState): LabEvent { return this.endCall(w, { ...d, timedOut: true }, state); }
}

export abstract class SimObject {
  sim!: Sim;
  abstract readonly kind: Exclude<ObjectKind, 'Process'>;
  constructor(readonly label: string) {}
  abstract state(): ObjectState;
  info(): ObjectInfo { return { kind: this.kind, label: this.label }; }
  hidden(): SimObject[] { return []; }
  /** A waiter's process died: drop it from every wait list. */
  abstract forget(w: Waiter): void;
  abstract timeout(w: Waiter): void;
  /** What the object holds, as the live model shows it (null: nothing to show). */
  truth(): unknown { return null; }
  protected st = (): ObjectState => this.state();
}

const drop = (list: Waiter[], w: Waiter): boolean => { const i = list.indexOf(w); if (i >= 0) list.splice(i, 1); return i >= 0; };

export class SimQueue extends SimObject {
  readonly kind: 'Queue' | 'JoinableQueue';
  readonly items: QItem[] = [];
  getters: Waiter[] = []; putters: Waiter[] = []; joiners: Waiter[] = [];
  unfinished = 0;
  constructor(label: string, readonly maxsize = 0, joinable = false) { super(label); this.kind = joinable ? 'JoinableQueue' : 'Queue'; }
  state(): ObjectState {
    const s: ObjectState = { size: this.items.length, waiters: this.getters.length + this.putters.length + this.joiners.length };
    if (this.kind === 'JoinableQueue') s.unfinished = this.unfinished;
    return s;
  }
  override info(): ObjectInfo { return { kind: this.kind, label: this.label, maxsize: this.maxsize }; }
  private full(): boolean { return this.maxsize > 0 && this.items.length >= this.maxsize; }
  /** An item enters with event `seq` (a put's X, or the E of a put that waited for room). */
  private accept(value: unknown, seq: number): void {
    if (this.kind === 'JoinableQueue') this.unfinished++;
    const g = this.getters.shift();
    if (!g) { this.items.push({ value, seq }); return; }
    this.sim.defer((cause) => { const e = this.sim.endCall(g, { cause, item: seq, value }, this.st); this.sim.itemOf.set(e.seq, seq); });
  }
  put(pid: number, value: unknown, block = true): LabEvent {
    if (!this.full()) {
      this.accept(value, this.sim.peekSeq());
      return this.sim.x(pid, this.label, 'put', [value, block, null], { value: null }, this.st);
    }
    if (!block) return this.sim.x(pid, this.label, 'put', [value, false, null], { error: { code: 'Full', message: `${this.label} is full` } }, this.st);
    this.sim.begin(pid, this.label, 'put', [value, true, null], (w) => { w.payload = value; this.putters.push(w); }, this.st);
    return this.sim.events[this.sim.events.length - 1];
  }
  get(pid: number, block = true): LabEvent {
    if (this.items.length > 0) {
      const it = this.items.shift()!;
      this.admitPutter();
      return this.sim.x(pid, this.label, 'get', [block, null], { value: it.value, item: it.seq }, this.st);
    }
    if (!block) return this.sim.x(pid, this.label, 'get', [false, null], { error: { code: 'Empty', message: `${this.label} is empty` } }, this.st);
    this.sim.begin(pid, this.label, 'get', [true, null], (w) => this.getters.push(w), this.st);
    return this.sim.events[this.sim.events.length - 1];
  }
  /** A get made room: the first waiting putter's item enters with its E, which names the get. */
  private admitPutter(): void {
    const p = this.putters.shift();
    if (!p) return;
    this.sim.defer((cause) => {
      this.accept(p.payload, this.sim.peekSeq());
      this.sim.endCall(p, { cause, value: null }, this.st);
    });
  }
  task_done(pid: number): LabEvent {
    if (this.unfinished <= 0) return this.sim.x(pid, this.label, 'task_done', [], { error: { code: 'ValueError', message: 'task_done() called too many times' } }, this.st);
    if (--this.unfinished === 0) for (const j of this.joiners.splice(0)) this.sim.defer((cause) => { this.sim.endCall(j, { cause, value: null }, this.st); });
    return this.sim.x(pid, this.label, 'task_done', [], { value: null }, this.st);
  }
  join(pid: number): LabEvent {
    if (this.unfinished === 0) return this.sim.x(pid, this.label, 'join', [], { value: null }, this.st);
    this.sim.begin(pid, this.label, 'join', [], (w) => this.joiners.push(w), this.st);
    return this.sim.events[this.sim.events.length - 1];
  }
  forget(w: Waiter): void { drop(this.getters, w); drop(this.putters, w); drop(this.joiners, w); }
  timeout(w: Waiter): void {
    if (drop(this.getters, w)) this.sim.timedOutEnd(w, { error: { code: 'Empty', message: 'stayed empty' } }, this.st);
    else if (drop(this.putters, w)) this.sim.timedOutEnd(w, { error: { code: 'Full', message: 'stayed full' } }, this.st);
    // (Python's join has no timeout; the random runs need every wait to end somehow.)
    else if (drop(this.joiners, w)) this.sim.timedOutEnd(w, { error: { code: 'TimeoutError', message: 'tasks left' } }, this.st);
  }
  /** The puts whose items are in the queue, oldest first. */
  override truth(): unknown { return this.items.map((i) => i.seq); }
}

export class SimLock extends SimObject {
  readonly kind = 'Lock' as const;
  owner: number | null = null;
  waiters: Waiter[] = [];
  constructor(label: string, readonly partOf?: string) { super(label); }
  state(): ObjectState { return { owner: this.owner, waiters: this.waiters.length }; }
  override info(): ObjectInfo { return { kind: 'Lock', label: this.label, ...(this.partOf ? { partOf: this.partOf } : {}) }; }
  acquire(pid: number, obj = this.label, st: () => ObjectState = this.st): LabEvent {
    if (this.owner === null) { this.owner = pid; return this.sim.x(pid, obj, 'acquire', [true, null], { value: true }, st); }
    this.sim.begin(pid, obj, 'acquire', [true, null], (w) => { w.payload = true; w.st = st; this.waiters.push(w); }, st);
    return this.sim.events[this.sim.events.length - 1];
  }
  /** Gives the lock to the first waiter (its E names the event that handed it over), or frees it. */
  handOver(): void {
    const next = this.waiters.shift();
    if (!next) { this.owner = null; return; }
    this.owner = next.pid;
    this.sim.defer((cause) => {
      if (next.op === 'wait') this.sim.endCall(next, { obj: this.label, op: 're-acquire', cause, value: next.payload }, this.st);
      else this.sim.endCall(next, { cause, value: true }, next.st ?? this.st);
    });
  }
  /** A Condition waiter, notified or timed out, queues to take the lock back. */
  enqueue(w: Waiter, result: boolean): void {
    w.payload = result;
    if (this.owner === null) { this.owner = w.pid; this.sim.endCall(w, { obj: this.label, op: 're-acquire', value: result }, this.st); return; }
    this.waiters.push(w);
  }
  release(pid: number, obj = this.label, st: () => ObjectState = this.st): LabEvent {
    if (this.owner === null) return this.sim.x(pid, obj, 'release', [], { error: { code: 'ValueError', message: 'not held' } }, st);
    this.handOver();
    return this.sim.x(pid, obj, 'release', [], { value: null }, st);
  }
  forget(w: Waiter): void { drop(this.waiters, w); }
  /** A re-acquire after a Condition wait has no timeout of its own. */
  timeout(w: Waiter): void { if (w.op === 'acquire' && drop(this.waiters, w)) this.sim.timedOutEnd(w, { value: false }, w.st ?? this.st); }
}

export class SimCondition extends SimObject {
  readonly kind = 'Condition' as const;
  readonly lock: SimLock;
  waiters: Waiter[] = [];
  constructor(label: string) { super(label); this.lock = new SimLock(`${label}.lock`, label); }
  override hidden(): SimObject[] { return [this.lock]; }
  state(): ObjectState { return { owner: this.lock.owner, waiters: this.waiters.length }; }
  override info(): ObjectInfo { return { kind: 'Condition', label: this.label, lock: this.lock.label }; }
  acquire(pid: number): LabEvent { return this.lock.acquire(pid, this.label, this.st); }
  release(pid: number): LabEvent { return this.lock.release(pid, this.label, this.st); }
  /** wait() gives the lock up (its B names itself as the hand-over's cause) and sleeps. */
  wait(pid: number): LabEvent {
    if (this.lock.owner !== pid) return this.sim.x(pid, this.label, 'wait', [null], { error: { code: 'RuntimeError', message: 'not held' } }, this.st);
    this.lock.handOver();
    this.sim.begin(pid, this.label, 'wait', [null], (w) => this.waiters.push(w), this.st);
    return this.sim.events[this.sim.events.length - 1];
  }
  notify(pid: number, n = 1, all = false): LabEvent {
    const woken = all ? this.waiters.splice(0) : this.waiters.splice(0, n);
    for (const w of woken) {
      this.sim.defer((cause) => {
        this.sim.record({ pid: w.pid, ph: 'I', kind: 'op', obj: this.label, op: 'notified', call: w.call, cause });
        this.lock.enqueue(w, true);
      });
    }
    return this.sim.x(pid, this.label, all ? 'notify_all' : 'notify', all ? [] : [n], { value: null }, this.st);
  }
  forget(w: Waiter): void { drop(this.waiters, w); }
  timeout(w: Waiter): void {
    if (!drop(this.waiters, w)) { this.lock.timeout(w); return; }
    this.sim.record({ pid: w.pid, ph: 'I', kind: 'op', obj: this.label, op: 'wait-timeout', call: w.call });
    this.lock.enqueue(w, false);
  }
}

export class SimEvent extends SimObject {
  readonly kind = 'Event' as const;
  flag = false;
  waiters: Waiter[] = [];
  state(): ObjectState { return { flag: this.flag, waiters: this.waiters.length }; }
  set(pid: number): LabEvent {
    this.flag = true;
    for (const w of this.waiters.splice(0)) this.sim.defer((cause) => { this.sim.endCall(w, { cause, value: true }, this.st); });
    return this.sim.x(pid, this.label, 'set', [], { value: null }, this.st);
  }
  clear(pid: number): LabEvent { this.flag = false; return this.sim.x(pid, this.label, 'clear', [], { value: null }, this.st); }
  wait(pid: number): LabEvent {
    if (this.flag) return this.sim.x(pid, this.label, 'wait', [null], { value: true }, this.st);
    this.sim.begin(pid, this.label, 'wait', [null], (w) => this.waiters.push(w), this.st);
    return this.sim.events[this.sim.events.length - 1];
  }
  forget(w: Waiter): void { drop(this.waiters, w); }
  timeout(w: Waiter): void { if (drop(this.waiters, w)) this.sim.timedOutEnd(w, { value: false }, this.st); }
}

export class SimSemaphore extends SimObject {
  readonly kind = 'Semaphore' as const;
  waiters: Waiter[] = [];
  value: number;
  constructor(label: string, readonly initial = 1, readonly bound: number | null = null) { super(label); this.value = initial; }
  state(): ObjectState { return { value: this.value, waiters: this.waiters.length }; }
  override info(): ObjectInfo { return { kind: 'Semaphore', label: this.label, initial: this.initial, bound: this.bound }; }
  acquire(pid: number): LabEvent {
    if (this.value > 0) { this.value--; return this.sim.x(pid, this.label, 'acquire', [true, null], { value: true }, this.st); }
    this.sim.begin(pid, this.label, 'acquire', [true, null], (w) => this.waiters.push(w), this.st);
    return this.sim.events[this.sim.events.length - 1];
  }
  release(pid: number): LabEvent {
    const w = this.waiters.shift();
    if (w) this.sim.defer((cause) => { this.sim.endCall(w, { cause, value: true }, this.st); });
    else if (this.bound !== null && this.value >= this.bound) return this.sim.x(pid, this.label, 'release', [], { error: { code: 'ValueError', message: 'released too many times' } }, this.st);
    else this.value++;
    return this.sim.x(pid, this.label, 'release', [], { value: null }, this.st);
  }
  forget(w: Waiter): void { drop(this.waiters, w); }
  timeout(w: Waiter): void { if (drop(this.waiters, w)) this.sim.timedOutEnd(w, { value: false }, this.st); }
}

export class SimPipe extends SimObject {
  readonly kind = 'Pipe' as const;
  readonly inbox: [QItem[], QItem[]] = [[], []];
  readonly receivers: [Waiter[], Waiter[]] = [[], []];
  readonly closed = [false, false];
  state(): ObjectState { return { size: this.inbox[0].length + this.inbox[1].length, waiters: this.receivers[0].length + this.receivers[1].length }; }
  send(pid: number, end: 0 | 1, value: unknown): LabEvent {
    const other = 1 - end;
    if (this.closed[end] || this.closed[other]) return this.sim.x(pid, this.label, 'send', [end, value], { error: { code: 'BrokenPipeError', message: 'closed' } }, this.st);
    const seq = this.sim.peekSeq();
    const r = this.receivers[other].shift();
    if (r) this.sim.defer((cause) => { const e = this.sim.endCall(r, { cause, item: seq, value }, this.st); this.sim.itemOf.set(e.seq, seq); });
    else this.inbox[other].push({ value, seq });
    return this.sim.x(pid, this.label, 'send', [end, value], { value: null }, this.st);
  }
  recv(pid: number, end: 0 | 1): LabEvent {
    const it = this.inbox[end].shift();
    if (it) return this.sim.x(pid, this.label, 'recv', [end], { value: it.value, item: it.seq }, this.st);
    if (this.closed[1 - end]) return this.sim.x(pid, this.label, 'recv', [end], { error: { code: 'EOFError', message: 'closed' } }, this.st);
    this.sim.begin(pid, this.label, 'recv', [end], (w) => this.receivers[end].push(w), this.st);
    return this.sim.events[this.sim.events.length - 1];
  }
  close(pid: number, end: 0 | 1): LabEvent {
    this.closed[end] = true;
    for (const r of this.receivers[1 - end].splice(0)) this.sim.defer((cause) => { this.sim.endCall(r, { cause, error: { code: 'EOFError', message: 'closed' } }, this.st); });
    return this.sim.x(pid, this.label, 'close', [end], { value: null }, this.st);
  }
  forget(w: Waiter): void { drop(this.receivers[0], w); drop(this.receivers[1], w); }
  /** (Python's recv has no timeout; the random runs need every wait to end somehow.) */
  timeout(w: Waiter): void {
    if (drop(this.receivers[0], w) || drop(this.receivers[1], w)) this.sim.timedOutEnd(w, { error: { code: 'TimeoutError', message: 'nothing came' } }, this.st);
  }
  override truth(): unknown { return [...this.inbox[0], ...this.inbox[1]].map((i) => i.seq).sort((a, b) => a - b); }
}

export class SimList extends SimObject {
  readonly kind = 'ManagerList' as const;
  items: unknown[] = [];
  state(): ObjectState { return { size: this.items.length }; }
  override info(): ObjectInfo { return { kind: 'ManagerList', label: this.label, length: 0 }; }
  append(pid: number, x: unknown): LabEvent { this.items.push(x); return this.sim.x(pid, this.label, 'append', [x], { value: null }, this.st); }
  remove(pid: number, x: unknown): LabEvent {
    const i = this.items.findIndex((y) => JSON.stringify(y) === JSON.stringify(x));
    if (i < 0) return this.sim.x(pid, this.label, 'remove', [x], { error: { code: 'ValueError', message: 'x not in list' } }, this.st);
    this.items.splice(i, 1);
    return this.sim.x(pid, this.label, 'remove', [x], { value: null }, this.st);
  }
  set(pid: number, i: number, x: unknown): LabEvent { this.items[i] = x; return this.sim.x(pid, this.label, 'set', [i, x], { value: null }, this.st); }
  get(pid: number, i: number): LabEvent { return this.sim.x(pid, this.label, 'get', [i], { value: this.items.at(i) }, this.st); }
  forget(): void {}
  timeout(): void {}
  override truth(): unknown { return this.items; }
}

export class SimDict extends SimObject {
  readonly kind = 'ManagerDict' as const;
  map = new Map<string | number, unknown>();
  state(): ObjectState { return { size: this.map.size }; }
  set(pid: number, k: string | number, v: unknown): LabEvent { this.map.set(k, v); return this.sim.x(pid, this.label, 'set', [k, v], { value: null }, this.st); }
  get(pid: number, k: string | number): LabEvent {
    if (!this.map.has(k)) return this.sim.x(pid, this.label, 'get', [k], { error: { code: 'KeyError', message: String(k) } }, this.st);
    return this.sim.x(pid, this.label, 'get', [k], { value: this.map.get(k) }, this.st);
  }
  delete(pid: number, k: string | number): LabEvent {
    if (!this.map.delete(k)) return this.sim.x(pid, this.label, 'delete', [k], { error: { code: 'KeyError', message: String(k) } }, this.st);
    return this.sim.x(pid, this.label, 'delete', [k], { value: null }, this.st);
  }
  forget(): void {}
  timeout(): void {}
  override truth(): unknown { return [...this.map.entries()]; }
}

export class SimNamespace extends SimObject {
  readonly kind = 'Namespace' as const;
  attrs = new Map<string, unknown>();
  state(): ObjectState { return { size: this.attrs.size }; }
  set(pid: number, k: string, v: unknown): LabEvent { this.attrs.set(k, v); return this.sim.x(pid, this.label, 'set', [k, v], { value: null }, this.st); }
  get(pid: number, k: string): LabEvent {
    if (!this.attrs.has(k)) return this.sim.x(pid, this.label, 'get', [k], { error: { code: 'AttributeError', message: k } }, this.st);
    return this.sim.x(pid, this.label, 'get', [k], { value: this.attrs.get(k) }, this.st);
  }
  delete(pid: number, k: string): LabEvent {
    if (!this.attrs.delete(k)) return this.sim.x(pid, this.label, 'delete', [k], { error: { code: 'AttributeError', message: k } }, this.st);
    return this.sim.x(pid, this.label, 'delete', [k], { value: null }, this.st);
  }
  forget(): void {}
  timeout(): void {}
  override truth(): unknown { return Object.fromEntries(this.attrs); }
}

export class SimValue extends SimObject {
  readonly kind = 'Value' as const;
  readonly lock: SimLock;
  readonly initial: number;
  constructor(label: string, public value = 0) { super(label); this.initial = value; this.lock = new SimLock(`${label}.lock`, label); }
  override hidden(): SimObject[] { return [this.lock]; }
  state(): ObjectState { return { value: this.value }; }
  override info(): ObjectInfo { return { kind: 'Value', label: this.label, initial: this.initial, lock: this.lock.label }; }
  get(pid: number): LabEvent { return this.sim.x(pid, this.label, 'get', [], { value: this.value }, this.st); }
  set(pid: number, v: number): LabEvent { this.value = v; return this.sim.x(pid, this.label, 'set', [v], { value: null }, this.st); }
  forget(): void {}
  timeout(): void {}
  override truth(): unknown { return this.value; }
}

export class SimArray extends SimObject {
  readonly kind = 'Array' as const;
  readonly lock: SimLock;
  constructor(label: string, readonly items: number[]) { super(label); this.lock = new SimLock(`${label}.lock`, label); }
  override hidden(): SimObject[] { return [this.lock]; }
  state(): ObjectState { return { size: this.items.length }; }
  override info(): ObjectInfo { return { kind: 'Array', label: this.label, length: this.items.length, lock: this.lock.label }; }
  get(pid: number, i: number): LabEvent { return this.sim.x(pid, this.label, 'get', [i], { value: this.items[i] }, this.st); }
  set(pid: number, i: number, v: number): LabEvent { this.items[i] = v; return this.sim.x(pid, this.label, 'set', [i, v], { value: null }, this.st); }
  copy(pid: number): LabEvent { return this.sim.x(pid, this.label, 'copy', [], { value: [...this.items] }, this.st); }
  forget(): void {}
  timeout(): void {}
  override truth(): unknown { return this.items; }
}
