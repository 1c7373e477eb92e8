// Issue 8's "done when", as checks over a real run's events (format 2): every link the
// kernel recorded points at an event that really could have caused it, and everything the
// live model and the trace export draw comes from those links. Each check names the event
// it fails on; an empty list means the run passed.
import type { ChromeTrace } from '../../../main/core/reports/trace-event';
import type { LabEvent, ObjectInfo, ProcessInfo } from '../../../shared/events';
import { laneSpans, type LiveModel } from '../../../shared/live';
import { modelClock, resolveFlows } from '../../support/trace-format';

const show = (e: LabEvent | undefined): string =>
  e === undefined ? 'no such event' : `#${e.seq} ${e.ph} ${e.kind === 'life' ? `life ${e.life}` : `${e.op} ${e.obj}`} (pid ${e.pid})`;

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** What the run's events say, indexed once. */
export class RunIndex {
  readonly bySeq = new Map<number, LabEvent>();
  /** call → its B. */
  readonly begins = new Map<number, LabEvent>();
  /** call → its E. */
  readonly ends = new Map<number, LabEvent>();
  readonly objects = new Map<string, ObjectInfo>();
  readonly procs = new Map<number, ProcessInfo>();
  readonly clock: Map<number, number>;

  constructor(readonly events: readonly LabEvent[]) {
    for (const e of events) {
      this.bySeq.set(e.seq, e);
      if (e.kind === 'op' && e.ph === 'B') this.begins.set(e.call!, e);
      if (e.kind === 'op' && e.ph === 'E' && e.call !== undefined) this.ends.set(e.call, e);
      if (e.object) this.objects.set(e.object.label, e.object);
      if (e.life === 'created' && e.proc) this.procs.set(e.pid, e.proc);
    }
    this.clock = modelClock(events);
  }

  kindOf(label: string | undefined): string | undefined { return label === undefined ? undefined : this.objects.get(label)?.kind; }

  /** The lock an acquire/release/wait on `label` takes: a Lock's own, a Condition's lock. */
  lockOf(label: string | undefined): string | undefined {
    const o = label === undefined ? undefined : this.objects.get(label);
    if (!o) return undefined;
    return o.kind === 'Lock' ? o.label : o.kind === 'Condition' ? o.lock : undefined;
  }

  /** The arguments of the call `e` belongs to (an E carries none: its B does). */
  argsOf(e: LabEvent): unknown[] | undefined { return e.ph === 'E' ? this.begins.get(e.call!)?.args : e.args; }
}

/** The recorded links themselves: calls, items and causes. */
export function linkProblems(events: readonly LabEvent[]): string[] {
  const x = new RunIndex(events);
  const problems: string[] = [];
  const bad = (e: LabEvent, why: string): void => { problems.push(`${show(e)}: ${why}`); };
  const ended = new Set<number>();
  const received = new Map<number, number>();
  events.forEach((e, i) => { if (e.seq !== i + 1) problems.push(`event ${i + 1} has seq ${e.seq}: seqs are not dense`); });

  for (const e of events) {
    if (e.kind === 'op') {
      // Calls: an X or a B is its own call; an E ends the B of the same process, once; a
      // notified/wait-timeout instant changes a Condition wait still open.
      if (e.ph === 'X' || e.ph === 'B') { if (e.call !== e.seq) bad(e, `call ${e.call} is not its own seq`); }
      else {
        const b = x.begins.get(e.call ?? -1);
        if (!b || b.seq >= e.seq) bad(e, `call ${e.call} names no earlier B`);
        else if (b.pid !== e.pid || (e.ph === 'E' && b.op !== e.op) || b.obj !== e.obj) bad(e, `its call ${e.call} is ${show(b)}`);
        else if (ended.has(b.seq)) bad(e, `call ${e.call} had already ended`);
        if (e.ph === 'E') ended.add(e.call!);
        if (e.ph === 'I' && (b?.op !== 'wait' || x.kindOf(e.obj) !== 'Condition' || !['notified', 'wait-timeout'].includes(e.op ?? ''))) bad(e, 'an instant on a call that is not a Condition wait');
      }
      if (e.item !== undefined) itemProblem(x, e, received, bad);
      else if (isTaken(x, e)) bad(e, 'received an item but names no put/send');
    }
    if (e.cause !== undefined) {
      const c = x.bySeq.get(e.cause);
      if (!c || c.seq >= e.seq) { bad(e, `its cause ${e.cause} is not an earlier event`); continue; }
      const why = causeProblem(x, e, c);
      if (why) bad(e, `${why}; its cause is ${show(c)}`);
    } else {
      const why = uncausedProblem(x, e);
      if (why) bad(e, why);
    }
  }
  return problems;
}

