// Scenarios that run like any other but are not in the catalogue, as the host sees them: the
// primitives' self-test programs (used by the tests) and the benchmark workloads.
import type { Scenario } from '../../checks/scenario';
import { probe } from './probe';
import { bench } from './bench';

export const INTERNAL_SCENARIOS: readonly Scenario[] = [probe, bench];
