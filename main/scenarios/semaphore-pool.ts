// semaphore-pool: every job starts at once; a Semaphore lets `slots` of them be active.
// The active names live in a manager list guarded by a lock, as in the seed's ActivePool.
import { semaphorePoolMeta } from '../../shared/scenarios/semaphore-pool';
import type { Lock, ManagerList, Semaphore } from '../worker/handles';
import { completion, endingOf, safety } from './judging';
import type { Scenario } from './scenario';
import { argOf } from '../../shared/event-values';

const show = (names: string[]) => `[${names.map((n) => `'${n}'`).join(', ')}]`;

export const semaphorePool: Scenario = {
  meta: semaphorePoolMeta,
  programs: {
    main: async (lab) => {
      const { jobs, slots } = lab.params as { jobs: number; slots: number };
      const s = lab.semaphore(slots, { name: 'slots' });
      const active = lab.manager().list<string>([], { name: 'active' });
      const lock = lab.lock({ name: 'active-lock' });
      const names = Array.from({ length: jobs }, (_, i) => String(i));
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
      await s.with(async () => {
        await lock.with(() => active.append(lab.name));
        lab.print(`Activating ${lab.name} now running ${show(await lock.with(() => active.copy()))}`);
        await lab.sleep(lab.random() * (lab.params.holdMaxUnits as number));
        await lock.with(() => active.remove(lab.name));
      });
    },
  },
  check(run, params) {
    const end = endingOf(run);
    const appends = run.ops('active', 'append');
    const sizes = run.ops('active').filter((e) => e.state?.size !== undefined).map((e) => e.state!.size!);
    const maxActive = sizes.length ? Math.max(...sizes) : 0;
    const activations: Record<string, number> = {};
    for (let i = 0; i < (params.jobs as number); i++) activations[String(i)] = 0;
    for (const e of appends) {
      const x = argOf(e, 0, 'ManagerList');
      if (!x.ok) continue;
      const name = String(x.value);
      activations[name] = (activations[name] ?? 0) + 1;
    }
    const wrong = Object.entries(activations).filter(([, n]) => n !== 1);
    const semLow = run.ops('slots').reduce((m, e) => Math.min(m, e.state?.value ?? m), params.slots as number);
    return {
      invariants: [
        safety(end, 'active-within-slots', `the active list never holds more than slots (${params.slots}) names`, maxActive <= (params.slots as number),
          `at most ${maxActive} active at once; the semaphore went down to ${semLow}`),
        completion(end, 'each-job-once', 'each job activates exactly once', wrong.length === 0,
          wrong.length ? wrong.map(([n, c]) => `job ${n}: ${c} times`).join(', ') : `${appends.length} activations for ${params.jobs} jobs`,
          { brokenSoFar: wrong.some(([, n]) => n > 1), point: 'before every job had its turn', involved: run.byProgram('job') }),
      ],
      // The most ever active is the run's answer only once every job had its turn.
      result: { maxActive: end.complete ? maxActive : null, activations, ...(end.complete ? {} : { maxActiveSoFar: maxActive }) },
    };
  },
};
