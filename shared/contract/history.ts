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

/** A window of a stored (or live) run: by time, or by sequence number. */
export const eventsWindowSchema = z.strictObject({
  fromUs: z.number().min(0).optional(),
  toUs: z.number().min(0).optional(),
  fromSeq: z.number().int().min(0).optional(),
  toSeq: z.number().int().min(0).optional(),
  /** At most this many events (default 20,000). */
  limit: z.number().int().min(1).max(200_000).optional(),
});

export const eventsPageSchema = z.object({
  events: z.array(labEventSchema),
  /** More events fall in the window than `limit` allowed: ask again from the last seq. */
  more: z.boolean(),
  /** Every process and object as they stood just before the window's first event. */
  stateAtStart: runSnapshotSchema,
});

/** Per object and field, what one bucket of time saw. */
export const bucketFieldSchema = z.object({ min: z.number(), max: z.number(), last: z.number() });
export const chartBucketSchema = z.object({
  fromUs: z.number(),
  toUs: z.number(),
  /** Operations in this bucket. */
  ops: z.number(),
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
