// The workers' registry: scenario ids to their programs and pool functions. A worker loads
// the program it is told to run through this map only, so only known files can ever run.
// The host keeps its own registry (main/scenarios/checks/registry.ts) and never loads these.
import type { ScenarioPrograms } from './program';
import { forkLoopPrograms } from './fork-loop';
import { semaphorePoolPrograms } from './semaphore-pool';
import { managerNamespacePrograms } from './manager-namespace';
import { producerConsumerPrograms } from './producer-consumer';
import { taskQueuePrograms } from './task-queue';
import { eventSignalPrograms } from './event-signal';
import { lockPrograms } from './lock';
import { whoamiPrograms } from './whoami';
import { conditionPrograms } from './condition';
import { managerDictPrograms } from './manager-dict';
import { poolMapPrograms } from './pool-map';
import { pipePrograms } from './pipe';
import { sharedMemoryPrograms } from './shared-memory';
import { queuePollingPrograms } from './queue-polling';
import { queueObjectPrograms } from './queue-object';
import { endSignalPrograms } from './end-signal';

import { INTERNAL_PROGRAMS } from '../internal/programs';

/** The catalogue's programs, in the catalogue's order. */
export const CATALOGUE_PROGRAMS: readonly ScenarioPrograms[] = [
  forkLoopPrograms,
  semaphorePoolPrograms,
  managerNamespacePrograms,
  producerConsumerPrograms,
  taskQueuePrograms,
  eventSignalPrograms,
  lockPrograms,
  whoamiPrograms,
  conditionPrograms,
  managerDictPrograms,
  poolMapPrograms,
  pipePrograms,
  sharedMemoryPrograms,
  queuePollingPrograms,
  queueObjectPrograms,
  endSignalPrograms,
];

/** A catalogue scenario's programs, or an internal one's (self-test, benchmark), by id. */
export function findPrograms(id: string): ScenarioPrograms | undefined {
  return CATALOGUE_PROGRAMS.find((s) => s.id === id) ?? INTERNAL_PROGRAMS.find((s) => s.id === id);
}
