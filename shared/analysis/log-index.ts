// Reads an event log once for the exporters: which kind each object is (from its 'create'
// event) and which 'E' ended each blocked 'B'. A process has one blocked call at a time in
// practice, but an async program can have several, so a 'B' is matched by pid and op.
import type { LabEvent } from '../events';

export interface LogIndex {
  /** Object label → kind ("Queue", "Condition", ...). */
  kinds: Map<string, string>;
  /** seq of a 'B' → the 'E' that ended it; absent when it never ended (process died, run stopped). */
  endOf: Map<number, LabEvent>;
  /** seq of an 'E' → the 'B' it ended. */
  beginOf: Map<number, LabEvent>;
}

export function indexLog(events: readonly LabEvent[]): LogIndex {
  const kinds = new Map<string, string>();
  const endOf = new Map<number, LabEvent>();
  const beginOf = new Map<number, LabEvent>();
  const open = new Map<number, LabEvent[]>(); // pid → its 'B' events not yet ended, oldest first
  for (const e of events) {
    if (e.kind !== 'op') continue;
    if (e.op === 'create' && e.obj && e.arg) kinds.set(e.obj, e.arg);
    if (e.ph === 'B') {
      const list = open.get(e.pid);
      if (list) list.push(e); else open.set(e.pid, [e]);
    } else if (e.ph === 'E') {
      const list = open.get(e.pid) ?? [];
      // A Condition wait ends as 're-acquire' on the condition's lock.
      const op = e.op === 're-acquire' ? 'wait' : e.op;
      const i = list.findIndex((b) => b.op === op);
      if (i < 0) continue;
      const [b] = list.splice(i, 1);
      endOf.set(b.seq, e);
      beginOf.set(e.seq, b);
    }
  }
  return { kinds, endOf, beginOf };
}

/** A result that is an error ("Empty: q is empty"); values are JSON summaries, never "Word: ...". */
export function isFailure(res: string | undefined): boolean {
  return res !== undefined && /^[A-Z]\w*: /.test(res);
}
