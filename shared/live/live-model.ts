// The live model of one run: process lanes, object series and contents, arrows, transcript
// and progress, folded from batches of events in time proportional to the batch. The same
// model serves the live view (fold each push), the replay (build it from a keyframe, fold
// the window's events) and the HTML report (fold the embedded events once).
//
// Time is the model's clock: an event's t, never earlier than the latest before it (a call is
// stamped when it began, so a wake recorded inside it can carry a later t).
// Memory: everything per process and per object is bounded by their number; spans, series
// points, arrows and lines grow with real changes only, and `trimBefore(us)` (or the
// `retainUs` option, for a view that draws the last N seconds) forgets what ended before.
import type { RunSnapshot } from '../contract/snapshot';
import type { LabEvent } from '../events';
import { ArrowList, type ArrowEnd, type ArrowKind } from './arrows';
import type { LiveSnapshot, OpenCallSnapshot } from './live-snapshot';
import { ObjectTracks, isPseudoObject } from './object-tracks';
import { OpenCalls } from './open-calls';
import { ProcessLanes } from './process-lanes';
import { Progress } from './progress';
import { RecentEvents, TAG_CREATED, TAG_EXITED, TAG_OTHER } from './recent-events';
import { Transcript } from './transcript';
import { isV1, readV1, type V1Host } from './v1-reader';

export interface LiveModelOptions {
  /** Keep only the last `retainUs` µs of spans, points, arrows and lines (a live view's window). */
  retainUs?: number;
}

export interface LiveSummary {
  events: number; lastSeq: number; lastUs: number;
  live: number; processes: number; exited: number;
  ops: number; errors: number;
  /** Events a gap in seq left out; links whose source was unknown. */
  missed: number; unresolvedLinks: number;
}

export class LiveModel {
  readonly calls = new OpenCalls();
  readonly lanes = new ProcessLanes(this.calls);
  readonly objects = new ObjectTracks();
  readonly arrows = new ArrowList();
  readonly transcript = new Transcript();
  readonly progress = new Progress();
  /** Bumped by every fold that changed something: a view redraws when it moved. */
  version = 0;
  private readonly recent = new RecentEvents();
  private trimmedTo = -Infinity;
  private readonly v1: V1Host;

  constructor(private readonly options: LiveModelOptions = {}) {
    this.v1 = {
      calls: this.calls,
      setParent: (pid, parentPid) => this.lanes.setParent(pid, parentPid),
      kindOf: (label) => this.objects.get(label)?.info?.kind,
      declare: (label, info, at) => { this.objects.create(label, info, at, undefined); },
    };
  }

  /** A model that goes on from a keyframe as the model that folded everything before it would. */
  static fromSnapshot(s: RunSnapshot | LiveSnapshot, options?: LiveModelOptions): LiveModel {
    const m = new LiveModel(options);
    const live = (s as LiveSnapshot).live;
    m.lanes.restore(s.processes, live?.previous);
    m.objects.restore(s.objects, s.atUs);
    if (live) {
      for (const c of live.calls) m.calls.begin({ ...c });
      m.recent.restore(live.recent, s.atSeq);
      m.progress.errors = live.errors;
      m.progress.ops = live.ops;
      m.progress.missed = live.missed;
    } else {
      // A plain RunSnapshot knows one call per process: the one its lane shows.
      for (const p of s.processes) if (p.blockedOn) m.calls.begin({ call: p.blockedOn.call, pid: p.pid, t: p.since, obj: p.blockedOn.obj, op: p.blockedOn.op });
    }
    m.progress.events = s.atSeq;
    m.progress.lastSeq = s.atSeq;
    m.progress.lastT = s.atUs;
    m.progress.rate.reach(s.atUs);
    return m;
  }

  /** The progress line: events, time, processes live / ever / exited, calls, errors. */
  summary(): LiveSummary {
    const p = this.progress;
    return {
      events: p.events, lastSeq: p.lastSeq, lastUs: p.lastT, live: this.lanes.live, processes: this.lanes.size,
      exited: this.lanes.exitedCount, ops: p.ops, errors: p.errors, missed: p.missed, unresolvedLinks: this.arrows.unresolved,
    };
  }

  get atSeq(): number { return this.progress.lastSeq; }
  get atUs(): number { return this.progress.lastT; }

  /** Folds a batch (in seq order); events at or before the last seq folded are skipped. */
  fold(batch: readonly LabEvent[]): void {
    const before = this.progress.lastSeq;
    for (let i = 0; i < batch.length; i++) this.foldOne(batch[i]);
    if (this.progress.lastSeq === before) return;
    this.version++;
    const keep = this.options.retainUs;
    // Trim once the window has moved on by an eighth, so trimming stays O(1) per event.
    if (keep !== undefined && this.progress.lastT - keep > this.trimmedTo + keep / 8) this.trimBefore(this.progress.lastT - keep);
  }

