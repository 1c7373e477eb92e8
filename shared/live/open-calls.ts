// The calls that began (B) and have not ended yet, by call id and by process. A process has
// one in practice, but an async program can have several (Promise.all of gets or spawns);
// its lane shows the oldest. Bounded by the calls really pending.
export interface OpenCall {
  readonly call: number;
  readonly pid: number;
  readonly t: number;
  /** Mutable: a notified Condition waiter now waits to re-acquire the lock. */
  obj: string;
  op: string;
  readonly args?: readonly unknown[];
}

const NONE: readonly OpenCall[] = [];

export class OpenCalls {
  private readonly byCall = new Map<number, OpenCall>();
  private readonly byPid = new Map<number, OpenCall[]>();

  get size(): number { return this.byCall.size; }

  begin(c: OpenCall): void {
    if (this.byCall.has(c.call)) return;
    this.byCall.set(c.call, c);
    const list = this.byPid.get(c.pid);
    if (list) list.push(c); else this.byPid.set(c.pid, [c]);
  }

  get(call: number): OpenCall | undefined { return this.byCall.get(call); }

  /** Ends a call; gives it back (undefined when it was not open). */
  end(call: number): OpenCall | undefined {
    const c = this.byCall.get(call);
    if (!c) return undefined;
    this.byCall.delete(call);
    const list = this.byPid.get(c.pid)!;
    list.splice(list.indexOf(c), 1);
    if (list.length === 0) this.byPid.delete(c.pid);
    return c;
  }

  /** A process's open calls, oldest first. */
  of(pid: number): readonly OpenCall[] { return this.byPid.get(pid) ?? NONE; }

  /** The oldest open call of `pid` doing `op` (version-1 pairing). */
  firstOf(pid: number, op: string): OpenCall | undefined {
    const list = this.byPid.get(pid);
    if (list) for (const c of list) if (c.op === op) return c;
    return undefined;
  }

  /** A process died: its calls will never end. */
  dropPid(pid: number): void {
    const list = this.byPid.get(pid);
    if (!list) return;
    for (const c of list) this.byCall.delete(c.call);
    this.byPid.delete(pid);
  }

  /** Every open call, in the order they began. */
  all(): IterableIterator<OpenCall> { return this.byCall.values(); }
}
