// whoami: the parent calls whoami() directly, then in one child it joins, then in
// `children` children it does not join, and prints its exit line; all prints share a lock.
// Each line shows the module's name, as the seed prints __name__: '__main__' in the parent,
// and in a child '__main__' under fork, '__mp_main__' under spawn.
import { whoamiMeta } from '../../../shared/scenarios/whoami';
import { EXIT_LINE } from '../../../shared/scenarios/data/whoami';
import type { Lock } from '../../worker/handles';
import { definePrograms, type LabOf } from './program';

async function printWhoami(lab: LabOf<typeof whoamiMeta>, label: string, printLock: Lock): Promise<void> {
  await printLock.with(() => lab.print(`${label}: name:${lab.moduleName()}, pid:${lab.pid}`));
}

export const whoamiPrograms = definePrograms(whoamiMeta, {
  main: async (lab) => {
    const printLock = lab.lock({ name: 'print-lock' });
    await printWhoami(lab, 'function call', printLock);
    const p = await lab.spawn('whoami', ['spawned child', printLock]);
    await p.join();
    for (let i = 0; i < lab.params.children; i++) await lab.spawn('whoami', [`run process ${i}`, printLock]);
    await printLock.with(() => lab.print(EXIT_LINE));
    // No join: the program ends here, and the process still waits for its children (as Python's does).
  },
  whoami: async (lab, label: string, printLock: Lock) => { await printWhoami(lab, label, printLock); },
});
