// manager-dict: each worker stores d[i] = i * 2 in one Manager dict; the parent joins
// them all and prints the dict.
import { managerDictMeta } from '../../../shared/scenarios/manager-dict';
import type { ManagerDict } from '../../worker/handles';
import { definePrograms } from './program';

/** The dict as Python prints it: {0: 0, 1: 2}. */
const show = (entries: [string | number, number][]) => `{${entries.map(([k, v]) => `${k}: ${v}`).join(', ')}}`;

export const managerDictPrograms = definePrograms(managerDictMeta, {
  main: async (lab) => {
    const d = lab.manager().dict<number>({ name: 'd' });
    const n = lab.params.workers;
    const jobs = await lab.startAll('worker', Array.from({ length: n }, (_, i) => [d, i, i * 2]));
    await lab.joinAll(jobs);
    const entries = await d.entries();
    lab.print('Results:', show(entries));
    lab.result('dict', Object.fromEntries(entries));
  },
  worker: async (lab, d: ManagerDict<number>, key: number, value: number) => {
    await d.set(key, value);
  },
});
