// bench: the lab side of `npm run bench`. The `metric` parameter picks a workload; its
// parent program times the work and reports { seconds, ops } as the result "bench".
import { benchMeta } from '../bench-meta';
import { definePrograms } from '../../programs/program';
import { BENCH_WORKERS } from './bench-workers';
import { BENCH_WORKLOADS } from './bench-workloads';

export const benchPrograms = definePrograms(benchMeta, {
  main: async (lab) => {
    const { metric, n, procs } = lab.params;
    lab.result('bench', await BENCH_WORKLOADS[metric](lab, n, procs));
  },
  ...BENCH_WORKERS,
}, { double: (x: number) => x * 2 });
