// bench's host side: no invariants; the result is the workload's measurement, for npm run bench.
import type { Checks } from '../../checks/scenario';
import { benchMeta } from '../bench-meta';

export const bench: Checks<typeof benchMeta> = {
  meta: benchMeta,
  check: (run) => ({ invariants: [], result: run.results() }),
};
