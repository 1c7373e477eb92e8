// Limits every worker process runs with, whichever port starts it (child_process.fork or
// Electron's utilityProcess). Scenario programs are small; a runaway one must fail alone,
// with V8's out-of-memory error, long before it can starve the machine or the app.
export const WORKER_HEAP_LIMIT_MB = 256;

/** Node/V8 flags for a worker process. */
export const WORKER_EXEC_ARGV: readonly string[] = [`--max-old-space-size=${WORKER_HEAP_LIMIT_MB}`];
