// bench's metadata: the lab side of `npm run bench`. The host reads it (the metrics, the
// program names for the kernel) and so do the programs (programs/bench.ts), whose workloads
// and workers the compiler checks against these lists.
import { defineMeta } from '../../../shared/scenario-meta';

/** What a workload reports as the result "bench": how many operations it timed, in how long. */
export interface Measurement { seconds: number; ops: number }

export const benchMeta = defineMeta({
  id: 'bench', title: 'Benchmark workloads', seed: 'none', concepts: [], flagship: false, topic: 'processes', internal: true,
  params: [
    {
      name: 'metric', type: 'enum', default: 'queue-1-1', description: 'which workload runs',
      values: [
        'process-start-sequential', 'process-start-10', 'queue-1-1', 'queue-3-6', 'joinable-4', 'semaphore-3-10',
        'manager-dict-4', 'pool-map-100k', 'pipe-rtt', 'event-wakeup', 'kernel-call-rtt', 'kernel-flood', 'event-flood',
      ],
    },
    { name: 'n', type: 'int', default: 1000, min: 1, max: 10_000_000, description: 'workload size (items, round trips, processes, batches)' },
    { name: 'procs', type: 'int', default: 2, min: 1, max: 64, description: 'Pool size for pool-map-100k; for kernel-flood, 1 floods with one worker, more with four' },
  ],
  // The workloads' child programs.
  programs: ['main', 'noop', 'producer', 'consumer', 'semaphoreUser', 'dictSetter', 'burstProducer', 'greedyConsumer', 'taskDoer', 'echo', 'flooder', 'ponger'],
  explanation: 'Timed workloads compared against Python multiprocessing by npm run bench.', watch: [], pitfalls: [],
});
