// Arrows between processes, from the recorded links only (version 2): an item from the
// put/send that produced it to the get/recv that received it; a wake from the event a
// waiter's `cause` names (release → acquire, notify → wake, set → wait, task_done → join,
// a get that made room → the put waiting for it); a spawn to the child's `created`; a
// child's `exited` to the join (or atexit) it ended. Nothing is inferred. Seven numbers per
// arrow; times are the model's clock.
import { Column } from './column';

export type ArrowKind = 'item' | 'wake' | 'spawn' | 'exit';
const KINDS: readonly ArrowKind[] = ['item', 'wake', 'spawn', 'exit'];

export interface ArrowEnd { seq: number; pid: number; t: number }
export interface Arrow {
  kind: ArrowKind;
  /** The object the arrow's target acted on ("q1", "proc:12", ...). */
  obj: string;
  from: ArrowEnd;
  to: ArrowEnd;
}

export class ArrowList {
  private readonly kinds = new Column();
  private readonly objs = new Column();
  private readonly fromSeq = new Column();
  private readonly fromPid = new Column();
  private readonly fromT = new Column();
  private readonly toSeq = new Column();
  private readonly toPid = new Column();
  private readonly toT = new Column();
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  /** Links whose source was not known (before a window with no keyframe, or forgotten). */
  unresolved = 0;

  get length(): number { return this.kinds.length; }

  push(kind: ArrowKind, obj: string, from: ArrowEnd, toSeq: number, toPid: number, toT: number): void {
    let id = this.nameIds.get(obj);
    if (id === undefined) { id = this.names.length; this.names.push(obj); this.nameIds.set(obj, id); }
    this.kinds.push(KINDS.indexOf(kind)); this.objs.push(id);
    this.fromSeq.push(from.seq); this.fromPid.push(from.pid); this.fromT.push(from.t);
    this.toSeq.push(toSeq); this.toPid.push(toPid); this.toT.push(toT);
  }

  at(i: number): Arrow {
    return {
      kind: KINDS[this.kinds.get(i)], obj: this.names[this.objs.get(i)],
      from: { seq: this.fromSeq.get(i), pid: this.fromPid.get(i), t: this.fromT.get(i) },
      to: { seq: this.toSeq.get(i), pid: this.toPid.get(i), t: this.toT.get(i) },
    };
  }

  /** The first arrow whose target is at or after `t`. */
  indexFrom(t: number): number { return this.toT.search(t, false); }

  /** Arrows that reach into [fromUs, toUs] (a source before the window is drawn from its edge). */
  *between(fromUs: number, toUs: number): IterableIterator<Arrow> {
    for (let i = this.indexFrom(fromUs); i < this.length && this.toT.get(i) <= toUs; i++) yield this.at(i);
  }

  /** Forgets the arrows that ended before `t`. */
  trimBefore(t: number): void {
    const i = this.indexFrom(t);
    if (i <= 0) return;
    for (const c of [this.kinds, this.objs, this.fromSeq, this.fromPid, this.fromT, this.toSeq, this.toPid, this.toT]) c.dropFront(i);
  }
}
