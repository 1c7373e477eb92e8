// Reading what an event says, whichever format recorded it. Version 2 events carry their
// values as structured data (args, value, error, object, proc); version 1 events (runs stored
// before) carried 60-character summaries (arg, res), read back here as well as they can be:
// a summary that was cut, or is not JSON, reads as absent.
import type { LabEvent, ObjectInfo, OpError, ProcessInfo } from './events';
import { OP_ARGS } from './op-args';

/** The event was recorded in format 2 (it carries links and structured values). */
export function isV2(e: LabEvent): boolean {
  return e.call !== undefined || e.args !== undefined || e.value !== undefined || e.error !== undefined || e.object !== undefined || e.proc !== undefined;
}

/** A value read back: present, or not known (absent, failed, or cut in a version-1 summary). */
export type Read = { ok: true; value: unknown } | { ok: false };

const NONE: Read = { ok: false };

function parseSummary(text: string | undefined): Read {
  if (text === undefined || text === '' || text.endsWith('...')) return NONE;
  try { return { ok: true, value: JSON.parse(text) }; } catch { return NONE; }
}

/** A version-1 result that was an error: "Empty: queue1 is empty". */
const V1_ERROR = /^([A-Z]\w*): ([\s\S]*)$/;

/** The call failed (Empty, Full, EOFError, LimitExceeded, ...). */
export function errorOf(e: LabEvent): OpError | undefined {
  if (e.error) return e.error;
  const m = e.res !== undefined && !isV2(e) ? V1_ERROR.exec(e.res) : null;
  return m ? { code: m[1], message: m[2] } : undefined;
}

/** What the call returned (X or E), when it did not fail. */
export function valueOf(e: LabEvent): Read {
  if (e.ph === 'B' || e.ph === 'I') return NONE;
  if (isV2(e)) return e.error || !('value' in e) ? NONE : { ok: true, value: e.value };
  return errorOf(e) ? NONE : parseSummary(e.res);
}

/** What the call returned, or undefined when that is not known (see valueOf). */
export function returned(e: LabEvent): unknown {
  const v = valueOf(e);
  return v.ok ? v.value : undefined;
}

/** The call's arguments in their operation's shape (shared/op-args.ts). */
export function argsOf(e: LabEvent, kind?: string): unknown[] | undefined {
  if (e.args) return e.args;
  if (isV2(e)) return undefined;
  const r = parseSummary(e.arg);
  if (!r.ok) return undefined;
  // Version 1 summarized a single argument as itself and several as a list.
  const params = kind && e.op ? OP_ARGS[kind]?.[e.op] : undefined;
  if (params && params.length > 1 && Array.isArray(r.value)) return r.value;
  return [r.value];
}

/** One argument, by its position in the operation's shape. */
export function argOf(e: LabEvent, index: number, kind?: string): Read {
  const a = argsOf(e, kind);
  return a && index < a.length ? { ok: true, value: a[index] } : NONE;
}

/** A program's named result (lab.result(key, value)): [key, value]. The value is kept whole,
 *  as JSON text (format 2: the key in args; format 1: in arg). */
export function resultNote(e: LabEvent): [string, unknown] | undefined {
  if (e.kind !== 'note' || e.op !== 'result') return undefined;
  const key = typeof e.args?.[0] === 'string' ? e.args[0] : e.arg;
  if (key === undefined) return undefined;
  try { return [key, JSON.parse(e.text ?? 'null')]; } catch { return [key, null]; }
}

/** What a 'created' event says about the new process (version 1: name and program only). */
export function processInfoOf(e: LabEvent): Partial<ProcessInfo> & { name: string; program: string } | undefined {
  if (e.life !== 'created') return undefined;
  if (e.proc) return e.proc;
  return { name: e.res ?? `pid ${e.pid}`, program: e.arg ?? '' };
}

/** What a 'create' event says about the new object (version 1: its kind only). */
export function objectInfoOf(e: LabEvent): ObjectInfo | undefined {
  if (e.op !== 'create' || !e.obj) return undefined;
  if (e.object) return e.object;
  return e.arg ? { kind: e.arg as ObjectInfo['kind'], label: e.obj } : undefined;
}
