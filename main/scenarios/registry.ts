// Scenario ids to scenario files. Workers load a scenario by id through this map too,
// so only known files can ever be loaded.
import type { Scenario } from './scenario';
import { forkLoop } from './fork-loop';
import { semaphorePool } from './semaphore-pool';
import { managerNamespace } from './manager-namespace';

export const SCENARIOS: readonly Scenario[] = [forkLoop, semaphorePool, managerNamespace];

export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.meta.id === id);
}
