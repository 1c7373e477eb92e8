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

export const runSnapshotSchema = z.object({
  /** The last event folded in (0: none yet). */
  atSeq: z.number(),
  atUs: z.number(),
  processes: z.array(processSnapshotSchema),
  objects: z.array(objectSnapshotSchema),
});

export type ProcessPhase = z.infer<typeof processPhaseSchema>;
export type ProcessSnapshot = z.infer<typeof processSnapshotSchema>;
export type ObjectSnapshot = z.infer<typeof objectSnapshotSchema>;
export type RunSnapshot = z.infer<typeof runSnapshotSchema>;
