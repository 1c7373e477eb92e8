// The reader of version-1 events (runs stored before the kernel recorded links): it turns
// each into the version-2 shape the reducers fold, as far as version 1 says it. A B and its
// E are paired by pid and operation (a Condition wait ends as 're-acquire'); kernel operations are put on what they wait for (sleep on
// the clock, join on the child, atexit on the process itself); a process's parent is known
// once its spawn answers with its pid. Version 1 has no cause and no item: no arrows, and no
// contents (its arguments are 60-character summaries).
import type { LabEvent, ObjectInfo, ObjectKind } from '../events';
import type { OpenCalls } from './open-calls';

export interface V1Host {
  readonly calls: OpenCalls;
  setParent(pid: number, parentPid: number): void;
  /** The kind of an object created so far. */
  kindOf(label: string): ObjectKind | undefined;
  /** Declares an object version 1 used without creating it visibly (a Condition's own lock). */
  declare(label: string, info: ObjectInfo, at: number): void;
}

/** Is this event in version 1's shape? (Version 2 gives every op a call, every created its proc.) */
export function isV1(e: LabEvent): boolean {
  return e.kind === 'op' ? e.call === undefined : e.life === 'created' && e.proc === undefined;
}

export function readV1(e: LabEvent, at: number, host: V1Host): LabEvent {
  if (e.kind === 'life') {
    return { ...e, proc: { name: e.res ?? `pid ${e.pid}`, program: e.arg ?? '?', parentPid: null, daemon: false } };
  }
  const out: LabEvent = { ...e, call: e.seq };
  if (e.obj?.endsWith('.lock') && !host.kindOf(e.obj)) {
    // The version-1 kernel gave a Condition without a lock of its own one named "<label>.lock".
    const cond = e.obj.slice(0, -'.lock'.length);
    if (host.kindOf(cond) === 'Condition') host.declare(e.obj, { kind: 'Lock', label: e.obj, partOf: cond }, at);
  }
  if (e.op === 'create' && e.ph === 'X') {
    out.object = { kind: e.arg as ObjectInfo['kind'], label: e.obj ?? '?' };
    return out;
  }
  if (e.ph === 'B') {
    if (e.op === 'sleep') out.obj = 'clock';
    else if (e.op === 'atexit') out.obj = `proc:${e.pid}`;
    else if (e.op === 'join' && e.obj === 'kernel') {
      const child = /^\[?(\d+)/.exec(e.arg ?? '')?.[1];
      if (child) out.obj = `proc:${child}`;
    }
  } else if (e.ph === 'E') {
    const begin = host.calls.firstOf(e.pid, e.op === 're-acquire' ? 'wait' : e.op ?? '');
    if (begin) out.call = begin.call;
    if (e.op === 'spawn') {
      const child = /"pid":(\d+)/.exec(e.res ?? '')?.[1];
      if (child) host.setParent(Number(child), e.pid);
    }
  }
  if (e.res !== undefined && /^[A-Z]\w*: /.test(e.res)) {
    const i = e.res.indexOf(': ');
    out.error = { code: e.res.slice(0, i), message: e.res.slice(i + 2) };
  }
  return out;
}