/** A get/recv that returned what a put/send produced. */
function isTaken(x: RunIndex, e: LabEvent): boolean {
  if (e.kind !== 'op' || (e.ph !== 'X' && e.ph !== 'E') || e.error) return false;
  const kind = x.kindOf(e.obj);
  return ((kind === 'Queue' || kind === 'JoinableQueue') && e.op === 'get') || (kind === 'Pipe' && e.op === 'recv');
}

function itemProblem(x: RunIndex, e: LabEvent, received: Map<number, number>, bad: (e: LabEvent, why: string) => void): void {
  const p = x.bySeq.get(e.item!);
  if (!isTaken(x, e)) { bad(e, 'names an item but took none'); return; }
  if (!p || p.seq >= e.seq) { bad(e, `its item ${e.item} is not an earlier event`); return; }
  const pipe = x.kindOf(e.obj) === 'Pipe';
  if (p.kind !== 'op' || p.op !== (pipe ? 'send' : 'put') || p.obj !== e.obj || (p.ph !== 'X' && p.ph !== 'E') || p.error) {
    bad(e, `its item is ${show(p)}, not a ${pipe ? 'send' : 'put'} on ${e.obj} that went through`);
    return;
  }
  const args = x.argsOf(p) ?? [];
  const sent = pipe ? args[1] : args[0];
  if (!same(sent, e.value)) bad(e, `got ${JSON.stringify(e.value)} but its item ${show(p)} carried ${JSON.stringify(sent)}`);
  if (pipe && args[0] === x.argsOf(e)?.[0]) bad(e, `received on end ${String(args[0])}, the end ${show(p)} sent from`);
  const before = received.get(p.seq);
  if (before !== undefined) bad(e, `the item of ${show(p)} was already received by #${before}`);
  received.set(p.seq, e.seq);
}

const isOp = (c: LabEvent, op: string | string[], ph: string[] = ['X']): boolean =>
  c.kind === 'op' && (Array.isArray(op) ? op : [op]).includes(c.op ?? '') && ph.includes(c.ph) && !c.error;

/** Why `c` could not have woken `e` (undefined: it could). */
function causeProblem(x: RunIndex, e: LabEvent, c: LabEvent): string | undefined {
  if (e.life === 'created') {
    const parent = e.proc?.parentPid;
    return isOp(c, 'spawn', ['B']) && c.pid === parent ? undefined : `a created process (parent ${parent}) must name its parent's spawn B`;
  }
  if (e.kind !== 'op') return 'only calls and creations have a cause';
  if (e.timedOut) return 'a call its timeout ended names a cause';
  const kind = x.kindOf(e.obj);
  const on = (obj: string | undefined): boolean => c.obj === obj;
  if (e.ph === 'I') return e.op === 'notified' && isOp(c, ['notify', 'notify_all']) && on(e.obj) ? undefined : 'a notified waiter must name a notify on its Condition';
  if (e.ph !== 'E') return 'a call that did not wait names a cause';
  switch (`${kind ?? e.obj?.replace(/:\d+$/, '')}.${e.op}`) {
    case 'Queue.get': case 'JoinableQueue.get':
      return isOp(c, 'put', ['X', 'E']) && on(e.obj) && e.cause === e.item ? undefined : 'a get must be woken by the put whose item it took';
    case 'Queue.put': case 'JoinableQueue.put':
      return isOp(c, 'get', ['X', 'E']) && on(e.obj) ? undefined : 'a put waiting for room must be let in by a get on its queue';
    case 'JoinableQueue.join':
      return isOp(c, 'task_done') && on(e.obj) ? undefined : 'a queue join must be ended by a task_done on its queue';
    case 'Lock.acquire': case 'Condition.acquire': case 'Condition.wait': {
      const lock = x.lockOf(e.obj);
      const handsOver = (isOp(c, 'release') || (isOp(c, 'wait', ['B']) && x.kindOf(c.obj) === 'Condition')) && x.lockOf(c.obj) === lock;
      return lock && handsOver ? undefined : `must be handed ${lock} by a release of it (or a Condition wait giving it up)`;
    }
    case 'Semaphore.acquire':
      return isOp(c, 'release') && on(e.obj) ? undefined : 'a semaphore acquire must be woken by a release of it';
    case 'Event.wait':
      return isOp(c, 'set') && on(e.obj) ? undefined : 'an Event wait must be woken by a set of it';
    case 'Pipe.recv': {
      const end = x.argsOf(e)?.[0];
      if (isOp(c, 'send') && on(e.obj) && x.argsOf(c)?.[0] !== end && e.cause === e.item) return undefined;
      if (isOp(c, 'close') && on(e.obj) && e.error) return undefined;
      return 'a recv must be woken by the send on the other end it received, or a close';
    }
    case 'proc.join':
      return c.life === 'exited' && `proc:${c.pid}` === e.obj ? undefined : `a join must be woken by the exit of ${e.obj}`;
    case 'proc.atexit':
      return c.life === 'exited' && x.procs.get(c.pid)?.parentPid === e.pid ? undefined : 'an atexit must be woken by the exit of a child';
    case 'kernel.spawn':
      return c.life === 'created' && c.pid === (e.value as { pid?: number } | undefined)?.pid && c.cause === e.call ? undefined : 'a spawn must be answered by its child\'s creation';
    default:
      return `nothing should wake a ${e.op} on ${e.obj}`;
  }
}

