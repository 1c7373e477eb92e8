// The shape of a scenario file: its catalogue entry, its programs (run in worker
// processes) and its checks (run in the host over the run's record afterwards).
import type { ScenarioMeta } from '../../shared/scenario-meta';
import type { InvariantResult, RunStatus } from '../../shared/run-report';
import type { ParamValues } from '../../shared/params';
import type { Lab } from '../worker/lab';
import type { RunRecord } from '../core/runs/run-record';

// Programs take whatever their parent passes; `any` keeps scenario code close to the seeds.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Program = (lab: Lab, ...args: any[]) => Promise<void>;

export interface ScenarioCheck { invariants: InvariantResult[]; result: Record<string, unknown>; notes?: string[] }

export interface Scenario {
  meta: ScenarioMeta;
  /** `main` is the parent program (the seed's __main__). */
  programs: Record<string, Program> & { main: Program };
  /** Functions a Pool can run by name. */
  functions?: Record<string, (x: unknown) => unknown>;
  /** Classes whose objects may travel through queues and pipes by name, with their fields (as pickle sends them). */
  classes?: ReadonlyArray<abstract new (...args: never[]) => object>;
  /** Runs for every ending, `run.status` set: a run stopped, cut at its time limit, hung, capped,
   *  with a crashed process or interrupted says what it could not judge (see judging.ts). */
  check(run: RunRecord, params: ParamValues): ScenarioCheck;
  /** How a run with these parameters is meant to end; 'completed' when not given. */
  expectedStatus?(params: ParamValues): RunStatus;
}
