// Process lanes: per process its info, its place in the parent tree (children in creation
// order) and its state spans: running / blocked on an object doing an operation / sleeping /
// exited. A lane's state is its oldest open call, recomputed when one of its calls begins,
// ends or changes (a notified Condition waiter moves to re-acquiring the lock).
import type { PreviousPhase, ProcessSnapshot } from '../contract/snapshot';
import type { ExitHow, ProcessInfo } from '../events';
import { LaneStates, type LanePhase } from './lane-states';
import type { OpenCalls } from './open-calls';
import { SpanList } from './span-list';

export interface Lane {
  readonly pid: number;
  name: string;
  program: string;
  parentPid: number | null;
  daemon: boolean;
  createdUs: number;
  exitedUs?: number;
  exitCode?: number | null;
  signal?: string | null;
  how?: ExitHow;
  /** Creation order in the run (lanes are listed, and children nested, in this order). */
  readonly index: number;
  /** Child pids, in creation order. */
  readonly children: number[];
  readonly spans: SpanList;
}

export interface LaneRow { lane: Lane; depth: number }

export class ProcessLanes {
  readonly states = new LaneStates();
  private readonly lanes = new Map<number, Lane>();
  private readonly roots: number[] = [];
  private exitedN = 0;
  private treeVersion = 0;
  private rows: { version: number; rows: LaneRow[] } | undefined;

  constructor(private readonly calls: OpenCalls) {}

  get size(): number { return this.lanes.size; }
  get exitedCount(): number { return this.exitedN; }
  get live(): number { return this.lanes.size - this.exitedN; }
  get(pid: number): Lane | undefined { return this.lanes.get(pid); }
  /** Every lane, in creation order. */
  all(): IterableIterator<Lane> { return this.lanes.values(); }

  /** A `created` event: the lane begins, running, under its parent. */
  created(pid: number, info: ProcessInfo, at: number): Lane {
    const known = this.lanes.get(pid);
    if (known) {
      known.name = info.name; known.program = info.program; known.daemon = info.daemon;
      if (info.parentPid !== known.parentPid) this.setParent(pid, info.parentPid);
      return known;
    }
    return this.add(pid, info, at);
  }

  /** The lane of `pid`, begun now under no parent if nothing said it was created. */
  ensure(pid: number, at: number): Lane {
    return this.lanes.get(pid) ?? this.add(pid, { name: `pid ${pid}`, program: '?', parentPid: null, daemon: false }, at);
  }

  /** A new lane, in `state` (running) from `since` (its creation). */
  private add(pid: number, info: ProcessInfo, at: number, state = this.states.running, call = 0, since = at): Lane {
    const lane: Lane = {
      pid, name: info.name, program: info.program, parentPid: info.parentPid, daemon: info.daemon,
      createdUs: at, index: this.lanes.size, children: [], spans: new SpanList(),
    };
    this.lanes.set(pid, lane);
    lane.spans.push(since, state, call);
    this.attach(lane);
    return lane;
  }

  private attach(lane: Lane): void {
    const parent = lane.parentPid === null ? undefined : this.lanes.get(lane.parentPid);
    insertByIndex(parent ? parent.children : this.roots, lane.index, lane.pid, this.lanes);
    this.treeVersion++;
  }

  /** Version 1 only: the parent is known from the spawn's answer, after the child's creation. */
  setParent(pid: number, parentPid: number | null): void {
    const lane = this.lanes.get(pid);
    if (!lane || lane.parentPid === parentPid) return;
    const old = lane.parentPid === null ? undefined : this.lanes.get(lane.parentPid);
    const from = old ? old.children : this.roots;
    const i = from.indexOf(pid);
    if (i >= 0) from.splice(i, 1);
    lane.parentPid = parentPid;
    this.attach(lane);
  }

  /** Recomputes the state of `pid` from its open calls. */
  refresh(pid: number, at: number): void {
    const lane = this.lanes.get(pid);
    if (!lane || lane.exitedUs !== undefined) return;
    const open = this.calls.of(pid);
    if (open.length === 0) { lane.spans.push(at, this.states.running, 0); return; }
    const c = open[0];
    const state = c.op === 'sleep' ? this.states.intern('sleeping', c.obj, c.op) : this.states.intern('blocked', c.obj, c.op);
    lane.spans.push(at, state, c.call);
  }

