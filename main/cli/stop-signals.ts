// What stops a command from outside, and the exit code each gives: 128 + the signal's
// number, as shells report a process killed by it. SIGHUP (the terminal closed) stops the
// run as SIGTERM does, instead of killing the CLI and leaving the run "running".
export const STOP_EXIT = { SIGHUP: 129, SIGINT: 130, SIGPIPE: 141, SIGTERM: 143 } as const;
export type StopCause = keyof typeof STOP_EXIT;

/** Calls `onStop` on SIGINT, SIGTERM or SIGHUP (each once: a second Ctrl-C ends the CLI at
 *  once). Returns a function that removes the handlers. */
export function watchStopSignals(onStop: (cause: StopCause) => void): () => void {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const handlers = signals.map((s) => [s, () => onStop(s)] as const);
  for (const [s, h] of handlers) process.once(s, h);
  return () => { for (const [s, h] of handlers) process.off(s, h); };
}
