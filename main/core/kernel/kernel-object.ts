// What every shared object in the kernel looks like to the dispatcher.
import type { ObjectKind, ObjectState } from '../../../shared/events';
import type { WireError } from '../../protocol/worker-protocol';
import type { Waiter } from './waiter';

/** What an operation did: answered at once, failed, or blocked the caller. */
export type OpOutcome = { value: unknown } | { error: WireError } | { blocked: Waiter };

export interface OpContext {
  pid: number;
  /** Creates a waiter for the calling process, to be woken later by the object. */
  block(op: string): Waiter;
  /** Milliseconds of one time unit, for timeouts given in units. */
  unitMs: number;
  isAlive(pid: number): boolean;
}

export type OpHandler = (ctx: OpContext, args: unknown[]) => OpOutcome;

export interface KernelObject {
  readonly kind: ObjectKind;
  readonly id: string;
  /** Short display name used in events, e.g. "queue1". */
  readonly label: string;
  readonly ops: Record<string, OpHandler>;
  state(): ObjectState;
}

export function err(code: string, message: string): { error: WireError } {
  return { error: { code, message } };
}

/** Reads an optional timeout (in time units) and turns it into ms; undefined = wait forever. */
export function timeoutMs(ctx: OpContext, units: unknown): number | undefined {
  if (units === undefined || units === null) return undefined;
  if (typeof units !== 'number' || !(units >= 0)) throw new ArgError('timeout must be a number >= 0 (time units) or null');
  return units * ctx.unitMs;
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

/** A spawn that lost the race with the end of its run. */
export class KernelStopping extends Error { constructor() { super('the run is ending'); } }
