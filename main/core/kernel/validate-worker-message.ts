// Checks everything a worker sends before the kernel acts on it. A malformed message gets
// an error (and a reply when it carried a call id); it never throws inside the kernel.
import type { Call, WireError, WorkerToHost } from '../../protocol/worker-protocol';

export type Parsed =
  | { ok: true; msg: WorkerToHost }
  | { ok: false; error: WireError; callId?: number };

const bad = (message: string, callId?: number): Parsed => ({ ok: false, error: { code: 'BadMessage', message }, callId });

export function parseWorkerMessage(raw: unknown): Parsed {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad(`message must be an object, got ${typeName(raw)}`);
  const m = raw as Record<string, unknown>;
  if (m.t === 'ready') return { ok: true, msg: { t: 'ready' } };
  if (m.t !== 'calls' && m.t !== 'idle') return bad(`unknown message type ${JSON.stringify(m.t)}; expected "ready", "calls" or "idle"`);
  if (!Number.isInteger(m.ack) || (m.ack as number) < 0) return bad('message needs "ack", a whole number');
  if (m.t === 'idle') return { ok: true, msg: { t: 'idle', ack: m.ack as number } };
  if (!Array.isArray(m.c)) return bad('"calls" message needs "c", an array of calls');
  const calls: Call[] = [];
  for (const c of m.c) {
    const problem = callProblem(c);
    if (problem) {
      const callId = Array.isArray(c) && Number.isInteger(c[0]) && c[0] > 0 ? (c[0] as number) : undefined;
      return bad(`malformed call ${safe(c)}: ${problem}`, callId);
    }
    calls.push(c as Call);
  }
  return { ok: true, msg: { t: 'calls', c: calls, ack: m.ack as number } };
}

function callProblem(c: unknown): string | null {
  if (!Array.isArray(c) || c.length !== 4) return 'a call is [callId, objectId, op, args]';
  const [id, obj, op, args] = c as unknown[];
  if (!Number.isInteger(id) || (id as number) < 0) return 'callId must be a whole number';
  if (typeof obj !== 'string' || obj.length === 0 || obj.length > 64) return 'objectId must be a non-empty string';
  if (typeof op !== 'string' || !/^[a-z_]{1,32}$/.test(op)) return 'op must be a lower-case name';
  if (!Array.isArray(args)) return 'args must be an array';
  return null;
}

function typeName(v: unknown): string { return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v; }
function safe(v: unknown): string { try { return (JSON.stringify(v) ?? String(v)).slice(0, 80); } catch { return typeName(v); } }
