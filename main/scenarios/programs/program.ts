// What a scenario's program file defines: the programs its processes run (by name, `main`
// first) and the functions a Pool may run by name. Programs run in worker processes and see
// only the `lab` API; their parameters are typed from the scenario's specs (ParamsOf).
import type { ParamsOf, ScenarioMeta } from '../../../shared/scenario-meta';
import type { Lab } from '../../worker/lab';

/** The `lab` a program of scenario M gets: `lab.params` typed from M's parameter specs. */
export type LabOf<M extends ScenarioMeta> = Lab<ParamsOf<M>>;

// Programs take whatever their parent passes; `any` keeps the program text close to the seeds.
/* eslint-disable @typescript-eslint/no-explicit-any */
export type Program<P = any> = (lab: Lab<P>, ...args: any[]) => Promise<void>;
/** A function a Pool worker applies to each input (or, as the initializer, to its `lab`). */
export type PoolFunction = (x: any) => unknown;
/* eslint-enable @typescript-eslint/no-explicit-any */

/** Exactly the programs scenario M names in its metadata, each taking M's parameters. */
export type ProgramsOf<M extends ScenarioMeta> = { readonly [K in M['programs'][number]]: Program<ParamsOf<M>> };

/** A program's class whose objects may travel through queues and pipes by name, with their fields. */
export type TravellingClass = abstract new (...args: never[]) => object;

/** A scenario as a worker process sees it. */
export interface ScenarioPrograms {
  id: string;
  programs: Readonly<Record<string, Program>>;
  functions: Readonly<Record<string, PoolFunction>>;
  /** Classes whose objects travel as themselves (as pickle sends them); every process registers them. */
  classes: readonly TravellingClass[];
}

/** A scenario's programs, checked by the compiler against the names its metadata lists. */
export function definePrograms<M extends ScenarioMeta>(
  meta: M, programs: ProgramsOf<M>, functions: Record<string, PoolFunction> = {}, classes: readonly TravellingClass[] = [],
): ScenarioPrograms {
  return { id: meta.id, programs, functions, classes };
}
