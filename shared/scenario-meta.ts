// What the catalogue says about a scenario: pure data, safe for the renderer and reports.
import type { ParamSpec } from './contract/scenarios';

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

export interface ScenarioMeta {
  id: string;
  title: string;
  seed: string;               // which reference text it comes from
  concepts: string[];
  flagship: boolean;
  topic: Topic;
  /** Internal scenarios (self-tests, benchmarks) run like any other but are not listed. */
  internal?: boolean;
  params: ParamSpec[];
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

/** Parameters every scenario accepts besides its own. */
export const COMMON_PARAMS: ParamSpec[] = [
  { name: 'timeUnitMs', type: 'int', default: 100, min: 1, max: 2000, description: 'length of one seed second, in milliseconds' },
  { name: 'seed', type: 'int', default: 0, min: 0, max: 2 ** 31 - 1, description: 'seed of the random sleeps (default: a random one, stored with the run)' },
];
