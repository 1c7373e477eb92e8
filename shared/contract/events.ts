// The event vocabulary as schemas: the kernel records these, the store keeps them, the
// renderer and the reports read them. Types are inferred from the schemas (shared/events.ts
// re-exports them with their documentation).
//
// Format version 2 records what caused what, where the kernel knows it: `call` ties the begin
// and end of one operation, `cause` names the event that woke or handed over to a waiter,
// `item` names the put/send whose item a get/recv received. Runs stored in version 1 (no
// links; 60-character summaries in `arg`/`res`) stay readable.
import { z } from 'zod';

export const objectKindSchema = z.enum([
  'Queue', 'JoinableQueue', 'Lock', 'Semaphore', 'Event', 'Condition',
  'ManagerList', 'ManagerDict', 'Namespace', 'Value', 'Array', 'Pipe', 'Process',
]);

/** The state of an object right after an operation, for charts and reports. */
export const objectStateSchema = z.object({
  size: z.number().optional(),          // queue size, list/dict length, pipe messages in flight
  unfinished: z.number().optional(),    // JoinableQueue tasks not yet task_done()
  value: z.number().optional(),         // semaphore value, shared Value
  owner: z.number().nullable().optional(), // lock owner pid (null: free)
  flag: z.boolean().optional(),         // event flag
  waiters: z.number().optional(),       // processes blocked on this object
});

/** What a `create` event says about the new object: its kind, name and limits. */
export const objectInfoSchema = z.object({
  kind: objectKindSchema.exclude(['Process']),
  /** Display name, unique in the run: the `obj` of every event on it. */
  label: z.string(),
  /** The id programs know it by: a handle in an event's args ({ $lab, id }) names it so. */
  id: z.string().optional(),
  /** Queue, JoinableQueue: the most items it holds (0 = unbounded). */
  maxsize: z.number().optional(),
  /** Semaphore: its initial value; Value: its first value. */
  initial: z.number().optional(),
  /** Semaphore: the value it may never exceed (BoundedSemaphore), null when unbounded. */
  bound: z.number().nullable().optional(),
  /** Condition, Value, Array: the label of the lock it uses (created visibly, just before). */
  lock: z.string().optional(),
  /** The object this one belongs to (a Condition's or a Value's own lock). */
  partOf: z.string().optional(),
  /** Array: its length; ManagerList: its first length. */
  length: z.number().optional(),
  /** Array, ManagerList: its first items (bounded: shared/values.ts). */
  items: z.array(z.unknown()).optional(),
});

/** What a `created` lifecycle event says about the new process. */
export const processInfoSchema = z.object({
  name: z.string(),
  program: z.string(),
  parentPid: z.number().nullable(),
  daemon: z.boolean(),
});

/**
 * How a process ended (carried by the 'exited' event):
 * returned: its program returned; exit: it called exit(n); raised: its program raised an error;
 * daemon: the lab terminated it because its parent exited (Python's daemon rule);
 * terminated: its parent called terminate(); stopped: the run ended first (stop, time limit,
 * hang, process cap) and the lab ended it; cap: it went over one of the lab's limits;
 * crashed: it died on its own, or was killed from outside the lab.
 */
export const exitHowSchema = z.enum(['returned', 'exit', 'raised', 'daemon', 'terminated', 'stopped', 'cap', 'crashed']);

/** An operation's failure, as the program sees it raised (Empty, Full, EOFError, ...). */
export const opErrorSchema = z.object({ code: z.string(), message: z.string() });

/**
 * ph: 'B' an operation began and blocked, 'E' a blocked operation ended, 'X' an operation
 * began and ended at once, 'I' an instant (print, lifecycle, error, note, or a change while
 * blocked such as a Condition waiter being notified).
 */
export const phaseSchema = z.enum(['B', 'E', 'X', 'I']);
export const lifecycleStepSchema = z.enum(['created', 'started', 'exited']);

export const labEventSchema = z.object({
  seq: z.number(),
  /** µs since the run started (monotonic). */
  t: z.number(),
  /** The process that acted (0 for the kernel itself). */
  pid: z.number(),
  ph: phaseSchema,
  kind: z.enum(['op', 'print', 'life', 'error', 'note']),
  /** Object label ("queue1"), "proc:N" for a process, "clock" for sleep, "kernel". */
  obj: z.string().optional(),
  op: z.string().optional(),

  // links (version 2)
  /** The seq of the event that began this call: a B and its E share it; an X has its own. */
  call: z.number().optional(),
  /** The seq of the event that woke this waiter or handed it what it waited for. */
  cause: z.number().optional(),
  /** On a get/recv that received an item: the seq of the put/send that produced it. */
  item: z.number().optional(),

  // values (version 2), bounded (shared/values.ts)
  /** The call's arguments, one shape per operation (shared/op-args.ts). */
  args: z.array(z.unknown()).optional(),
  /** What the call returned (absent on B and when it failed). */
  value: z.unknown().optional(),
  /** The call failed: what the program saw raised. */
  error: opErrorSchema.optional(),
  /** An E that its timeout ended rather than another process. */
  timedOut: z.boolean().optional(),

  state: objectStateSchema.optional(),
  /** On op 'create'. */
  object: objectInfoSchema.optional(),
  /** On life 'created'. */
  proc: processInfoSchema.optional(),
  /** A printed line, an error or a note. */
  text: z.string().optional(),
  /** 'stdout' or 'stderr' for text a worker wrote outside the lab API. */
  stream: z.enum(['stdout', 'stderr']).optional(),
  life: lifecycleStepSchema.optional(),
  exitCode: z.number().nullable().optional(),
  signal: z.string().nullable().optional(),
  how: exitHowSchema.optional(),

  // version 1 only: short summaries of the arguments and the result
  arg: z.string().optional(),
  res: z.string().optional(),
});

export type ObjectKind = z.infer<typeof objectKindSchema>;
export type ObjectState = z.infer<typeof objectStateSchema>;
export type ObjectInfo = z.infer<typeof objectInfoSchema>;
export type ProcessInfo = z.infer<typeof processInfoSchema>;
export type ExitHow = z.infer<typeof exitHowSchema>;
export type OpError = z.infer<typeof opErrorSchema>;
export type Phase = z.infer<typeof phaseSchema>;
export type LifecycleStep = z.infer<typeof lifecycleStepSchema>;
export type LabEvent = z.infer<typeof labEventSchema>;
