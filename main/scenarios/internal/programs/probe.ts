// probe: small programs that exercise one primitive each, for the tests. The `case`
// parameter picks the program; each records what it saw with lab.result().
import { probeMeta } from '../probe-meta';
import { definePrograms } from '../../programs/program';
import { PROBE_CASES } from './probe-cases';

export const probePrograms = definePrograms(probeMeta, {
  main: async (lab) => {
    const run = PROBE_CASES.main[lab.params.case];
    await run(lab);
  },
  ...PROBE_CASES.helpers,
}, PROBE_CASES.functions);
