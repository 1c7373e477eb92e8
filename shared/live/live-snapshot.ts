// What the live model adds to the contract's RunSnapshot so that a model built from a
// keyframe folds on exactly as the model that saw everything: every call still open (a
// process may wait on several), the ends of the last events a later wake may name as its
// cause, and the counters the snapshot has no field for. The contract's schema does not
// list `live` (zod's object() strips it when parsing); see the report for the proposed field.
import type { RunSnapshot } from '../contract/snapshot';

/** A call that began (B) and has not ended. */
export interface OpenCallSnapshot {
  call: number;
  pid: number;
  /** When it began (the model's clock, µs). */
  t: number;
  obj: string;
  op: string;
  /** Its arguments (a blocked put's item enters the queue only at its E). */
  args?: unknown[];
}

/** One recent event's end: [seq, pid, t, tag, usedAtSeq] (tag: 1 created, 2 exited, 0 other). */
export type RecentEnd = [number, number, number, number, number];

export interface LiveExtras {
  calls: OpenCallSnapshot[];
  recent: RecentEnd[];
  /** Error events so far. */
  errors: number;
  /** Calls (X and B op events) so far. */
  ops: number;
  /** Events that should have been folded but never arrived (gaps in seq). */
  missed: number;
}

export type LiveSnapshot = RunSnapshot & { live?: LiveExtras };
