// The program-side objects: thin proxies that turn method calls into kernel operations.
// They read like Python's multiprocessing API, adapted to JavaScript and async/await.
// Timeouts are in time units, like every duration a program sees.
import type { HandleKind, HandleRef } from '../protocol/worker-protocol';
import type { KernelClient } from './kernel-client';

export interface WaitOptions { block?: boolean; timeout?: number | null }

export abstract class Handle {
  abstract readonly kind: HandleKind;
  constructor(protected readonly k: KernelClient, readonly id: string) {}
  toRef(): HandleRef { return { $lab: this.kind, id: this.id }; }
  protected call(op: string, ...args: unknown[]): Promise<unknown> { return this.k.call(this.id, op, args); }
}

/** An error with Python's exception name, raised in the program itself. */
function pyError(name: string, message: string): Error {
  return Object.assign(new Error(message), { name });
}

export class Queue extends Handle {
  readonly kind: HandleKind = 'Queue';
  /** As in Python, closing is this process's own business: its copy of the queue refuses puts and gets. */
  private closed = false;
  constructor(k: KernelClient, id: string, readonly maxsize = 0) { super(k, id); }
  override toRef(): HandleRef & { maxsize: number } { return { ...super.toRef(), maxsize: this.maxsize }; }
  private checkOpen(): void {
    if (this.closed) throw pyError('ValueError', `Queue ${this.id} is closed`);
  }
  /** An unbounded put never blocks (as in Python), so it is sent without waiting for a reply. */
  async put(item: unknown, o: WaitOptions = {}): Promise<void> {
    this.checkOpen();
    if (this.maxsize === 0) { this.k.cast(this.id, 'put', [item]); return; }
    await this.call('put', item, o.block ?? true, o.timeout ?? null);
  }
  async get<T = unknown>(o: WaitOptions = {}): Promise<T> {
    this.checkOpen();
    return await this.call('get', o.block ?? true, o.timeout ?? null) as T;
  }
  /** close(): this process will put no more. Items already put stay for the others. */
  async close(): Promise<void> {
    this.closed = true;
    await this.call('close');
  }
  /**
   * join_thread(): in Python, waits until this process's buffered puts reached the pipe. The
   * lab's puts reach the kernel in order, so once the call returns they all have.
   */
  async joinThread(): Promise<void> {
    if (!this.closed) throw pyError('AssertionError', `Queue ${this.id} not closed`);
    await this.call('join_thread');
  }
  /** get(block=False): raises Empty at once when there is nothing. */
  getNowait<T = unknown>(): Promise<T> { return this.get<T>({ block: false }); }
  qsize(): Promise<number> { return this.call('qsize') as Promise<number>; }
  empty(): Promise<boolean> { return this.call('empty') as Promise<boolean>; }
  full(): Promise<boolean> { return this.call('full') as Promise<boolean>; }
}

export class JoinableQueue extends Queue {
  override readonly kind: HandleKind = 'JoinableQueue';
  async taskDone(): Promise<void> { await this.call('task_done'); }
  async join(): Promise<void> { await this.call('join'); }
}

/** Acquire/release with a with-style helper: `await lock.with(async () => { ... })`. */
abstract class Acquirable extends Handle {
  acquire(o: WaitOptions = {}): Promise<boolean> { return this.call('acquire', o.block ?? true, o.timeout ?? null) as Promise<boolean>; }
  async release(): Promise<void> { await this.call('release'); }
  async with<T>(body: () => Promise<T> | T): Promise<T> {
    await this.acquire();
    try { return await body(); } finally { await this.release(); }
  }
}

export class Lock extends Acquirable { readonly kind: HandleKind = 'Lock'; }

export class Semaphore extends Acquirable {
  readonly kind: HandleKind = 'Semaphore';
  getValue(): Promise<number> { return this.call('get_value') as Promise<number>; }
}

export class Event extends Handle {
  readonly kind: HandleKind = 'Event';
  async set(): Promise<void> { await this.call('set'); }
  async clear(): Promise<void> { await this.call('clear'); }
  isSet(): Promise<boolean> { return this.call('is_set') as Promise<boolean>; }
  /** Resolves with the flag: false means the timeout passed first. */
  wait(timeout: number | null = null): Promise<boolean> { return this.call('wait', timeout) as Promise<boolean>; }
}

