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

export function encodeValue(v: unknown): unknown {
  if (v instanceof Handle) return v.toRef();
  if (Array.isArray(v)) return v.some(needsWalk) ? v.map(encodeValue) : v;
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const entries = Object.entries(v);
    if (!entries.some(([, x]) => needsWalk(x))) return v;
    return Object.fromEntries(entries.map(([key, x]) => [key, encodeValue(x)]));
  }
  return v;
}

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
