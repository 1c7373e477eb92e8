// Handles travel as plain references ({$lab, id, ...}) inside arguments, queue items and
// pipe messages, and come back to life as handles on the other side.
import type { HandleRef } from '../protocol/worker-protocol';
import type { KernelClient } from './kernel-client';
import {
  Condition, Connection, Event, Handle, JoinableQueue, Lock, ManagerDict, ManagerList, Namespace,
  Queue, Semaphore, SharedArray, Value,
} from './handles';

function isRef(v: unknown): v is HandleRef & { maxsize?: number } {
  return typeof v === 'object' && v !== null && typeof (v as HandleRef).$lab === 'string' && typeof (v as HandleRef).id === 'string';
}

/**
 * Turns a value into what travels between processes: handles become references, the rest
 * must be JSON (strings, finite numbers, booleans, null, arrays, plain objects). undefined
 * travels as JSON does (null in a list, dropped from an object); anything else is refused
 * here, in the sending program, with a message that says what is allowed.
 */
export function encodeValue(v: unknown): unknown {
  switch (typeof v) {
    case 'string': case 'boolean': case 'undefined': return v;
    case 'number':
      if (!Number.isFinite(v)) throw new TypeError(`${v} cannot travel between processes: numbers must be finite`);
      return v;
    case 'object': {
      if (v === null) return v;
      if (v instanceof Handle) return v.toRef();
      if (Array.isArray(v)) {
        let out: unknown[] | undefined;
        v.forEach((x, i) => { const e = encodeValue(x); if (e !== x) (out ??= v.slice())[i] = e; });
        return out ?? v;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto === Object.prototype || proto === null) {
        let out: Record<string, unknown> | undefined;
        for (const [key, x] of Object.entries(v)) { const e = encodeValue(x); if (e !== x) (out ??= { ...v })[key] = e; }
        return out ?? v;
      }
      throw new TypeError(`a ${(v as object).constructor?.name ?? 'object'} cannot travel between processes; ${ALLOWED}`);
    }
    default:
      throw new TypeError(`a ${typeof v} cannot travel between processes; ${ALLOWED}`);
  }
}

const ALLOWED = 'send strings, numbers, booleans, null, lists, plain objects or lab objects (queues, locks, ...)';

function needsWalk(x: unknown): boolean { return typeof x === 'object' && x !== null; }

export function reviveValue(k: KernelClient, v: unknown): unknown {
  if (!needsWalk(v)) return v;
  if (isRef(v)) return handleFromRef(k, v);
  if (Array.isArray(v)) return v.some(needsWalk) ? v.map((x) => reviveValue(k, x)) : v;
  if (Object.getPrototypeOf(v) === Object.prototype) {
    for (const [key, x] of Object.entries(v as object)) if (needsWalk(x)) (v as Record<string, unknown>)[key] = reviveValue(k, x);
  }
  return v;
}

export function handleFromRef(k: KernelClient, r: HandleRef & { maxsize?: number }): Handle {
  const lock = r.lockId ? new Lock(k, r.lockId) : null;
  switch (r.$lab) {
    case 'Queue': return new Queue(k, r.id, r.maxsize ?? 0);
    case 'JoinableQueue': return new JoinableQueue(k, r.id, r.maxsize ?? 0);
    case 'Lock': return new Lock(k, r.id);
    case 'Semaphore': return new Semaphore(k, r.id);
    case 'Event': return new Event(k, r.id);
    case 'Condition': return new Condition(k, r.id);
    case 'ManagerList': return new ManagerList(k, r.id);
    case 'ManagerDict': return new ManagerDict(k, r.id);
    case 'Namespace': return new Namespace(k, r.id);
    case 'Value': return new Value(k, r.id, lock);
    case 'Array': return new SharedArray(k, r.id, lock);
    case 'Pipe': return new Connection(k, r.id, r.end === 1 ? 1 : 0);
  }
}