  private foldOne(raw: LabEvent): void {
    const p = this.progress;
    if (raw.seq <= p.lastSeq) return;
    if (p.lastSeq > 0 && raw.seq > p.lastSeq + 1) p.missed += raw.seq - p.lastSeq - 1;
    p.lastSeq = raw.seq;
    p.events++;
    const at = raw.t > p.lastT ? raw.t : p.lastT;
    p.lastT = at;
    const e = isV1(raw) ? readV1(raw, at, this.v1) : raw;
    switch (e.kind) {
      case 'op':
        if (e.ph === 'X' || e.ph === 'B') { p.ops++; p.rate.add(at); }
        this.op(e, at);
        this.recent.record(e.seq, e.pid, at, TAG_OTHER);
        return;
      case 'life':
        this.life(e, at);
        this.recent.record(e.seq, e.pid, at, e.life === 'exited' ? TAG_EXITED : e.life === 'created' ? TAG_CREATED : TAG_OTHER);
        return;
      case 'print': case 'error':
        if (e.kind === 'error') p.errors++;
        this.transcript.add({
          seq: e.seq, t: at, pid: e.pid, name: this.lanes.get(e.pid)?.name ?? (e.pid === 0 ? 'kernel' : `pid ${e.pid}`),
          kind: e.kind, text: e.text ?? '', ...(e.op !== undefined ? { op: e.op } : {}),
        });
        return;
      default:
    }
  }

  private life(e: LabEvent, at: number): void {
    if (e.pid === 0) return;
    if (e.life === 'created') {
      this.lanes.created(e.pid, e.proc ?? { name: `pid ${e.pid}`, program: '?', parentPid: null, daemon: false }, at);
      if (e.cause !== undefined) this.link('spawn', e.obj ?? `proc:${e.pid}`, e.cause, e, at);
    } else if (e.life === 'exited') {
      this.calls.dropPid(e.pid);
      this.lanes.exited(e.pid, at, e.exitCode, e.signal, e.how);
    } else {
      this.lanes.ensure(e.pid, at);
    }
  }

  private op(e: LabEvent, at: number): void {
    const obj = e.obj ?? 'kernel';
    if (e.op === 'create' && e.object) {
      this.objects.create(e.object.label, e.object, at, e.state);
      return;
    }
    if (e.pid !== 0) this.lanes.ensure(e.pid, at);
    const call = e.call ?? e.seq;
    let args = e.args;
    switch (e.ph) {
      case 'B':
        this.calls.begin({ call, pid: e.pid, t: at, obj, op: e.op ?? '?', ...(e.args ? { args: e.args } : {}) });
        this.lanes.refresh(e.pid, at);
        break;
      case 'E': {
        const begun = this.calls.end(call);
        args ??= begun?.args as unknown[] | undefined;
        this.lanes.refresh(e.pid, at);
        break;
      }
      case 'I': {
        // A Condition waiter notified (or timed out) now waits to re-acquire the lock.
        const c = this.calls.get(call);
        if (c && (e.op === 'notified' || e.op === 'wait-timeout')) {
          c.obj = this.objects.get(c.obj)?.info?.lock ?? c.obj;
          c.op = 're-acquire';
          this.lanes.refresh(c.pid, at);
        }
        break;
      }
      default:
    }
    const taken = isPseudoObject(obj) ? undefined : this.objects.apply(obj, e, at, args);
    if (e.item !== undefined) {
      const from = taken ?? this.end(e.item, e.seq);
      if (from) this.arrows.push('item', obj, from, e.seq, e.pid, at); else this.arrows.unresolved++;
    }
    // A spawn's E names the child's `created`: that arrow is drawn from the spawn, at the child.
    if (e.cause !== undefined && e.cause !== e.item && !e.timedOut && e.op !== 'spawn') this.link('wake', obj, e.cause, e, at);
  }

  private link(kind: ArrowKind, obj: string, cause: number, e: LabEvent, at: number): void {
    const from = this.end(cause, e.seq);
    if (!from) { this.arrows.unresolved++; return; }
    this.arrows.push(kind === 'wake' && from.tag === TAG_EXITED ? 'exit' : kind, obj, from, e.seq, e.pid, at);
  }

  /** Where event `seq` happened: a recent event, or a call still open (a spawn, a Condition wait). */
  private end(seq: number, now: number): (ArrowEnd & { tag: number }) | undefined {
    const r = this.recent.find(seq, now);
    if (r) return r;
    const c = this.calls.get(seq);
    return c ? { seq, pid: c.pid, t: c.t, tag: TAG_OTHER } : undefined;
  }

  /** The state of every process and object now, plus what folding on needs (`live`). */
  snapshot(): LiveSnapshot {
    const calls: OpenCallSnapshot[] = [];
    for (const c of this.calls.all()) {
      const s: OpenCallSnapshot = { call: c.call, pid: c.pid, t: c.t, obj: c.obj, op: c.op };
      if (c.args) s.args = c.args as unknown[];
      calls.push(s);
    }
    const p = this.progress;
    const live: LiveSnapshot['live'] = { calls, recent: this.recent.snapshot(p.lastSeq), errors: p.errors, ops: p.ops, missed: p.missed };
    const previous = this.lanes.previous(p.lastT);
    if (previous.length) live.previous = previous;
    return { atSeq: p.lastSeq, atUs: p.lastT, processes: this.lanes.snapshot(), objects: this.objects.snapshot(), live };
  }

  /** Forgets spans, points, arrows and lines that ended before `us` (a window's past). */
  trimBefore(us: number): void {
    this.trimmedTo = us;
    this.lanes.trimBefore(us);
    this.objects.trimBefore(us);
    this.arrows.trimBefore(us);
    this.transcript.trimBefore(us);
  }
}
