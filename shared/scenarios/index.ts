// The catalogue, flagship scenarios first.
import type { ScenarioMeta } from '../scenario-meta';
import { forkLoopMeta } from './fork-loop';
import { semaphorePoolMeta } from './semaphore-pool';
import { managerNamespaceMeta } from './manager-namespace';

export const SCENARIO_CATALOGUE: readonly ScenarioMeta[] = [
  forkLoopMeta,
  semaphorePoolMeta,
  managerNamespaceMeta,
];

export function findScenarioMeta(id: string): ScenarioMeta | undefined {
  return SCENARIO_CATALOGUE.find((s) => s.id === id);
}
