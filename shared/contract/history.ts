// Reading the history: the run list, windows of events, chart buckets, comparisons.
import { z } from 'zod';
import { labEventSchema, objectInfoSchema } from './events';
import { paramValuesSchema, predictionSchema, processRecordSchema, runReportSchema, runStatusSchema } from './reports';
import { runSnapshotSchema } from './snapshot';

export const historyFilterSchema = z.strictObject({
  scenario: z.string().optional(),
  status: runStatusSchema.optional(),
  /** Run id, or text found in a parameter ("useLock=true", "seed=42"). */
  search: z.string().max(200).optional(),
  /** ISO dates: runs started on or after `from`, before `to`. */
  from: z.string().optional(),
  to: z.string().optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  offset: z.number().int().min(0).optional(),
});

export const historyEntrySchema = z.object({
  runId: z.string(),
  scenario: z.string(),
  status: runStatusSchema,
  expectedStatus: runStatusSchema,
  passed: z.boolean().nullable(),
  startedAt: z.string(),
  durationMs: z.number().nullable(),
  params: paramValuesSchema,
  seed: z.number(),
  timeUnitMs: z.number(),
  eventCount: z.number(),
  summary: z.string().nullable(),
  prediction: predictionSchema.optional(),
});

export const historyPageSchema = z.object({
  runs: z.array(historyEntrySchema),
  /** How many runs match the filter in all. */
  total: z.number(),
});

/**
 * A window of a stored (or live) run: by time, by sequence number, or both (the narrower bounds
 * win); every bound is optional ({} is the whole run). Always a run of consecutive seqs. By
 * time, on the run's clock (an event's t, never earlier than an event before it: a call is
 * stamped when it began, so an event recorded after it may carry an earlier t): from the first
 * event whose clock is at or after fromUs, to the last before the first whose clock is after toUs.
 */
export const eventsWindowSchema = z.strictObject({
  fromUs: z.number().min(0).optional(),
  toUs: z.number().min(0).optional(),
  fromSeq: z.number().int().min(0).optional(),
  toSeq: z.number().int().min(0).optional(),
  /** At most this many events (default 20,000). */
  limit: z.number().int().min(1).max(200_000).optional(),
});

export const eventsPageSchema = z.object({
  /** The window's events, in seq order, at most `limit`. */
  events: z.array(labEventSchema),
  /** More events fall in the window than `limit` allowed (never cut silently): ask again with
   *  fromSeq = the last event's seq + 1 and the same end; pages so asked give each event once. */
  more: z.boolean(),
  /** Every process and object as they stood just before the window's first event (an empty
   *  window: where it would begin, after the run's last event at most): what the live model reaches
   *  folding every event before it. LiveModel.fromSnapshot(stateAtStart), fed the window's
   *  events, goes on exactly as a model that saw the whole run. */
  stateAtStart: runSnapshotSchema,
});

/** Per object and field, what one slice of time saw: smallest, largest and last value (on the
 *  run's clock). Numbers as the live model charts them: a lock's owner 0 when free, a flag 0/1. */
export const bucketFieldSchema = z.object({ min: z.number(), max: z.number(), last: z.number() });
/**
 * One slice of a chart answer: `chart(runId, fromUs, toUs, buckets)` gives at most `buckets`
 * consecutive slices of whole 10 ms buckets, the first starting at or before fromUs, the last
 * ending with the 10 ms bucket that holds toUs (it may be narrower than the others).
 */
export const chartBucketSchema = z.object({
  fromUs: z.number(),
  /** Inclusive: the next slice starts at toUs + 1. */
  toUs: z.number(),
  /** Operations (op events) in this slice. */
  ops: z.number(),
  /** Object label → field (size, unfinished, value, owner, waiters, flag) → what the slice saw;
   *  only objects and fields that some event in the slice set. */
  objects: z.record(z.string(), z.record(z.string(), bucketFieldSchema)),
});

/** One row of a run's object table: what its `create` event said (a format-1 run: kind and name only), and when. */
export const storedObjectSchema = z.object({ info: objectInfoSchema, createdSeq: z.number(), createdUs: z.number() });
/** Every process and shared object of a run, whatever window is drawn: its lanes and tracks. */
export const runTablesSchema = z.object({
  /** In order of start; a run still going has those started so far (exit fields null until they end). */
  processes: z.array(processRecordSchema),
  /** In order of creation. */
  objects: z.array(storedObjectSchema),
});

export const comparedRowSchema = z.object({
  section: z.enum(['run', 'param', 'invariant', 'result']),
  key: z.string(),
  a: z.unknown(),
  b: z.unknown(),
  differs: z.boolean(),
});
export const comparisonSchema = z.object({ a: runReportSchema, b: runReportSchema, rows: z.array(comparedRowSchema) });

export type HistoryFilter = z.infer<typeof historyFilterSchema>;
export type HistoryEntry = z.infer<typeof historyEntrySchema>;
export type HistoryPage = z.infer<typeof historyPageSchema>;
export type EventsWindow = z.infer<typeof eventsWindowSchema>;
export type EventsPage = z.infer<typeof eventsPageSchema>;
export type BucketField = z.infer<typeof bucketFieldSchema>;
export type ChartBucket = z.infer<typeof chartBucketSchema>;
export type StoredObject = z.infer<typeof storedObjectSchema>;
export type RunTables = z.infer<typeof runTablesSchema>;
export type ComparedRow = z.infer<typeof comparedRowSchema>;
export type Comparison = z.infer<typeof comparisonSchema>;
