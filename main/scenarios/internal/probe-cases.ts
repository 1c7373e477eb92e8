// All probe programs, gathered from their groups.
import type { Program } from '../scenario';
import { lockProbes } from './probes/locks';
import { processProbes } from './probes/processes';
import { queueProbes } from './probes/queues';
import { signalProbes } from './probes/signals';
import { limitProbes } from './probes/limits';

const sets = [queueProbes, lockProbes, signalProbes, processProbes, limitProbes];

export const PROBE_CASES = {
  main: Object.assign({}, ...sets.map((s) => s.main)) as Record<string, Program>,
  helpers: Object.assign({}, ...sets.map((s) => s.helpers)) as Record<string, Program>,
  functions: Object.assign({}, ...sets.map((s) => s.functions ?? {})) as Record<string, (x: unknown) => unknown>,
};
