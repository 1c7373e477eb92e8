// Arrows between processes, from the recorded links only (version 2): an item from the
// put/send that produced it to the get/recv that received it; a wake from the event a
// waiter's `cause` names (release → acquire, notify → wake, set → wait, task_done → join,
// a get that made room → the put waiting for it); a spawn to the child's `created`; a
// child's `exited` to the join (or atexit) it ended. Nothing is inferred. Seven numbers per
// arrow; times are the model's clock.
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
  private kinds: number[] = [];
  private objs: number[] = [];
  private fromSeq: number[] = [];
  private fromPid: number[] = [];
  private fromT: number[] = [];
  private toSeq: number[] = [];
  private toPid: number[] = [];
  private toT: number[] = [];
  private base = 0;
  private readonly names: string[] = [];
  private readonly nameIds = new Map<string, number>();
  /** Links whose source was not known (before a window with no keyframe, or forgotten). */
  unresolved = 0;

  get length(): number { return this.kinds.length - this.base; }

  push(kind: ArrowKind, obj: string, from: ArrowEnd, toSeq: number, toPid: number, toT: number): void {
    let id = this.nameIds.get(obj);
    if (id === undefined) { id = this.names.length; this.names.push(obj); this.nameIds.set(obj, id); }
    this.kinds.push(KINDS.indexOf(kind)); this.objs.push(id);
    this.fromSeq.push(from.seq); this.fromPid.push(from.pid); this.fromT.push(from.t);
    this.toSeq.push(toSeq); this.toPid.push(toPid); this.toT.push(toT);
  }

  at(i: number): Arrow {
    const j = this.base + i;
    return {
      kind: KINDS[this.kinds[j]], obj: this.names[this.objs[j]],
      from: { seq: this.fromSeq[j], pid: this.fromPid[j], t: this.fromT[j] },
      to: { seq: this.toSeq[j], pid: this.toPid[j], t: this.toT[j] },
    };
  }

  /** The first arrow whose target is at or after `t`. */
  indexFrom(t: number): number {
    let lo = this.base, hi = this.toT.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.toT[mid] < t) lo = mid + 1; else hi = mid;
    }
    return lo - this.base;
  }

  /** Arrows that reach into [fromUs, toUs] (a source before the window is drawn from its edge). */
  *between(fromUs: number, toUs: number): IterableIterator<Arrow> {
    for (let i = this.indexFrom(fromUs); i < this.length && this.toT[this.base + i] <= toUs; i++) yield this.at(i);
  }

  /** Forgets the arrows that ended before `t`. */
  trimBefore(t: number): void {
    const i = this.indexFrom(t);
    if (i <= 0) return;
    this.base += i;
    if (this.base > 1024 && this.base * 2 > this.kinds.length) {
      const cut = (a: number[]): number[] => a.slice(this.base);
      this.kinds = cut(this.kinds); this.objs = cut(this.objs);
      this.fromSeq = cut(this.fromSeq); this.fromPid = cut(this.fromPid); this.fromT = cut(this.fromT);
      this.toSeq = cut(this.toSeq); this.toPid = cut(this.toPid); this.toT = cut(this.toT);
      this.base = 0;
    }
  }
}
