// Turns what a user asked for into a checked run configuration, or a clear refusal.
import { availableParallelism } from 'node:os';
import { COMMON_PARAMS } from '../../../shared/scenario-meta';
import { resolveParams, type ParamValues } from '../../../shared/params';
import { findScenario, SCENARIOS } from '../../scenarios/checks/registry';
import type { Scenario } from '../../scenarios/checks/scenario';

export interface RunRequest {
  scenario: string;
  /** Scenario parameters plus the common ones (timeUnitMs, seed). */
  params?: Record<string, unknown>;
  /** Wall-clock limit in seconds. */
  timeoutS?: number;
  /** The student's answer to the scenario's predict-then-run question (judged in the report). */
  guess?: string;
}

export interface RunConfig {
  scenario: Scenario;
  params: ParamValues & { seed: number; timeUnitMs: number };
  timeoutS: number;
  guess?: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: { code: string; message: string } };

export const DEFAULT_TIMEOUT_S = 120;
export const MAX_TIMEOUT_S = 3600;

export function checkRunRequest(req: RunRequest): Checked<RunConfig> {
  const scenario = findScenario(req.scenario);
  if (!scenario) {
    return { ok: false, error: { code: 'UNKNOWN_SCENARIO', message: `unknown scenario "${req.scenario}"; valid ids: ${SCENARIOS.map((s) => s.meta.id).join(', ')}` } };
  }
  const given = { ...(req.params ?? {}) };
  const seedGiven = Object.prototype.hasOwnProperty.call(given, 'seed');
  const r = resolveParams([...scenario.meta.params, ...COMMON_PARAMS], given, availableParallelism());
  if (!r.ok) return { ok: false, error: r.error };
  const timeoutS = req.timeoutS ?? DEFAULT_TIMEOUT_S;
  if (!Number.isFinite(timeoutS) || timeoutS <= 0 || timeoutS > MAX_TIMEOUT_S) {
    return { ok: false, error: { code: 'BAD_PARAM', message: `timeout must be a number of seconds from 1 to ${MAX_TIMEOUT_S}` } };
  }
  const params = r.values as RunConfig['params'];
  if (!seedGiven) params.seed = Math.floor(Math.random() * 2 ** 31);
  return { ok: true, value: { scenario, params, timeoutS, ...(req.guess !== undefined ? { guess: req.guess } : {}) } };
}
