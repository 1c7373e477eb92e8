// The state of a run at one moment: every process and every shared object as they stand.
// The live reducers (shared/live) fold events into it; the store keeps it every N events as a
// keyframe, so a window of a stored run opens without replaying the run from its start.
import { z } from 'zod';
import { exitHowSchema, objectInfoSchema, objectStateSchema, processInfoSchema } from './events';

export const processPhaseSchema = z.enum(['running', 'blocked', 'sleeping', 'exited']);

export const processSnapshotSchema = processInfoSchema.extend({
  pid: z.number(),
  phase: processPhaseSchema,
  /** When the current phase began (µs). */
  since: z.number(),
  /** While blocked or sleeping: on what, doing what, in which call. */
  blockedOn: z.object({ obj: z.string(), op: z.string(), call: z.number() }).optional(),
  createdUs: z.number(),
  exitedUs: z.number().optional(),
  exitCode: z.number().nullable().optional(),
  signal: z.string().nullable().optional(),
  how: exitHowSchema.optional(),
});

export const objectSnapshotSchema = z.object({
  info: objectInfoSchema,
  state: objectStateSchema,
  createdUs: z.number(),
  /** Manager list items, dict entries ([key, value] pairs), namespace attributes, Value/Array
   *  values: bounded copies (shared/values.ts). */
  contents: z.unknown().optional(),
});

/** A call that began (B) and has not ended: a process may wait on several (Promise.all). */
export const openCallSchema = z.object({
  call: z.number(), pid: z.number(),
  /** When it began (the model's clock, µs). */
  t: z.number(),
  obj: z.string(), op: z.string(),
  /** Its arguments (a blocked put's item enters the queue only at its E). */
  args: z.array(z.unknown()).optional(),
});

/** What a model rebuilt from a keyframe needs to fold on exactly as one that saw everything. */
export const liveExtrasSchema = z.object({
  calls: z.array(openCallSchema),
  /** The ends of the last events a later wake may name as its cause: [seq, pid, t, tag, usedAtSeq]
   *  (tag: 1 created, 2 exited, 0 other). */
  recent: z.array(z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()])),
  /** Error events so far. */
  errors: z.number(),
  /** Calls (X and B op events) so far. */
  ops: z.number(),
  /** Events that should have been folded but never arrived (gaps in seq). */
  missed: z.number(),
  /** Processes whose phase began at atUs, with the phase before it: a change back to it at that
   *  same instant undoes the phase that lasted no time, as in the model that saw it begin. */
  previous: z.array(processSnapshotSchema.pick({ pid: true, phase: true, since: true, blockedOn: true })).optional(),
});

export const runSnapshotSchema = z.object({
  /** The last event folded in (0: none yet). */
  atSeq: z.number(),
  atUs: z.number(),
  processes: z.array(processSnapshotSchema),
  objects: z.array(objectSnapshotSchema),
  live: liveExtrasSchema.optional(),
});

export type ProcessPhase = z.infer<typeof processPhaseSchema>;
export type ProcessSnapshot = z.infer<typeof processSnapshotSchema>;
export type ObjectSnapshot = z.infer<typeof objectSnapshotSchema>;
export type RunSnapshot = z.infer<typeof runSnapshotSchema>;
export type OpenCallSnapshot = z.infer<typeof openCallSchema>;
export type LiveExtras = z.infer<typeof liveExtrasSchema>;
export type RecentEnd = LiveExtras['recent'][number];
export type PreviousPhase = NonNullable<LiveExtras['previous']>[number];
