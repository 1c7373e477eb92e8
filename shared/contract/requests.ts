// Every request a client (the CLI, the Electron renderer, the browser shell) can make of the
// service, with the schema of its argument and of its answer. The transports carry exactly
// these; the back end validates every argument here before the service sees it.
import { z } from 'zod';
import { labEventSchema } from './events';
import {
  chartBucketSchema, comparisonSchema, eventsPageSchema, eventsWindowSchema, historyFilterSchema, historyPageSchema,
  runTablesSchema,
} from './history';
import { paramValuesSchema, runReportSchema } from './reports';
import { scenarioInfoSchema } from './scenarios';

const runId = z.string().min(1).max(200);
export const EXPORT_FORMATS = ['html', 'pdf', 'csv', 'json', 'trace'] as const;
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

export const startArgsSchema = z.strictObject({
  scenario: z.string().min(1).max(100),
  /** Scenario parameters plus the common ones (timeUnitMs, seed); defaults fill the rest. */
  params: z.record(z.string(), z.union([z.number(), z.boolean(), z.string()])).optional(),
  /** Wall-clock limit in seconds. */
  timeoutS: z.number().positive().max(3600).optional(),
  /** The student's answer to the scenario's predict-then-run question, given before the run. */
  guess: z.string().max(500).optional(),
});

export const liveRunSchema = z.object({ runId, scenario: z.string(), startedAt: z.string(), eventCount: z.number() });

/** Where an export went: saved by the app, or ready for the browser to download. */
export const exportResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('saved'), path: z.string(), bytes: z.number() }),
  z.object({ kind: z.literal('download'), url: z.string(), fileName: z.string() }),
  z.object({ kind: z.literal('cancelled') }),
]);

export const sourceSchema = z.object({
  /** The scenario's programs, as the lab runs them. */
  program: z.object({ file: z.string(), text: z.string() }),
  /** A Python program of ours that does the same thing with multiprocessing. */
  python: z.object({ file: z.string(), text: z.string() }).nullable(),
});

export const REQUESTS = {
  version: { args: z.strictObject({}), result: z.object({ contract: z.number(), app: z.string() }) },
  scenarios: { args: z.strictObject({}), result: z.array(scenarioInfoSchema) },
  source: { args: z.strictObject({ scenario: z.string().min(1).max(100) }), result: sourceSchema },
  /** The student has this scenario on screen with these parameters: make its workers ready. */
  prepare: {
    args: z.strictObject({ scenario: startArgsSchema.shape.scenario, params: startArgsSchema.shape.params }),
    result: z.object({ workers: z.number() }),
  },
  start: { args: startArgsSchema, result: z.object({ runId, params: paramValuesSchema, timeoutS: z.number() }) },
  stop: { args: z.strictObject({ runId }), result: runReportSchema },
  live: { args: z.strictObject({}), result: z.array(liveRunSchema) },
  /** Pushes for one run from `fromSeq` on (0: from its start): events, status, its end. */
  subscribe: { args: z.strictObject({ runId, fromSeq: z.number().int().min(0) }), result: z.object({ subscription: z.string() }) },
  unsubscribe: { args: z.strictObject({ subscription: z.string().min(1).max(100) }), result: z.null() },
  history: { args: historyFilterSchema, result: historyPageSchema },
  run: { args: z.strictObject({ runId }), result: runReportSchema },
  events: { args: z.strictObject({ runId, window: eventsWindowSchema }), result: eventsPageSchema },
  /** The run's process and object tables: what lanes and tracks a replay of any window draws. */
  tables: { args: z.strictObject({ runId }), result: runTablesSchema },
  chart: {
    args: z.strictObject({ runId, fromUs: z.number().min(0), toUs: z.number().min(0), buckets: z.number().int().min(1).max(5000) }),
    result: z.array(chartBucketSchema),
  },
  compare: { args: z.strictObject({ a: runId, b: runId }), result: comparisonSchema },
  delete: { args: z.strictObject({ runIds: z.array(runId).min(1).max(1000) }), result: z.object({ deleted: z.array(z.string()) }) },
  export: { args: z.strictObject({ runId, format: exportFormatSchema }), result: exportResultSchema },
  /** Two stored runs compared, as one self-contained HTML page (a save dialog, or a download). */
  exportCompare: { args: z.strictObject({ a: runId, b: runId }), result: exportResultSchema },
} as const;

export type RequestName = keyof typeof REQUESTS;
export type RequestArgs<N extends RequestName> = z.infer<(typeof REQUESTS)[N]['args']>;
export type RequestResult<N extends RequestName> = z.infer<(typeof REQUESTS)[N]['result']>;
export type StartArgs = z.infer<typeof startArgsSchema>;
export type LiveRun = z.infer<typeof liveRunSchema>;
export type ExportFormat = z.infer<typeof exportFormatSchema>;
export type ExportResult = z.infer<typeof exportResultSchema>;
export type ScenarioSource = z.infer<typeof sourceSchema>;

/** For the events push: the same event schema, named here so the renderer can check pushes. */
export const eventBatchSchema = z.array(labEventSchema);
