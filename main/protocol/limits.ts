// Every cap at the worker ⇄ kernel boundary, in one place (ARCHITECTURE.md has the table).
// The kernel will run in Electron's main process: nothing a worker sends may freeze it or
// exhaust its memory. Each cap, when hit, raises LimitExceeded in the program (or
// ProcessLimit for spawn), records a run note, and the kernel goes on serving the others.
// Both sides import this file: the worker checks what it can before sending, the kernel
// checks everything again (a worker may bypass the lab API).

const KiB = 1024;
const MiB = 1024 * KiB;

// ---- one message --------------------------------------------------------------------

/**
 * Bytes of one worker → kernel message (its JSON text, UTF-8). Checked on the raw channel
 * before anything is parsed: JSON.parse of 128 KiB of the worst shape (lists of tiny lists)
 * costs 2-4 ms of CPU, and the kernel's thread must not block for long.
 */
export const MAX_MESSAGE_BYTES = 128 * KiB;
/** Calls in one message. The lab API sends several messages when a turn issued more. */
export const MAX_CALLS_PER_MESSAGE = 1_000;
/** Bytes of one operation's arguments (a queue item, a pipe message, a stored value, a spawn's args), as JSON; half a message. */
export const MAX_ITEM_BYTES = 64 * KiB;
/**
 * Nesting of lists and objects, in one message. Checked on the text before it is parsed:
 * V8 parses 10,000 levels in 12 ms and cannot stringify or clone them at all.
 */
export const MAX_NESTING = 64;

// ---- one run ------------------------------------------------------------------------

/**
 * Items held by all of one run's shared objects at once (queue and pipe items, list, dict
 * and namespace entries, Array slots): about 60 bytes of kernel heap each besides the item.
 * The bench's event-flood keeps a backlog of a few hundred thousand.
 */
export const MAX_HELD_ITEMS = 1_000_000;
/** Bytes (JSON) held by all of one run's shared objects at once. */
export const MAX_HELD_BYTES = 32 * MiB;
/** Shared objects one run may create. */
export const MAX_OBJECTS_PER_RUN = 10_000;
/** A result one call may return (copy() of a list, entries() of a dict), as JSON. */
export const MAX_RESULT_BYTES = MAX_MESSAGE_BYTES;
/** Characters of one printed line; a longer line is cut there. */
export const MAX_PRINT_LINE_CHARS = 16 * KiB;
/** Characters printed (and recorded with lab.result) by all the processes of one run. */
export const MAX_PRINT_CHARS_PER_RUN = 4 * MiB;
/** Processes of one run alive at once (spawns under way included), unless the host says fewer. */
export const DEFAULT_MAX_PROCESSES = 64;
/** Processes one run may start in all, unless the scenario's maxProcesses parameter says fewer. */
export const MAX_PROCESSES_PER_RUN = 1_024;

// ---- one worker ---------------------------------------------------------------------

/** Operations (calls and printed lines) one process may do per second, as a bucket that refills at this rate. */
export const MAX_EVENTS_PER_SECOND = 200_000;
/** Refused operations after which the kernel ends the process (how 'cap'): it keeps flooding after its errors. */
export const MAX_REFUSALS_PER_PROCESS = 1_000;
/** V8 heap of each worker process (--max-old-space-size), in MB. */
export const WORKER_HEAP_MB = 256;

// ---- time ---------------------------------------------------------------------------

/**
 * Longest timeout (of a get, a wait, a join, a sleep) that is kept as a timer: one hour, the
 * longest a run may last. A longer one can never expire within a run, so it counts as no
 * timeout at all (wait for ever; hang detection judges). Node cannot arm a timer of 2^31 ms
 * or more: it fires after 1 ms instead.
 */
export const MAX_TIMEOUT_MS = 3_600_000;

// ---- the kernel's own pace ----------------------------------------------------------

/**
 * Calls the kernel handles per turn of its event loop, all workers together, before it pauses
 * reading; a turn handles at most this much plus one message (main/core/kernel/pacer.ts): a
 * message that comes from another worker once the turn is spent is kept for a later turn.
 */
export const MAX_CALLS_PER_TURN = 1_000;
/**
 * Milliseconds the kernel spends on workers' input per turn of its event loop, all workers
 * together, before it pauses reading (plus the message or call under way). Calls and bytes
 * are poor measures of cost (a put of a 64 KiB item costs as much as 300 small ones), time is not.
 */
export const MAX_MS_PER_TURN = 4;
/** Message bytes the kernel reads per turn, all workers together, before it pauses reading (plus one message). */
export const MAX_BYTES_PER_TURN = 32 * KiB;
/** Bytes (estimated JSON) of one kernel → worker batch; more waits for the next turn. */
export const MAX_BATCH_BYTES = MAX_MESSAGE_BYTES;

/** The caps a refusal can name, for notes and counts. */
export type CapName =
  | 'message-bytes' | 'calls-per-message' | 'item-bytes' | 'nesting' | 'held-items' | 'held-bytes'
  | 'objects' | 'result-bytes' | 'print-line' | 'print-run' | 'events-per-second' | 'processes' | 'protocol';

/** The code of the error a program sees when a cap refused its operation. */
export const LIMIT_ERROR = 'LimitExceeded';

/** 262,144 → "262,144"; for messages that name sizes. */
export function fmt(n: number): string { return Math.round(n).toLocaleString('en-US'); }
