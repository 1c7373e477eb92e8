// Creates kernel objects from a worker's "create" request.
import type { HandleKind } from '../../protocol/worker-protocol';
import { ArgError, type Holdings, type KernelObject } from './kernel-object';
import { KCondition } from './objects/condition';
import { KEvent } from './objects/event';
import { KLock } from './objects/lock';
import { KManagerDict, KManagerList, KNamespace } from './objects/manager';
import { KPipe } from './objects/pipe';
import { KQueue } from './objects/queue';
import { KSemaphore } from './objects/semaphore';
import { KArray, KValue } from './objects/shared-value';

export interface CreateOptions {
  maxsize?: number; value?: number; bounded?: boolean;
  /** Condition: an existing Lock to use. */
  lockId?: string;
  /** Value, Array: the id of a lock the kernel makes for it (lab.value() unless lock: false). */
  ownLockId?: string;
  items?: unknown[]; name?: string;
}

const LABEL_PREFIX: Record<HandleKind, string> = {
  Queue: 'queue', JoinableQueue: 'jqueue', Lock: 'lock', Semaphore: 'sem', Event: 'event',
  Condition: 'cond', ManagerList: 'list', ManagerDict: 'dict', Namespace: 'ns', Value: 'value',
  Array: 'array', Pipe: 'pipe',
};

export function isHandleKind(k: unknown): k is HandleKind {
  return typeof k === 'string' && Object.prototype.hasOwnProperty.call(LABEL_PREFIX, k);
}

export class ObjectFactory {
  private readonly counters = new Map<string, number>();

  constructor(private readonly lookup: (id: string) => KernelObject | undefined, private readonly held: Holdings) {}

  /**
   * The objects a create makes, in the order they come to be: a lock the object owns (a
   * Condition's own lock, a Value's or an Array's) first, so that it is created visibly too.
   */
  create(kind: HandleKind, id: string, opts: CreateOptions, creatorPid?: number): KernelObject[] {
    const label = this.label(kind, opts.name);
    const ownLock = (lockId: string): KLock => {
      if (this.lookup(lockId)) throw new ArgError(`object id ${JSON.stringify(lockId)} is already used`);
      return new KLock(lockId, this.label('Lock', `${label}.lock`), label);
    };
    switch (kind) {
      case 'Queue': case 'JoinableQueue': return [new KQueue(kind, id, label, opts.maxsize ?? 0, this.held)];
      case 'Lock': return [new KLock(id, label)];
      case 'Semaphore': return [new KSemaphore(id, label, opts.value ?? 1, opts.bounded ?? false)];
      case 'Event': return [new KEvent(id, label)];
      case 'Condition': {
        if (!opts.lockId) { const lock = ownLock(`${id}.lock`); return [lock, new KCondition(id, label, lock)]; }
        const lock = this.lookup(opts.lockId);
        if (!(lock instanceof KLock)) throw new ArgError(`a Condition needs a Lock; ${opts.lockId} is not one`);
        return [new KCondition(id, label, lock)];
      }
      case 'ManagerList': return [new KManagerList(id, label, this.held, Array.isArray(opts.items) ? opts.items : [])];
      case 'ManagerDict': return [new KManagerDict(id, label, this.held)];
      case 'Namespace': return [new KNamespace(id, label, this.held)];
      case 'Value': {
        const lock = typeof opts.ownLockId === 'string' ? ownLock(opts.ownLockId) : undefined;
        return [...(lock ? [lock] : []), new KValue(id, label, opts.value ?? 0, lock?.label)];
      }
      case 'Array': {
        const lock = typeof opts.ownLockId === 'string' ? ownLock(opts.ownLockId) : undefined;
        return [...(lock ? [lock] : []), new KArray(id, label, (opts.items ?? []) as number[], this.held, lock?.label)];
      }
      case 'Pipe': return [new KPipe(id, label, this.held, creatorPid)];
    }
  }

  private readonly used = new Set<string>();

  /** A unique display name: the program's own name for it, or "queue1", "lock2", ... */
  private label(kind: HandleKind, name: string | undefined): string {
    const custom = typeof name === 'string' && /^[\w.-]{1,32}$/.test(name);
    const base = custom ? name : LABEL_PREFIX[kind];
    if (custom && !this.used.has(base)) { this.used.add(base); return base; }
    let n = this.counters.get(base) ?? 0;
    let label: string;
    do { label = `${base}${++n}`; } while (this.used.has(label));
    this.counters.set(base, n);
    this.used.add(label);
    return label;
  }

}
