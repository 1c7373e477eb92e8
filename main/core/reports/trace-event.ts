// The Chrome Trace Event Format (JSON object form), as far as the trace export uses it;
// Perfetto (ui.perfetto.dev) and chrome://tracing both open it. Times are microseconds.

export interface TraceEvent {
  name: string;
  /** M metadata, X complete slice, i instant, C counter, s/f flow start/finish. */
  ph: 'M' | 'X' | 'i' | 'C' | 's' | 'f';
  ts: number;
  pid: number;
  tid: number;
  cat?: string;
  /** X: length of the slice. */
  dur?: number;
  /** i: scope, 't' = the thread's track. */
  s?: 't';
  /** s/f: the flow's id, the same on both ends. */
  id?: number;
  /** f: 'e' binds the arrow's head to the slice enclosing ts. */
  bp?: 'e';
  args?: Record<string, unknown>;
}

export interface ChromeTrace {
  traceEvents: TraceEvent[];
  displayTimeUnit: 'ms';
  metadata?: Record<string, unknown>;
}

/** The pseudo process that groups the shared objects' counters (and the kernel's own events). */
export const SHARED_PID = 0;
export const SHARED_TID = 0;

/** Each process has one thread; its tid is its pid, unique across the trace. */
export function tidOf(pid: number): number { return pid === SHARED_PID ? SHARED_TID : pid; }
