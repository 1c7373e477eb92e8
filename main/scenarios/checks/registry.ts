// The host's registry: scenario ids to their metadata (with the names of their programs, for
// the kernel), checks and expected endings. Workers find the programs through their own
// registry (main/scenarios/programs/registry.ts); the host never loads program code.
import type { Scenario } from './scenario';
import { forkLoop } from './fork-loop';
import { semaphorePool } from './semaphore-pool';
import { managerNamespace } from './manager-namespace';
import { producerConsumer } from './producer-consumer';
import { taskQueue } from './task-queue';
import { eventSignal } from './event-signal';
import { lock } from './lock';
import { whoami } from './whoami';
import { condition } from './condition';
import { managerDict } from './manager-dict';
import { poolMap } from './pool-map';
import { pipe } from './pipe';
import { sharedMemory } from './shared-memory';
import { queuePolling } from './queue-polling';
import { queueObject } from './queue-object';
import { endSignal } from './end-signal';

import { INTERNAL_SCENARIOS } from '../internal/checks';

/** The catalogue, in the order the app and the CLI list it. */
export const SCENARIOS: readonly Scenario[] = [
  forkLoop,
  semaphorePool,
  managerNamespace,
  producerConsumer,
  taskQueue,
  eventSignal,
  lock,
  whoami,
  condition,
  managerDict,
  poolMap,
  pipe,
  sharedMemory,
  queuePolling,
  queueObject,
  endSignal,
];

/** Finds a catalogue scenario, or an internal one (self-test, benchmark) by its id. */
export function findScenario(id: string): Scenario | undefined {
  return SCENARIOS.find((s) => s.meta.id === id) ?? INTERNAL_SCENARIOS.find((s) => s.meta.id === id);
}
