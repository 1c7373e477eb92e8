// semaphore-pool: every job starts at once; a Semaphore lets only `slots` of them be active.
// The active names live in a manager list guarded by a lock, as in the seed's ActivePool.
import { semaphorePoolMeta } from '../../../shared/scenarios/semaphore-pool';
import type { Lock, ManagerList, Semaphore } from '../../worker/handles';
import { pyRepr } from '../../../shared/py-format';
import { definePrograms } from './program';

/** A list of names as Python prints it: ['0', '1', '2']. */
const show = (names: string[]) => pyRepr(names);

export const semaphorePoolPrograms = definePrograms(semaphorePoolMeta, {
  main: async (lab) => {
    const s = lab.semaphore(lab.params.slots, { name: 'slots' });
    const active = lab.manager().list<string>([], { name: 'active' });
    const lock = lab.lock({ name: 'active-lock' });
    const names = Array.from({ length: lab.params.jobs }, (_, i) => String(i));
    const procs = await lab.startAll('job', names.map(() => [s, active, lock]), { names });
    // Poll like the seed: who is still alive? Print the active list while any is.
    for (;;) {
      let alive = 0;
      for (const p of procs) {
        if (!(await p.isAlive())) continue;
        alive++;
        await p.join(0.1);
        lab.print(`Now running ${show(await lock.with(() => active.copy()))}`);
      }
      if (alive === 0) break;
    }
  },
  job: async (lab, s: Semaphore, active: ManagerList<string>, lock: Lock) => {
    const name = lab.currentProcess().name;
    await s.with(async () => {
      await lock.with(() => active.append(name));
      lab.print(`Activating ${name} now running ${show(await lock.with(() => active.copy()))}`);
      await lab.sleep(lab.random() * lab.params.holdMaxUnits);
      await lock.with(() => active.remove(name));
    });
  },
});
