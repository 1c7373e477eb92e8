// What the service pushes to a subscriber of a run, at most one message per frame interval.
import { z } from 'zod';
import { labEventSchema } from './events';
import { runReportSchema } from './reports';

const base = { subscription: z.string(), runId: z.string() };

export const pushSchema = z.discriminatedUnion('type', [
  /** New events, in seq order, with no gap since the last push. */
  z.object({ type: z.literal('events'), ...base, events: z.array(labEventSchema) }),
  /** The subscriber fell behind: events fromSeq..toSeq were not pushed; ask for them with `events`. */
  z.object({ type: z.literal('gap'), ...base, fromSeq: z.number(), toSeq: z.number() }),
  /** How the run stands: preparing its workers, then running. */
  z.object({
    type: z.literal('status'), ...base,
    phase: z.enum(['preparing', 'running', 'ending']),
    /** While preparing: workers ready of those the run needs. */
    prepared: z.number().optional(), needed: z.number().optional(),
    elapsedMs: z.number(), liveProcesses: z.number(), eventCount: z.number(),
  }),
  /** The run is over; its report. The last push of a subscription. */
  z.object({ type: z.literal('ended'), ...base, report: runReportSchema }),
]);

export type Push = z.infer<typeof pushSchema>;
