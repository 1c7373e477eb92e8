// Which track each shared object gets, and what its label says now: queue depth against its
// maxsize, a JoinableQueue's unfinished tasks, a semaphore's slots in use against its bound, a
// lock's owner and waiters, an event's flag, a condition's waiters, a pipe's messages in
// flight, manager containers' lengths, a Value's value. A Condition's or a Value's own lock is
// drawn with its owner, not on its own.
import { STATE_COLOURS, OKABE_ITO } from '../../../../shared/charts/palette';
import type { LiveModel, TrackField, TrackedObject } from '../../../../shared/live';

export type TrackKind = 'area' | 'band' | 'value' | 'text';

export interface TrackPlan {
  obj: TrackedObject;
  kind: TrackKind;
  /** The series drawn (area, band, value). */
  main: TrackField | null;
  /** Semaphore: slots in use = cap − value. */
  cap?: number;
  /** A limit drawn across the track. */
  limit?: { name: string; value: number };
  /** Thin lines over the main series: waiters, unfinished tasks. */
  extras: TrackField[];
  colour: string;
  /** Height in CSS px at the base type size. */
  height: number;
}

export const EXTRA_COLOURS: Partial<Record<TrackField, string>> = { waiters: STATE_COLOURS.blocked, unfinished: OKABE_ITO.reddishPurple };

const POOL_NAMES: Record<string, string> = { 'pool-tasks': 'the pool\'s tasks', 'pool-results': 'the pool\'s results' };

export function planTrack(o: TrackedObject): TrackPlan {
  const info = o.info;
  const has = (f: TrackField) => o.series[f] !== undefined || (o.state as Record<string, unknown>)[f] !== undefined;
  const waiters: TrackField[] = has('waiters') ? ['waiters'] : [];
  switch (info?.kind) {
    case 'Queue': case 'JoinableQueue':
      return {
        obj: o, kind: 'area', main: 'size', extras: [...(info.kind === 'JoinableQueue' ? ['unfinished' as const] : []), ...waiters],
        colour: OKABE_ITO.blue, height: 46, ...(info.maxsize ? { limit: { name: 'maxsize', value: info.maxsize } } : {}),
      };
    case 'Pipe':
      return { obj: o, kind: 'area', main: 'size', extras: waiters, colour: OKABE_ITO.blue, height: 40 };
    case 'ManagerList': case 'ManagerDict': case 'Namespace':
      return { obj: o, kind: 'area', main: 'size', extras: [], colour: OKABE_ITO.reddishPurple, height: 36 };
    case 'Semaphore': {
      const cap = info.bound ?? info.initial;
      return cap === undefined || cap === null
        ? { obj: o, kind: 'area', main: 'value', extras: waiters, colour: OKABE_ITO.orange, height: 46 }
        : { obj: o, kind: 'area', main: 'value', cap, extras: waiters, colour: OKABE_ITO.orange, height: 46, limit: { name: info.bound != null ? 'bound' : 'slots', value: cap } };
    }
    case 'Lock': case 'Condition':
      return { obj: o, kind: 'band', main: 'owner', extras: waiters, colour: OKABE_ITO.grey, height: 32 };
    case 'Event':
      return { obj: o, kind: 'band', main: 'flag', extras: waiters, colour: OKABE_ITO.skyBlue, height: 30 };
    case 'Value':
      return { obj: o, kind: 'value', main: 'value', extras: [], colour: OKABE_ITO.bluishGreen, height: 40 };
    case 'Array':
      return { obj: o, kind: 'text', main: null, extras: [], colour: OKABE_ITO.bluishGreen, height: 26 };
    default: {
      const main = (['size', 'value', 'owner', 'flag'] as const).find(has) ?? null;
      return { obj: o, kind: main === 'owner' || main === 'flag' ? 'band' : main ? 'area' : 'text', main, extras: waiters, colour: OKABE_ITO.grey, height: 36 };
    }
  }
}

/** The objects that get a track, in creation order. */
export function trackedObjects(model: LiveModel): TrackedObject[] {
  const out: TrackedObject[] = [];
  for (const o of model.objects.all()) if (!o.info?.partOf) out.push(o);
  return out;
}

export function trackTitle(o: TrackedObject): string {
  const pool = POOL_NAMES[o.label];
  return `${o.label}${o.info ? ` · ${o.info.kind}` : ''}${pool ? ` (${pool})` : ''}`;
}

const n = (v: unknown): number => (typeof v === 'number' ? v : 0);
const plural = (k: number, one: string, many = `${one}s`) => `${k} ${k === 1 ? one : many}`;

/** The object now, in a few words (the track's label; read as text, never by colour). */
export function trackNow(p: TrackPlan, model: LiveModel): string {
  const o = p.obj, s = o.state;
  const waiting = s.waiters ? ` · ${s.waiters} waiting` : '';
  switch (o.info?.kind) {
    case 'Queue': case 'JoinableQueue': {
      const unfinished = o.info.kind === 'JoinableQueue' ? ` · ${n(s.unfinished)} unfinished` : '';
      const workers = o.label === 'pool-tasks' ? poolWorkers(model) : '';
      return `${n(s.size)} in it${o.info.maxsize ? ` (max ${o.info.maxsize})` : ''}${unfinished}${waiting}${workers}`;
    }
    case 'Pipe': return `${plural(n(s.size), 'message')} in flight${waiting}`;
    case 'ManagerList': return `${plural(n(s.size), 'item')}`;
    case 'ManagerDict': return `${plural(n(s.size), 'entry', 'entries')}`;
    case 'Namespace': return `${plural(n(s.size), 'attribute')}`;
    case 'Semaphore':
      return p.cap !== undefined ? `${p.cap - n(s.value)} of ${p.cap} in use${waiting}` : `value ${n(s.value)}${waiting}`;
    case 'Lock': case 'Condition': {
      const owner = s.owner ? model.lanes.get(s.owner) : undefined;
      return `${s.owner ? `held by ${owner ? `${owner.name} ${s.owner}` : `pid ${s.owner}`}` : 'free'}${waiting}`;
    }
    case 'Event': return `${s.flag ? 'set' : 'clear'}${waiting}`;
    case 'Value': return `= ${s.value ?? '?'}`;
    case 'Array': return 'its values: see the contents below';
    default: return Object.entries(s).map(([k, v]) => `${k} ${String(v)}`).join(' · ');
  }
}

/** A pool's workers: how many are busy (not waiting for a task). */
function poolWorkers(model: LiveModel): string {
  let all = 0, idle = 0;
  for (const lane of model.lanes.all()) {
    if (lane.program !== '$pool-worker' || lane.exitedUs !== undefined) continue;
    all++;
    const st = model.lanes.states.get(lane.spans.lastState);
    if (st.phase === 'blocked' && st.obj === 'pool-tasks') idle++;
  }
  return all ? ` · workers ${all - idle} busy, ${idle} idle` : '';
}
