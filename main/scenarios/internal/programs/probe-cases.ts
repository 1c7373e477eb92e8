// All probe programs, gathered from their groups; every case and helper the metadata lists
// (../probe-meta.ts) must be here, which the compiler checks.
import type { ParamsOf } from '../../../../shared/scenario-meta';
import type { PoolFunction, ProgramsOf } from '../../programs/program';
import type { probeMeta } from '../probe-meta';
import type { ProbeProgram } from './probes/probe-set';
import { lockProbes } from './probes/locks';
import { processProbes } from './probes/processes';
import { queueProbes } from './probes/queues';
import { signalProbes } from './probes/signals';
import { limitProbes } from './probes/limits';

type Helpers = Omit<ProgramsOf<typeof probeMeta>, 'main'>;

export const PROBE_CASES: {
  main: Readonly<Record<ParamsOf<typeof probeMeta>['case'], ProbeProgram>>;
  helpers: Helpers;
  functions: Readonly<Record<string, PoolFunction>>;
} = {
  main: { ...queueProbes.main, ...lockProbes.main, ...signalProbes.main, ...processProbes.main, ...limitProbes.main },
  helpers: { ...queueProbes.helpers, ...lockProbes.helpers, ...signalProbes.helpers, ...processProbes.helpers, ...limitProbes.helpers },
  functions: { ...processProbes.functions },
};
