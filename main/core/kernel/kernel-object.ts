// What every shared object in the kernel looks like to the dispatcher.
import type { ObjectInfo, ObjectKind, ObjectState } from '../../../shared/events';
import { LIMIT_ERROR, MAX_RESULT_BYTES, MAX_TIMEOUT_MS, fmt, type CapName } from '../../protocol/limits';
import { measureJson } from '../../protocol/json-size';
import type { WireError } from '../../protocol/worker-protocol';
import type { Waiter } from './waiter';

/**
 * What an operation did: answered at once (with `item`, the seq of the put/send that produced
 * what a get/recv returns), failed, or blocked the caller.
 */
export type OpOutcome = { value: unknown; item?: number } | { error: WireError } | { blocked: Waiter };

export interface OpContext {
  pid: number;
  /** Creates a waiter for the calling process, to be woken later by the object. */
  block(op: string): Waiter;
  /** Milliseconds of one time unit, for timeouts given in units. */
  unitMs: number;
  isAlive(pid: number): boolean;
  /**
   * JSON bytes of this call's arguments, as the dispatcher measured them (strings by their
   * UTF-8 bytes): objects keep it as the size of what they store, instead of walking it again.
   */
  argBytes: number;
  /** The seq of this operation's own event (0 when operations are not recorded): an item put
   *  or sent now carries it, so the get/recv that takes it can name it. */
  seq: number;
}

/**
 * The run's account of what its shared objects hold (LimitGuard): an object holds an item
 * before it keeps it (hold throws LimitError past MAX_HELD_ITEMS or MAX_HELD_BYTES, and
 * then nothing changed) and releases it when it leaves.
 */
export interface Holdings {
  hold(bytes: number, items: number): void;
  release(bytes: number, items: number): void;
}

/** JSON bytes of a value an object keeps (it passed MAX_ITEM_BYTES already). */
export function sizeOf(v: unknown): number { return measureJson(v).bytes; }

/** Refuses a result larger than MAX_RESULT_BYTES (a copy of a whole list or dict). */
export function checkResult(bytes: number, what: string): void {
  if (bytes > MAX_RESULT_BYTES) {
    throw new LimitError('result-bytes', `${what} would return ${fmt(bytes)} bytes, more than one result may carry (MAX_RESULT_BYTES = ${fmt(MAX_RESULT_BYTES)}); read it in parts`);
  }
}

export type OpHandler = (ctx: OpContext, args: unknown[]) => OpOutcome;

export interface KernelObject {
  readonly kind: ObjectKind;
  readonly id: string;
  /** Short display name used in events, e.g. "queue1". */
  readonly label: string;
  readonly ops: Record<string, OpHandler>;
  state(): ObjectState;
  /** Its kind, name and limits, for its 'create' event. */
  info(): ObjectInfo;
}

export function err(code: string, message: string): { error: WireError } {
  return { error: { code, message } };
}

/**
 * Reads an optional timeout (in time units) and turns it into ms; undefined = wait for ever.
 * One longer than MAX_TIMEOUT_MS (the longest run) can never expire in a run: for ever too.
 */
export function timeoutMs(ctx: OpContext, units: unknown): number | undefined {
  if (units === undefined || units === null) return undefined;
  if (typeof units !== 'number' || !(units >= 0)) throw new ArgError('timeout must be a number >= 0 (time units) or null');
  const ms = units * ctx.unitMs;
  return ms > MAX_TIMEOUT_MS ? undefined : ms;
}

export function flag(v: unknown, name: string, fallback: boolean): boolean {
  if (v === undefined || v === null) return fallback;
  if (typeof v !== 'boolean') throw new ArgError(`${name} must be true or false`);
  return v;
}

export function int(v: unknown, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw new ArgError(`${name} must be an integer`);
  return v;
}

/** Thrown by argument readers; the dispatcher turns it into a BadArgument error reply. */
export class ArgError extends Error {
  constructor(message: string, readonly code = 'BadArgument') { super(message); }
}

/** A cap refused the operation (main/protocol/limits.ts); the kernel notes it and counts it. */
export class LimitError extends ArgError {
  constructor(readonly cap: CapName, message: string, code = LIMIT_ERROR) { super(message, code); }
}

/** A spawn that lost the race with the end of its run. */
export class KernelStopping extends Error { constructor() { super('the run is ending'); } }
