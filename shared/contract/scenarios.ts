// The scenario catalogue as the service hands it out: each scenario's text for students and
// its parameters, with machine-dependent defaults (cpu_count()*2) resolved to numbers.
import { z } from 'zod';

export const paramSpecSchema = z.discriminatedUnion('type', [
  z.object({ name: z.string(), type: z.literal('int'), default: z.union([z.number(), z.literal('cpu2')]), min: z.number(), max: z.number(), description: z.string() }),
  z.object({ name: z.string(), type: z.literal('bool'), default: z.boolean(), description: z.string() }),
  z.object({ name: z.string(), type: z.literal('enum'), default: z.string(), values: z.array(z.string()).readonly(), description: z.string() }),
]);

/** A parameter as the app's form shows it: the default already resolved for this machine. */
export const resolvedParamSchema = z.discriminatedUnion('type', [
  z.object({ name: z.string(), type: z.literal('int'), default: z.number(), min: z.number(), max: z.number(), description: z.string(), machineDefault: z.string().optional() }),
  z.object({ name: z.string(), type: z.literal('bool'), default: z.boolean(), description: z.string() }),
  z.object({ name: z.string(), type: z.literal('enum'), default: z.string(), values: z.array(z.string()), description: z.string() }),
]);

export const scenarioInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  /** Which reference text it comes from. */
  seed: z.string(),
  concepts: z.array(z.string()),
  flagship: z.boolean(),
  /** Where the home screen groups it: processes, messages, synchronization, shared state, pools. */
  topic: z.string(),
  /** Its own parameters, then the common ones (timeUnitMs, seed, ...). */
  params: z.array(resolvedParamSchema),
  explanation: z.string(),
  watch: z.array(z.string()),
  pitfalls: z.array(z.string()),
  predict: z.object({ question: z.string(), answerKey: z.string() }).optional(),
});

export type ParamSpec = z.infer<typeof paramSpecSchema>;
export type ResolvedParam = z.infer<typeof resolvedParamSchema>;
export type ScenarioInfo = z.infer<typeof scenarioInfoSchema>;
