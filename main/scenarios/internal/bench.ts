// bench: the lab side of `npm run bench`. The `metric` parameter picks a workload; its
// parent program times the work and reports { seconds, ops } as the result "bench".
import type { Scenario } from '../scenario';
import { BENCH_WORKERS } from './bench-workers';
import { BENCH_WORKLOADS } from './bench-workloads';

export const BENCH_METRICS = Object.keys(BENCH_WORKLOADS);

export const bench: Scenario = {
  meta: {
    id: 'bench', title: 'Benchmark workloads', seed: 'none', concepts: [], flagship: false, topic: 'processes', internal: true,
    params: [
      { name: 'metric', type: 'enum', default: 'queue-1-1', values: BENCH_METRICS, description: 'which workload runs' },
      { name: 'n', type: 'int', default: 1000, min: 1, max: 10_000_000, description: 'workload size (items, round trips, processes, batches)' },
      { name: 'procs', type: 'int', default: 2, min: 1, max: 64, description: 'Pool size for pool-map-100k' },
    ],
    explanation: 'Timed workloads compared against Python multiprocessing by npm run bench.', watch: [], pitfalls: [],
  },
  programs: {
    main: async (lab) => {
      const { metric, n, procs } = lab.params as { metric: string; n: number; procs: number };
      lab.result('bench', await BENCH_WORKLOADS[metric](lab, n, procs));
    },
    ...BENCH_WORKERS,
  },
  functions: { double: (x) => (x as number) * 2 },
  check: (run) => ({ invariants: [], result: run.results() }),
};
