// Object series: per shared object its info and limits (from its `create`), its state over
// time as one compact step series per field, and its contents where the app shows them.
// Numbers only in the series: a lock's owner is its pid (0: free), an event's flag 1 or 0.
import type { ObjectSnapshot } from '../contract/snapshot';
import type { LabEvent, ObjectInfo, ObjectState } from '../events';
import { contentsKeeper, type ContentsKeeper, type InFlight } from './object-contents';
import { StepSeries } from './step-series';

export const TRACK_FIELDS = ['size', 'unfinished', 'value', 'owner', 'waiters', 'flag'] as const;
export type TrackField = (typeof TRACK_FIELDS)[number];
const IS_FIELD: ReadonlySet<string> = new Set(TRACK_FIELDS);

export interface TrackedObject {
  readonly label: string;
  /** Creation order in the run. */
  readonly index: number;
  /** From its `create` (absent for an object no create was seen for). */
  info?: ObjectInfo;
  createdUs: number;
  /** The state after the last event on it. */
  state: ObjectState;
  readonly series: Partial<Record<TrackField, StepSeries>>;
  contents?: ContentsKeeper;
}

/** A field's value as a series number (owner null → 0, flag → 1/0). */
export function fieldNumber(s: ObjectState, f: TrackField): number | undefined {
  const v = s[f];
  if (v === undefined) return undefined;
  if (v === null) return 0;
  return typeof v === 'boolean' ? (v ? 1 : 0) : v;
}

/** Labels that name no shared object: the kernel, the clock, a process. */
export function isPseudoObject(label: string): boolean {
  return label === 'kernel' || label === 'clock' || label.startsWith('proc:');
}

export class ObjectTracks {
  private readonly objects = new Map<string, TrackedObject>();

  get size(): number { return this.objects.size; }
  get(label: string): TrackedObject | undefined { return this.objects.get(label); }
  /** Every object, in creation order. */
  all(): IterableIterator<TrackedObject> { return this.objects.values(); }

  create(label: string, info: ObjectInfo, at: number, state: ObjectState | undefined): TrackedObject {
    let o = this.objects.get(label);
    if (!o) o = this.add(label, at);
    o.info = info;
    o.contents = contentsKeeper(info);
    if (state) this.observe(o, state, at);
    return o;
  }

  private add(label: string, at: number): TrackedObject {
    const o: TrackedObject = { label, index: this.objects.size, createdUs: at, state: {}, series: {} };
    this.objects.set(label, o);
    return o;
  }

  /**
   * An operation's event on `label`: its state goes into the series, its arguments and value
   * into the contents. Gives back the item a get/recv took, when its origin was known.
   */
  apply(label: string, e: LabEvent, at: number, args: readonly unknown[] | undefined): InFlight | undefined {
    let o = this.objects.get(label);
    if (!o) {
      if (!e.state) return undefined;
      o = this.add(label, at);
    }
    if (e.state) this.observe(o, e.state, at);
    const c = o.contents;
    if (!c || e.ph === 'B' || e.ph === 'I') return undefined;
    c.apply(e, at, args);
    c.reconcile(e.state?.size);
    return e.item === undefined ? undefined : c.take(e.item);
  }

  private observe(o: TrackedObject, state: ObjectState, at: number): void {
    const own = o.state as Record<string, unknown>;
    for (const f in state) {
      const v = (state as Record<string, unknown>)[f];
      own[f] = v;
      if (v === undefined || !IS_FIELD.has(f)) continue;
      const n = v === null ? 0 : v === true ? 1 : v === false ? 0 : (v as number);
      (o.series[f as TrackField] ??= new StepSeries()).push(at, n);
    }
  }

  trimBefore(t: number): void {
    for (const o of this.objects.values()) for (const f of TRACK_FIELDS) o.series[f]?.trimBefore(t);
  }

  snapshot(): ObjectSnapshot[] {
    const out: ObjectSnapshot[] = [];
    for (const o of this.objects.values()) {
      if (!o.info) continue;
      const s: ObjectSnapshot = { info: o.info, state: { ...o.state }, createdUs: o.createdUs };
      if (o.contents) s.contents = o.contents.snapshot();
      out.push(s);
    }
    return out;
  }

  /** Objects as a keyframe left them: each series begins at the keyframe's time. */
  restore(objects: readonly ObjectSnapshot[], atUs: number): void {
    for (const s of objects) {
      const o = this.add(s.info.label, s.createdUs);
      o.info = s.info;
      o.contents = contentsKeeper(s.info, s.contents);
      this.observe(o, s.state, atUs);
    }
  }
}