  exited(pid: number, at: number, exitCode: number | null | undefined, signal: string | null | undefined, how: ExitHow | undefined): void {
    const lane = this.ensure(pid, at);
    if (lane.exitedUs !== undefined) return;
    lane.exitedUs = at;
    if (exitCode !== undefined) lane.exitCode = exitCode;
    if (signal !== undefined) lane.signal = signal;
    if (how !== undefined) lane.how = how;
    lane.spans.push(at, this.states.exited, 0);
    this.exitedN++;
  }

  /** The lanes as a tree, depth first, each parent before its children (cached per change). */
  tree(): readonly LaneRow[] {
    if (this.rows?.version === this.treeVersion) return this.rows.rows;
    const rows: LaneRow[] = [];
    const walk = (pids: readonly number[], depth: number): void => {
      for (const pid of pids) {
        const lane = this.lanes.get(pid)!;
        rows.push({ lane, depth });
        walk(lane.children, depth + 1);
      }
    };
    walk(this.roots, 0);
    this.rows = { version: this.treeVersion, rows };
    return rows;
  }

  trimBefore(t: number): void { for (const lane of this.lanes.values()) lane.spans.trimBefore(t); }

  snapshot(): ProcessSnapshot[] {
    const out: ProcessSnapshot[] = [];
    for (const l of this.lanes.values()) {
      const state = this.states.get(l.spans.lastState);
      const p: ProcessSnapshot = {
        pid: l.pid, name: l.name, program: l.program, parentPid: l.parentPid, daemon: l.daemon,
        phase: state.phase, since: l.spans.lastStart, createdUs: l.createdUs,
      };
      if (state.obj !== undefined) p.blockedOn = { obj: state.obj, op: state.op!, call: l.spans.lastCall };
      if (l.exitedUs !== undefined) p.exitedUs = l.exitedUs;
      if (l.exitCode !== undefined) p.exitCode = l.exitCode;
      if (l.signal !== undefined) p.signal = l.signal;
      if (l.how !== undefined) p.how = l.how;
      out.push(p);
    }
    return out;
  }

  /** Lanes as a keyframe left them: each begins with its current span. */
  /**
   * The phase before the current one of each lane whose current phase began at `at`: a change
   * at that instant may still undo the current one (SpanList.push), and a lane rebuilt from a
   * snapshot needs it to do the same.
   */
  previous(at: number): PreviousPhase[] {
    const out: PreviousPhase[] = [];
    for (const l of this.lanes.values()) {
      const n = l.spans.length;
      if (n < 2 || l.spans.lastStart !== at) continue;
      const state = this.states.get(l.spans.stateAt(n - 2));
      const p: PreviousPhase = { pid: l.pid, phase: state.phase, since: l.spans.startAt(n - 2) };
      if (state.obj !== undefined) p.blockedOn = { obj: state.obj, op: state.op!, call: l.spans.callAt(n - 2) };
      out.push(p);
    }
    return out;
  }

  restore(processes: readonly ProcessSnapshot[], previous: readonly PreviousPhase[] = []): void {
    const before = new Map(previous.map((p) => [p.pid, p]));
    for (const p of processes) {
      const prev = before.get(p.pid);
      const state = this.stateOf(p.phase, p.blockedOn);
      const lane = prev
        ? this.add(p.pid, p, p.createdUs, this.stateOf(prev.phase, prev.blockedOn), prev.blockedOn?.call ?? 0, prev.since)
        : this.add(p.pid, p, p.createdUs, state, p.blockedOn?.call ?? 0, p.since);
      if (prev) lane.spans.push(p.since, state, p.blockedOn?.call ?? 0);
      if (p.exitedUs !== undefined) { lane.exitedUs = p.exitedUs; this.exitedN++; }
      if (p.exitCode !== undefined) lane.exitCode = p.exitCode;
      if (p.signal !== undefined) lane.signal = p.signal;
      if (p.how !== undefined) lane.how = p.how;
    }
  }

  private stateOf(phase: LanePhase, on: ProcessSnapshot['blockedOn']): number {
    if (phase === 'running') return this.states.running;
    if (phase === 'exited') return this.states.exited;
    return this.states.intern(phase, on?.obj ?? '?', on?.op ?? '?');
  }
}

/** Inserts `pid` into `list` keeping creation order (appending in the usual case). */
function insertByIndex(list: number[], index: number, pid: number, lanes: Map<number, Lane>): void {
  let i = list.length;
  while (i > 0 && lanes.get(list[i - 1])!.index > index) i--;
  list.splice(i, 0, pid);
}