/** Why `e` should have named a cause (undefined: it need not). */
function uncausedProblem(x: RunIndex, e: LabEvent): string | undefined {
  if (e.life === 'created') return e.proc?.parentPid === null ? undefined : 'a created child names no spawn';
  if (e.kind !== 'op') return undefined;
  if (e.ph === 'I') return e.op === 'notified' ? 'a notified waiter names no notify' : undefined;
  if (e.ph !== 'E' || e.timedOut || e.op === 'sleep') return undefined;
  if (e.op === 'spawn' && e.error) return undefined;
  if (e.op === 'atexit') {
    // Answered at once when no child was alive: nothing woke it.
    const b = x.begins.get(e.call!)!;
    const childExits = x.events.filter((c) => c.life === 'exited' && c.seq > b.seq && c.seq < e.seq && x.procs.get(c.pid)?.parentPid === e.pid);
    return childExits.length === 0 ? undefined : 'an atexit that waited for its children names no exit';
  }
  return 'a call that waited ended with no cause and not by its timeout';
}

/** Everything the live model draws comes from the recorded links: its arrows, and its lanes. */
export function modelProblems(events: readonly LabEvent[], model: LiveModel): string[] {
  const x = new RunIndex(events);
  const problems: string[] = [];
  const s = model.summary();
  if (s.missed || s.unresolvedLinks) problems.push(`the model missed ${s.missed} events and could not resolve ${s.unresolvedLinks} links`);
  const drawn = new Set<string>();
  for (let i = 0; i < model.arrows.length; i++) {
    const a = model.arrows.at(i);
    const from = x.bySeq.get(a.from.seq), to = x.bySeq.get(a.to.seq);
    const key = `${a.kind} ${a.from.seq}→${a.to.seq}`;
    drawn.add(key);
    if (!from || !to || from.pid !== a.from.pid || to.pid !== a.to.pid) { problems.push(`arrow ${key}: its ends are not the events' pids`); continue; }
    const ok = a.kind === 'item' ? to.item === from.seq
      : a.kind === 'spawn' ? to.life === 'created' && to.cause === from.seq
        : to.cause === from.seq && (from.life === 'exited') === (a.kind === 'exit');
    if (!ok) problems.push(`arrow ${key} from ${show(from)} to ${show(to)} is no recorded link`);
  }
  for (const key of expectedArrows(events)) if (!drawn.has(key)) problems.push(`the recorded link ${key} has no arrow`);
  problems.push(...laneProblems(x, model));
  return problems;
}

/** The arrows the recorded links call for: "kind from→to". */
export function expectedArrows(events: readonly LabEvent[]): string[] {
  const exited = new Set(events.filter((e) => e.life === 'exited').map((e) => e.seq));
  const out: string[] = [];
  for (const e of events) {
    if (e.life === 'created' && e.cause !== undefined) out.push(`spawn ${e.cause}→${e.seq}`);
    if (e.kind !== 'op') continue;
    if (e.item !== undefined) out.push(`item ${e.item}→${e.seq}`);
    if (e.cause !== undefined && e.cause !== e.item && e.op !== 'spawn') out.push(`${exited.has(e.cause) ? 'exit' : 'wake'} ${e.cause}→${e.seq}`);
  }
  return out;
}

