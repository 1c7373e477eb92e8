// The report of one run, as schemas: what `lab run --json` prints, what the store keeps and
// the exports and the app show. shared/run-report.ts re-exports the inferred types.
import { z } from 'zod';
import { exitHowSchema } from './events';

/** 'interrupted': the host died while the run went on (found so when the history is next read). */
export const runStatusSchema = z.enum(['running', 'completed', 'failed', 'stopped', 'hung', 'timeout', 'interrupted']);

export const paramValueSchema = z.union([z.number(), z.boolean(), z.string()]);
export const paramValuesSchema = z.record(z.string(), paramValueSchema);

export const processRecordSchema = z.object({
  pid: z.number(),
  name: z.string(),
  program: z.string(),
  parentPid: z.number().nullable(),
  daemon: z.boolean(),
  exitCode: z.number().nullable(),
  signal: z.string().nullable(),
  /** How it ended; null while it runs, or when the history does not know (older runs). */
  how: exitHowSchema.nullable(),
  startMs: z.number(),
  endMs: z.number().nullable(),
});

export const outputLineSchema = z.object({ tMs: z.number(), pid: z.number(), name: z.string(), text: z.string() });

/** ok: true held, false broken, null not judged (the run ended in a way that leaves it
 *  unknowable; `detail` says why). A report never shows ✓ for what it could not judge. */
export const invariantResultSchema = z.object({ id: z.string(), description: z.string(), ok: z.boolean().nullable(), detail: z.string() });

/** One process stuck at the end of a hung run, and what it waits for. */
export const blockedProcessSchema = z.object({
  pid: z.number(), name: z.string(), op: z.string(), obj: z.string(), objKind: z.string(), waitsFor: z.array(z.number()),
});

export const hangReportSchema = z.object({
  blocked: z.array(blockedProcessSchema),
  /** pids forming a wait-for cycle (deadlock), empty when the hang is a missing wake-up. */
  cycle: z.array(z.number()),
  /** Locks held by processes that already exited. */
  orphanedLocks: z.array(z.object({ obj: z.string(), ownerPid: z.number() })),
  summary: z.string(),
});

/** The scenario's "predict, then run" question, the student's guess (if any) and this run's answer. */
export const predictionSchema = z.object({
  question: z.string(),
  answer: z.unknown(),
  guess: z.string().optional(),
  /** Whether the guess matches the answer (absent without a guess). */
  right: z.boolean().optional(),
});

export const runReportSchema = z.object({
  runId: z.string(),
  scenario: z.string(),
  status: runStatusSchema,
  params: paramValuesSchema.and(z.object({ seed: z.number(), timeUnitMs: z.number() })),
  startedAt: z.string(),
  /** When the run's clock started, once its processes were prepared: every event's `t` counts from here. */
  clockStartedAt: z.string().optional(),
  durationMs: z.number(),
  processes: z.array(processRecordSchema),
  output: z.array(outputLineSchema),
  invariants: z.array(invariantResultSchema),
  result: z.record(z.string(), z.unknown()),
  eventCount: z.number(),
  /** Why the run ended the way it did, in one or two sentences each. */
  notes: z.array(z.string()),
  /** How this scenario, with these parameters, is meant to end (a hang can be the lesson). */
  expectedStatus: runStatusSchema,
  /** The run ended as expected and no invariant is broken. */
  passed: z.boolean(),
  prediction: predictionSchema.optional(),
  hang: hangReportSchema.optional(),
});

export type RunStatus = z.infer<typeof runStatusSchema>;
export type ParamValue = z.infer<typeof paramValueSchema>;
export type ParamValues = z.infer<typeof paramValuesSchema>;
export type ProcessRecord = z.infer<typeof processRecordSchema>;
export type OutputLine = z.infer<typeof outputLineSchema>;
export type InvariantResult = z.infer<typeof invariantResultSchema>;
export type BlockedProcess = z.infer<typeof blockedProcessSchema>;
export type HangReport = z.infer<typeof hangReportSchema>;
export type Prediction = z.infer<typeof predictionSchema>;
export type RunReport = z.infer<typeof runReportSchema>;
