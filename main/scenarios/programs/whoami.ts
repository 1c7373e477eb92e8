// whoami: the parent calls whoami() directly, then in one child it joins, then in
// `children` children it does not join, and prints its exit line; all prints share a lock.
import { whoamiMeta } from '../../../shared/scenarios/whoami';
import { EXIT_LINE } from '../../../shared/scenarios/data/whoami';
import type { Lock } from '../../worker/handles';
import { definePrograms, type LabOf } from './program';

async function printWhoami(lab: LabOf<typeof whoamiMeta>, label: string, printLock: Lock): Promise<void> {
  await printLock.with(() => lab.print(`${label}: name:${lab.name}, pid:${lab.pid}`));
}

export const whoamiPrograms = definePrograms(whoamiMeta, {
  main: async (lab) => {
    const printLock = lab.lock({ name: 'print-lock' });
    await printWhoami(lab, 'function call', printLock);
    const p = await lab.spawn('whoami', ['spawned child', printLock], { name: 'spawned-child' });
    await p.join();
    const n = lab.params.children;
    await lab.startAll('whoami', Array.from({ length: n }, (_, i) => [`run process ${i}`, printLock]),
      { names: Array.from({ length: n }, (_, i) => `run-process-${i}`) });
    await printLock.with(() => lab.print(EXIT_LINE));
    // No join: the program ends here, and the process still waits for its children (as Python's does).
  },
  whoami: async (lab, label: string, printLock: Lock) => { await printWhoami(lab, label, printLock); },
});
