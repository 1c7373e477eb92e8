// Scenario ids to scenario files. Workers load a scenario by id through this map too,
// so only known files can ever be loaded.
import type { Scenario } from './scenario';
import { forkLoop } from './fork-loop';
import { semaphorePool } from './semaphore-pool';
import { managerNamespace } from './manager-namespace';

import { INTERNAL_SCENARIOS } from './internal';

/** The catalogue, in the order the app and the CLI list it. */
export const SCENARIOS: readonly Scenario[] = [
  forkLoop,
  semaphorePool,
  managerNamespace,
];

/** Finds a catalogue scenario, or an internal one (self-test, benchmark) by its id. */
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.meta.id === id) ?? INTERNAL_SCENARIOS.find((s) => s.meta.id === id);
}
