// A scenario as the host sees it: its catalogue entry (with the names of its programs, which
// run in worker processes: main/scenarios/programs/) and its checks, run in the host over the
// run's record afterwards.
import type { ParamsOf, ScenarioMeta } from '../../../shared/scenario-meta';
import type { ParamValues } from '../../../shared/params';
import type { InvariantResult, RunStatus } from '../../../shared/run-report';
import type { RunRecord } from '../../core/runs/run-record';

export interface ScenarioCheck { invariants: InvariantResult[]; result: Record<string, unknown>; notes?: string[] }

/** One scenario's checks, as its file writes them: `params` typed from its metadata M. */
export interface Checks<M extends ScenarioMeta> {
  meta: M;
  /** Runs for every ending, `run.status` set: a run stopped, cut at its time limit, hung, capped,
   *  with a crashed process or interrupted says what it could not judge (see judging.ts). */
  check(run: RunRecord, params: ParamsOf<M>): ScenarioCheck;
  /** How a run with these parameters is meant to end; 'completed' when not given. */
  expectedStatus?(params: ParamsOf<M>): RunStatus;
}

/** Any scenario, as the registry and the runs hold it (its parameters checked against its specs). */
export interface Scenario {
  meta: ScenarioMeta;
  check(run: RunRecord, params: Readonly<ParamValues>): ScenarioCheck;
  expectedStatus?(params: Readonly<ParamValues>): RunStatus;
}