/** Every lane is blocked on a call from its B to its E, on what that call waits for. */
function laneProblems(x: RunIndex, model: LiveModel): string[] {
  const problems: string[] = [];
  const changed = new Map<number, number>(); // call → when its Condition wait moved to the lock
  for (const e of x.events) if (e.kind === 'op' && e.ph === 'I' && e.call !== undefined) changed.set(e.call, x.clock.get(e.seq)!);
  for (const lane of model.lanes.all()) {
    const end = lane.exitedUs ?? model.atUs;
    const spans = laneSpans(model, lane, lane.createdUs, end);
    for (const s of spans) {
      if (s.state.phase === 'running') continue;
      const b = x.begins.get(s.call);
      const where = `${lane.name} (pid ${lane.pid}) ${s.state.label} [${s.from}, ${s.to})`;
      if (!b || b.pid !== lane.pid) { problems.push(`${where}: call ${s.call} is no B of this process`); continue; }
      const moved = changed.get(b.seq);
      const onB = s.state.op === b.op && s.state.obj === b.obj;
      const onLock = moved !== undefined && s.from >= moved && s.state.op === 're-acquire' && s.state.obj === x.lockOf(b.obj);
      if (!onB && !onLock) problems.push(`${where}: its call is ${show(b)}`);
      const e = x.ends.get(b.seq);
      if (s.from < x.clock.get(b.seq)! || (e && s.to > x.clock.get(e.seq)!)) problems.push(`${where}: outside its call's B..E`);
    }
    // From each B to its E the process is not running.
    for (const b of x.begins.values()) {
      if (b.pid !== lane.pid) continue;
      const e = x.ends.get(b.seq);
      const from = x.clock.get(b.seq)!, to = e ? x.clock.get(e.seq)! : end;
      for (const s of spans) if (s.state.phase === 'running' && s.to > from && s.from < to) problems.push(`${lane.name} (pid ${lane.pid}) runs in [${s.from}, ${s.to}) inside ${show(b)}..${show(e)}`);
    }
  }
  return problems;
}

/** The trace's flows are the model's arrows (a notify's drawn to the wait's E), bound to the
 *  slices of the events they join. */
export function traceLinkProblems(events: readonly LabEvent[], trace: ChromeTrace): string[] {
  const x = new RunIndex(events);
  const problems: string[] = [];
  const notifiedEnd = new Map<number, number>();
  for (const e of events) if (e.op === 'notified' && e.ph === 'I') { const end = x.ends.get(e.call!); if (end) notifiedEnd.set(e.seq, end.seq); }
  const want = new Set(expectedArrows(events).map((k) => {
    const [kind, link] = k.split(' ');
    const [from, to] = link.split('→').map(Number);
    return `${kind} ${from}→${notifiedEnd.get(to) ?? to}`;
  }));
  const got = new Set<string>();
  for (const f of resolveFlows(trace)) {
    const from = Number(f.start.args?.from), to = Number(f.start.args?.to);
    const key = `${f.name} ${from}→${to}`;
    got.add(key);
    if (!want.has(key)) { problems.push(`flow ${key} is no recorded link`); continue; }
    const source = x.bySeq.get(from)!, target = x.bySeq.get(to)!;
    if (f.from?.args?.seq !== from || f.from.pid !== source.pid) problems.push(`flow ${key} starts on ${JSON.stringify(f.from)}, not on ${show(source)}`);
    const landsOnSlice = target.kind === 'op' || target.life === 'exited';
    if (landsOnSlice ? f.to?.args?.seq !== to : f.finish.ts !== x.clock.get(to) || f.finish.pid !== target.pid) {
      problems.push(`flow ${key} ends on ${JSON.stringify(f.to)}, not at ${show(target)}`);
    }
  }
  for (const key of want) if (!got.has(key)) problems.push(`the recorded link ${key} has no flow in the trace`);
  // Each blocked or sleeping slice belongs to a call of its process, on what that call waits for.
  for (const s of trace.traceEvents) {
    if (s.cat !== 'state' || s.ph !== 'X' || s.args?.call === undefined) continue;
    const b = x.begins.get(s.args.call as number);
    const onB = b && b.pid === s.pid && b.op === s.args.op && b.obj === s.args.obj;
    const onLock = b && b.pid === s.pid && s.args.op === 're-acquire' && s.args.obj === x.lockOf(b.obj);
    if (!onB && !onLock) problems.push(`state slice ${JSON.stringify(s)} is no call of its process`);
  }
  return problems;
}