export class Condition extends Acquirable {
  readonly kind: HandleKind = 'Condition';
  wait(timeout: number | null = null): Promise<boolean> { return this.call('wait', timeout) as Promise<boolean>; }
  async notify(n = 1): Promise<void> { await this.call('notify', n); }
  async notifyAll(): Promise<void> { await this.call('notify_all'); }
}

export class ManagerList<T = unknown> extends Handle {
  readonly kind: HandleKind = 'ManagerList';
  async append(x: T): Promise<void> { await this.call('append', x); }
  async remove(x: T): Promise<void> { await this.call('remove', x); }
  get(i: number): Promise<T> { return this.call('get', i) as Promise<T>; }
  async set(i: number, x: T): Promise<void> { await this.call('set', i, x); }
  len(): Promise<number> { return this.call('len') as Promise<number>; }
  /** A copy of the whole list, as Python's list(proxy) gives. */
  copy(): Promise<T[]> { return this.call('copy') as Promise<T[]>; }
}

export class ManagerDict<V = unknown> extends Handle {
  readonly kind: HandleKind = 'ManagerDict';
  async set(key: string | number, v: V): Promise<void> { await this.call('set', key, v); }
  get(key: string | number, fallback?: V): Promise<V> {
    return (fallback === undefined ? this.call('get', key) : this.call('get', key, fallback)) as Promise<V>;
  }
  async delete(key: string | number): Promise<void> { await this.call('delete', key); }
  has(key: string | number): Promise<boolean> { return this.call('has', key) as Promise<boolean>; }
  len(): Promise<number> { return this.call('len') as Promise<number>; }
  entries(): Promise<[string | number, V][]> { return this.call('entries') as Promise<[string | number, V][]>; }
}

/** Every get() hands back a copy: change it, then set() it back, or nobody sees the change. */
export class Namespace extends Handle {
  readonly kind: HandleKind = 'Namespace';
  get<T = unknown>(name: string): Promise<T> { return this.call('get', name) as Promise<T>; }
  async set(name: string, v: unknown): Promise<void> { await this.call('set', name, v); }
  has(name: string): Promise<boolean> { return this.call('has', name) as Promise<boolean>; }
}

/** A shared number. get() and set() are separate steps: use its lock for read-modify-write. */
export class Value extends Handle {
  readonly kind: HandleKind = 'Value';
  constructor(k: KernelClient, id: string, readonly lock: Lock | null) { super(k, id); }
  override toRef(): HandleRef { return { ...super.toRef(), lockId: this.lock?.id }; }
  get(): Promise<number> { return this.call('get') as Promise<number>; }
  async set(v: number): Promise<void> { await this.call('set', v); }
  getLock(): Lock {
    if (!this.lock) throw new Error('this Value was made with lock: false');
    return this.lock;
  }
}

export class SharedArray extends Handle {
  readonly kind: HandleKind = 'Array';
  constructor(k: KernelClient, id: string, readonly lock: Lock | null) { super(k, id); }
  override toRef(): HandleRef { return { ...super.toRef(), lockId: this.lock?.id }; }
  get(i: number): Promise<number> { return this.call('get', i) as Promise<number>; }
  async set(i: number, v: number): Promise<void> { await this.call('set', i, v); }
  len(): Promise<number> { return this.call('len') as Promise<number>; }
  copy(): Promise<number[]> { return this.call('copy') as Promise<number[]>; }
  getLock(): Lock {
    if (!this.lock) throw new Error('this Array was made with lock: false');
    return this.lock;
  }
}

/** One end of a Pipe. */
export class Connection extends Handle {
  readonly kind: HandleKind = 'Pipe';
  constructor(k: KernelClient, id: string, readonly end: 0 | 1) { super(k, id); }
  override toRef(): HandleRef { return { ...super.toRef(), end: this.end }; }
  async send(x: unknown): Promise<void> { await this.call('send', this.end, x); }
  /** Raises EOFError when the other end is closed and nothing is left. */
  recv<T = unknown>(): Promise<T> { return this.call('recv', this.end) as Promise<T>; }
  poll(): Promise<boolean> { return this.call('poll', this.end) as Promise<boolean>; }
  async close(): Promise<void> { await this.call('close', this.end); }
}
