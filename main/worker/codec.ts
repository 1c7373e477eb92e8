// Handles travel as plain references ({$lab, id, ...}) inside arguments, queue items and
// pipe messages, and come back to life as handles on the other side.
import type { HandleRef } from '../protocol/worker-protocol';
import type { KernelClient } from './kernel-client';
import type { TravellingClass } from '../scenarios/programs/program';
import {
  Condition, Connection, Event, Handle, JoinableQueue, Lock, ManagerDict, ManagerList, Namespace,
  Queue, Semaphore, SharedArray, Value,
} from './handles';

const travelling = new Map<string, TravellingClass>();

/**
 * Registers the classes a scenario lets travel. Every process loads the same programs, so a
 * class registered by name here is found again on the receiving side, as pickle finds a
 * class by its module and name there.
 */
export function registerClasses(classes: readonly TravellingClass[]): void {
  for (const cls of classes) {
    const known = travelling.get(cls.name);
    if (known && known !== cls) throw new Error(`two travelling classes are named ${cls.name}`);
    travelling.set(cls.name, cls);
  }
}

let hashSeed = 0;
/**
 * Python orders a set of strings by their hashes, salted per interpreter: the same set prints
 * in one order in one run and in another order in the next. A received set is ordered the
 * same way here, by a hash salted with the run's seed (and, under spawn, the process's own).
 */
export function setHashSeed(seed: number): void { hashSeed = seed >>> 0; }

function saltedHash(text: string): number {
  let h = (hashSeed ^ 0x811c9dc5) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
}

function inHashOrder(items: unknown[]): Set<unknown> {
  const keyed = items.map((x) => ({ x, h: saltedHash(typeof x === 'string' ? x : JSON.stringify(x) ?? '') }));
  return new Set(keyed.sort((a, b) => a.h - b.h).map((k) => k.x));
}

interface PySet { $py: 'set'; items: unknown[] }
interface PyObject { $py: 'object'; cls: string; fields: Record<string, unknown> }

function isPy(v: object): v is PySet | PyObject {
  const tag = (v as { $py?: unknown }).$py;
  return tag === 'set' || tag === 'object';
}

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
      if (v instanceof Set) return { $py: 'set', items: encodeValue([...v]) as unknown[] } satisfies PySet;
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
      const cls = (v as object).constructor as TravellingClass | undefined;
      if (cls && travelling.get(cls.name) === cls) {
        return { $py: 'object', cls: cls.name, fields: encodeValue({ ...v }) as Record<string, unknown> } satisfies PyObject;
      }
      throw new TypeError(`a ${cls?.name ?? 'object'} cannot travel between processes; ${ALLOWED}, `
        + `or an object of a class the scenario lists in its travelling classes`);
    }
    case 'function':
      throw new TypeError(`a function cannot travel between processes (Python cannot pickle a lambda either); ${ALLOWED}`);
    default:
      throw new TypeError(`a ${typeof v} cannot travel between processes; ${ALLOWED}`);
  }
}

const ALLOWED = 'send strings, numbers, booleans, null, lists, plain objects or lab objects (queues, locks, ...)';

function needsWalk(x: unknown): boolean { return typeof x === 'object' && x !== null; }

export function reviveValue(k: KernelClient, v: unknown): unknown {
  if (!needsWalk(v)) return v;
  if (isRef(v)) return handleFromRef(k, v);
  if (isPy(v as object)) return revivePy(k, v as PySet | PyObject);
  if (Array.isArray(v)) return v.some(needsWalk) ? v.map((x) => reviveValue(k, x)) : v;
  if (Object.getPrototypeOf(v) === Object.prototype) {
    for (const [key, x] of Object.entries(v as object)) if (needsWalk(x)) (v as Record<string, unknown>)[key] = reviveValue(k, x);
  }
  return v;
}

function revivePy(k: KernelClient, v: PySet | PyObject): unknown {
  if (v.$py === 'set') return inHashOrder((reviveValue(k, v.items) as unknown[]) ?? []);
  const cls = travelling.get(v.cls);
  // What pickle says when the receiving side has no such class.
  if (!cls) throw new TypeError(`AttributeError: Can't get attribute '${v.cls}' on <module '__main__'>`);
  return Object.assign(Object.create(cls.prototype as object) as object, reviveValue(k, v.fields));
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
