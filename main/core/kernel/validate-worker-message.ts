// Checks everything a worker sends before the kernel acts on it, cheapest check first: the
// size of the message (before it is parsed), its nesting (read on the text, because V8 takes
// seconds to parse a text nested 100,000 deep), then its shape. A refused message gets an
// error, and every call in it that carried an id gets that error as its reply; nothing here
// throws inside the kernel.
import { MAX_CALLS_PER_MESSAGE, MAX_MESSAGE_BYTES, MAX_NESTING, fmt, type CapName } from '../../protocol/limits';
import { measureJson, nestsDeeperThan } from '../../protocol/json-size';
import { OversizeMessage } from '../../protocol/wire';
import type { Call, WireError, WorkerToHost } from '../../protocol/worker-protocol';
import { summarize } from './summarize';

export type Parsed =
  | { ok: true; msg: WorkerToHost }
  | { ok: false; error: WireError; cap: CapName; callIds: number[] };

/** A message wraps each item in three levels: the message, its list of calls, the call. */
const MESSAGE_NESTING = MAX_NESTING + 3;

const bad = (message: string, callIds: number[] = [], cap: CapName = 'protocol'): Parsed =>
  ({ ok: false, error: { code: cap === 'protocol' ? 'BadMessage' : 'LimitExceeded', message }, cap, callIds });

/** Decodes and checks one message as a port delivered it: JSON text, an OversizeMessage, or an object. */
export function decodeWorkerMessage(raw: unknown): Parsed {
  if (raw instanceof OversizeMessage) return tooLarge(raw.bytes);
  if (typeof raw === 'string') {
    // A UTF-8 text has at least as many bytes as characters: the cheap test first.
    if (raw.length > MAX_MESSAGE_BYTES) return tooLarge(Buffer.byteLength(raw, 'utf8'));
    const bytes = Buffer.byteLength(raw, 'utf8');
    if (bytes > MAX_MESSAGE_BYTES) return tooLarge(bytes);
    if (nestsDeeperThan(raw, MESSAGE_NESTING)) return tooDeep();
    let value: unknown;
    try { value = JSON.parse(raw); } catch { return bad(`a message must be one JSON text; got ${summarize(raw)}`); }
    return parseWorkerMessage(value);
  }
  // Delivered already decoded (a port that hands over objects): measured before anything else.
  const m = measureJson(raw, MAX_MESSAGE_BYTES, MESSAGE_NESTING);
  if (m.tooDeep) return tooDeep();
  if (m.bytes > MAX_MESSAGE_BYTES) return tooLarge(m.bytes, true);
  return parseWorkerMessage(raw);
}

function tooLarge(bytes: number, atLeast = false): Parsed {
  return bad(`a message of ${atLeast ? 'more than ' : ''}${fmt(bytes)} bytes was dropped unread: at most ${fmt(MAX_MESSAGE_BYTES)} bytes are read per message (MAX_MESSAGE_BYTES)`, [], 'message-bytes');
}

function tooDeep(): Parsed {
  return bad(`a message nesting lists or objects more than ${MAX_NESTING} deep was dropped unread (MAX_NESTING)`, [], 'nesting');
}

export function parseWorkerMessage(raw: unknown): Parsed {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad(`message must be an object, got ${typeName(raw)}`);
  const m = raw as Record<string, unknown>;
  if (m.t === 'ready') return { ok: true, msg: { t: 'ready' } };
  if (m.t !== 'calls' && m.t !== 'idle') return bad(`unknown message type ${summarize(m.t)}; expected "ready", "calls" or "idle"`);
  const ids = m.t === 'calls' ? callIds(m.c) : [];
  if (!Number.isInteger(m.ack) || (m.ack as number) < 0) return bad('message needs "ack", a whole number', ids);
  if (m.t === 'idle') return { ok: true, msg: { t: 'idle', ack: m.ack as number } };
  if (!Array.isArray(m.c)) return bad('"calls" message needs "c", an array of calls');
  if (m.c.length > MAX_CALLS_PER_MESSAGE) {
    return bad(`a message of ${fmt(m.c.length)} calls was refused: at most ${fmt(MAX_CALLS_PER_MESSAGE)} calls per message (MAX_CALLS_PER_MESSAGE)`, ids, 'calls-per-message');
  }
  for (const c of m.c) {
    const problem = callProblem(c);
    if (problem) return bad(`malformed call ${summarize(c)}: ${problem}`, ids);
  }
  return { ok: true, msg: { t: 'calls', c: m.c as Call[], ack: m.ack as number } };
}

/** The ids of the calls in a (possibly malformed) list that a worker waits on. */
function callIds(c: unknown): number[] {
  if (!Array.isArray(c)) return [];
  const out: number[] = [];
  for (const x of c) if (Array.isArray(x) && Number.isInteger(x[0]) && x[0] > 0) out.push(x[0] as number);
  return out;
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
