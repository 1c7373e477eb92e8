// The programs of the scenarios that run like any other but are not in the catalogue: the
// primitives' self-test programs (used by the tests) and the benchmark workloads.
import type { ScenarioPrograms } from '../../programs/program';
import { probePrograms } from './probe';
import { benchPrograms } from './bench';

export const INTERNAL_PROGRAMS: readonly ScenarioPrograms[] = [probePrograms, benchPrograms];
