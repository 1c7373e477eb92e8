// The messages between the kernel (host) and a worker process. Both sides import this file;
// the kernel validates everything a worker sends (see validate-worker-message.ts).

/** A reference to a kernel object inside program arguments or queue items. */
export interface HandleRef { $lab: HandleKind; id: string; end?: 0 | 1; lockId?: string }
export type HandleKind =
  | 'Queue' | 'JoinableQueue' | 'Lock' | 'Semaphore' | 'Event' | 'Condition'
  | 'ManagerList' | 'ManagerDict' | 'Namespace' | 'Value' | 'Array' | 'Pipe';

/** What a worker needs to run one program. */
export interface StartInfo {
  runId: string;
  scenario: string;
  program: string;
  args: unknown[];
  pid: number;
  name: string;
  parentPid: number | null;
  daemon: boolean;
  seed: number;
  timeUnitMs: number;
  params: Record<string, unknown>;
  /** How Python would start the processes: 'fork' (a copy of the parent) or 'spawn' (fresh). */
  startMethod: 'fork' | 'spawn';
}

/** [callId, objectId, op, args]. callId 0 means "no reply wanted" (a cast). */
export type Call = [number, string, string, unknown[]];
/** [callId, 1, value] or [callId, 0, error]. */
export type Reply = [number, 1, unknown] | [number, 0, WireError];
export interface WireError { code: string; message: string }

/**
 * Things the kernel tells a worker without being asked: a child exited, or an operation
 * sent without waiting for a reply (a cast: an unbounded put, a print) was refused by a
 * cap; the program's next lab operation raises that error.
 */
/** How a process ended, as join() and a child-exit notice tell it. */
export interface ExitStatus { exitCode: number | null; signal: string | null }

export type Notice =
  | ({ kind: 'child-exit'; pid: number } & ExitStatus)
  | { kind: 'refused'; error: WireError };

export type HostToWorker =
  | { t: 'start'; info: StartInfo }
  /** s numbers the batches (the start message is 1) so the kernel knows when a worker is idle. */
  | { t: 'batch'; r: Reply[]; n?: Notice[]; s: number };

/**
 * A worker sends its calls once per turn of its event loop, after its code has run as far
 * as it can; `ack` is the last batch it had processed by then. "idle" says the same when
 * a batch led to no call at all. A turn's calls go out in several messages when they pass
 * MAX_CALLS_PER_MESSAGE or MAX_MESSAGE_BYTES (main/protocol/limits.ts). On the wire each
 * message is one JSON text (main/protocol/wire.ts).
 */
export type WorkerToHost =
  | { t: 'ready' }
  | { t: 'calls'; c: Call[]; ack: number }
  | { t: 'idle'; ack: number };

/** The object id the kernel itself answers to (process table, clock, console). */
export const KERNEL_ID = '$k';

/** The built-in program every Pool worker runs (see main/worker/pool-worker.ts). */
export const POOL_WORKER_PROGRAM = '$pool-worker';
