// The catalogue, flagship scenarios first.
import type { ScenarioMeta } from '../scenario-meta';
import { forkLoopMeta } from './fork-loop';
import { semaphorePoolMeta } from './semaphore-pool';
import { managerNamespaceMeta } from './manager-namespace';
import { producerConsumerMeta } from './producer-consumer';
import { taskQueueMeta } from './task-queue';
import { eventSignalMeta } from './event-signal';
import { lockMeta } from './lock';
import { whoamiMeta } from './whoami';
import { conditionMeta } from './condition';
import { managerDictMeta } from './manager-dict';
import { poolMapMeta } from './pool-map';
import { pipeMeta } from './pipe';
import { sharedMemoryMeta } from './shared-memory';
import { queuePollingMeta } from './queue-polling';
import { queueObjectMeta } from './queue-object';
import { endSignalMeta } from './end-signal';

export const SCENARIO_CATALOGUE: readonly ScenarioMeta[] = [
  forkLoopMeta,
  semaphorePoolMeta,
  managerNamespaceMeta,
  producerConsumerMeta,
  taskQueueMeta,
  eventSignalMeta,
  lockMeta,
  whoamiMeta,
  conditionMeta,
  managerDictMeta,
  poolMapMeta,
  pipeMeta,
  sharedMemoryMeta,
  queuePollingMeta,
  queueObjectMeta,
  endSignalMeta,
];

export function findScenarioMeta(id: string): ScenarioMeta | undefined {
  return SCENARIO_CATALOGUE.find((s) => s.id === id);
}
