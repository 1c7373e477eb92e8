// probe's host side: no invariants; the result is what the probe recorded, for the tests to read.
import type { Checks } from '../../checks/scenario';
import { probeMeta } from '../probe-meta';

export const probe: Checks<typeof probeMeta> = {
  meta: probeMeta,
  check: (run) => ({ invariants: [], result: run.results() }),
};
