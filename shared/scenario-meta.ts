// What the catalogue says about a scenario: pure data, safe for the renderer and reports.
import type { ParamSpec } from './contract/scenarios';
import type { ParamValues } from './params';

export type { ParamSpec };

/** Where the home screen groups a scenario. */
export type Topic = 'processes' | 'messages' | 'synchronization' | 'shared-state' | 'pools';
export const TOPICS: readonly { id: Topic; title: string }[] = [
  { id: 'processes', title: 'Processes' },
  { id: 'messages', title: 'Passing messages' },
  { id: 'synchronization', title: 'Synchronization' },
  { id: 'shared-state', title: 'Shared state' },
  { id: 'pools', title: 'Pools' },
];

/** A scenario's program names, its parent program `main` first. */
export type ProgramNames = readonly ['main', ...string[]];

/** P and N keep each scenario's own parameter specs and program names as literal types (see defineMeta). */
export interface ScenarioMeta<P extends readonly ParamSpec[] = readonly ParamSpec[], N extends ProgramNames = ProgramNames> {
  id: string;
  title: string;
  seed: string;               // which reference text it comes from
  concepts: string[];
  flagship: boolean;
  topic: Topic;
  /** Internal scenarios (self-tests, benchmarks) run like any other but are not listed. */
  internal?: boolean;
  params: P;
  /** The programs a run may start: what the host tells the kernel, and what the scenario's
   *  program file must define (main/scenarios/programs/<id>.ts, checked by the compiler). */
  programs: N;
  /** What the example shows, in our words, for students. */
  explanation: string;
  /** What to watch for while it runs. */
  watch: string[];
  /** The pitfalls the example teaches. */
  pitfalls: string[];
  /** A "predict, then run" question; the run answers it with `result[answerKey]`.
   *  Every catalogue scenario has one (internal ones need none). */
  predict?: { question: string; answerKey: string };
}

const COMMON = [
  { name: 'timeUnitMs', type: 'int', default: 100, min: 1, max: 2000, description: 'length of one seed second, in milliseconds' },
  { name: 'seed', type: 'int', default: 0, min: 0, max: 2 ** 31 - 1, description: 'seed of the random sleeps (default: a random one, stored with the run)' },
] as const satisfies readonly ParamSpec[];

/** Parameters every scenario accepts besides its own. */
export const COMMON_PARAMS: ParamSpec[] = [...COMMON];

/**
 * A scenario's metadata, as written; its parameter specs and program names keep their literal
 * types, so that programs and checks get their parameters typed (ParamsOf).
 */
export function defineMeta<const P extends readonly ParamSpec[], const N extends ProgramNames>(meta: ScenarioMeta<P, N>): ScenarioMeta<P, N> {
  return meta;
}

/** The value a parameter takes at run time: an int is a number, an enum one of its values. */
type ParamType<S> = S extends { type: 'int' } ? number
  : S extends { type: 'bool' } ? boolean
    : S extends { type: 'enum'; values: readonly (infer V)[] } ? V
      : never;

/**
 * The parameters a run of scenario M gets (its own and the common ones), typed from its specs:
 * `lab.params.iterations` is a number. The kernel hands them over as JSON, checked against
 * the same specs before the run starts (shared/params.ts).
 */
export type ParamsOf<M extends { params: readonly ParamSpec[] }> =
  // Any scenario's (its specs not known here): any parameter values.
  string extends M['params'][number]['name'] ? Readonly<ParamValues>
    : { readonly [S in M['params'][number] | (typeof COMMON)[number] as S['name']]: ParamType<S> };
