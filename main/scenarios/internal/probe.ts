// probe: small programs that exercise one primitive each, for the tests. The `case`
// parameter picks the program; each records what it saw with lab.result().
import type { Scenario } from '../scenario';
import type { Program } from '../scenario';
import { PROBE_CASES } from './probe-cases';

export const probe: Scenario = {
  meta: {
    id: 'probe', title: 'Primitive probes (self-test)', seed: 'none', concepts: [], flagship: false, topic: 'processes', internal: true,
    params: [{ name: 'case', type: 'enum', default: 'queue-fifo', values: Object.keys(PROBE_CASES.main), description: 'which probe runs' }],
    explanation: 'Self-test programs for the kernel\'s primitives.', watch: [], pitfalls: [],
  },
  programs: {
    main: async (lab) => {
      const run = PROBE_CASES.main[lab.params.case as string];
      await run(lab);
    },
    ...(PROBE_CASES.helpers as Record<string, Program>),
  },
  functions: PROBE_CASES.functions,
  check: (run) => ({ invariants: [], result: run.results() }),
};
