// How many processes a run of each scenario starts, from its parameters: the host prepares
// that many workers before the run's clock starts, so that starting a process inside the run
// costs what a fork costs, not Node's start-up. A runaway (fork-loop without exits) is counted
// up to its cap. A count too small only makes the extra starts slow; too large costs memory.
import type { ParamValues } from '../params';

const n = (p: ParamValues, name: string, fallback: number): number => (typeof p[name] === 'number' ? (p[name] as number) : fallback);

/** Pool.map: a worker retires after maxTasksPerChild chunks and a fresh one replaces it. */
function poolWorkers(p: ParamValues): number {
  const size = n(p, 'poolSize', 4);
  const k = n(p, 'maxTasksPerChild', 0);
  if (k === 0) return size;
  const inputs = n(p, 'inputs', 10);
  const chunks = Math.ceil(inputs / Math.max(1, Math.ceil(inputs / (size * 4))));
  return size + Math.ceil(chunks / k);
}

/**
 * The internal `bench` scenario (main/scenarios/internal/bench-meta.ts): what each workload
 * starts, the parent included, so that process start is timed inside a prepared run.
 */
function benchProcesses(p: ParamValues): number {
  const size = n(p, 'n', 1);
  const byMetric: Record<string, number> = {
    'process-start-sequential': size, 'process-start-10': 10 * size,
    'queue-1-1': 2, 'queue-3-6': 9, 'joinable-4': 4, 'semaphore-3-10': 10, 'manager-dict-4': 4,
    'pool-map-100k': n(p, 'procs', 2), 'pipe-rtt': 1, 'event-wakeup': 1, 'kernel-call-rtt': 0,
    'kernel-flood': 4, 'event-flood': 8,
  };
  return 1 + (byMetric[String(p.metric)] ?? 3);
}

const COUNTS: Record<string, (p: ParamValues) => number> = {
  'fork-loop': (p) => (p.childExits === false ? Math.min(n(p, 'maxProcesses', 32), 2 ** n(p, 'iterations', 4)) : 1 + n(p, 'iterations', 4)),
  'semaphore-pool': (p) => 1 + n(p, 'jobs', 10),
  'manager-namespace': () => 3,
  'producer-consumer': (p) => 1 + n(p, 'producers', 3) * (1 + n(p, 'consumersPerProducer', 2)),
  'task-queue': (p) => 1 + n(p, 'consumers', 4),
  'event-signal': () => 3,
  'lock': (p) => 1 + n(p, 'workers', 2),
  'whoami': (p) => 2 + n(p, 'children', 5),
  'condition': (p) => 2 + n(p, 'stage2Workers', 2),
  'manager-dict': (p) => 1 + n(p, 'workers', 10),
  'pool-map': (p) => 1 + poolWorkers(p),
  'pipe': () => 3,
  'shared-memory': (p) => 1 + 4 * n(p, 'procs', 3) + 1,
  'queue-polling': (p) => 1 + n(p, 'counters', 3),
  'queue-object': () => 2,
  // One producer and one consumer, or two producers and three consumers.
  'end-signal': (p) => (p.variant === 'none-per-consumer' || p.variant === 'joinable-daemons' ? 6 : 3),
  'bench': benchProcesses,
};

/** Workers a run of `scenario` with `params` needs; a few for a scenario the table does not know. */
export function processesNeeded(scenario: string, params: ParamValues): number {
  const f = COUNTS[scenario];
  return Math.max(1, f ? f(params) : 4);
}
