// semaphore-pool's checks (programs: main/scenarios/programs/semaphore-pool.ts): the active
// list never holds more than `slots` names, and each job activates exactly once.
import { semaphorePoolMeta } from '../../../shared/scenarios/semaphore-pool';
import { completion, endingOf, safety } from './judging';
import type { Checks } from './scenario';
import { argOf } from '../../../shared/event-values';

export const semaphorePool: Checks<typeof semaphorePoolMeta> = {
  meta: semaphorePoolMeta,
  check(run, params) {
    const end = endingOf(run);
    const appends = run.ops('active', 'append');
    const sizes = run.ops('active').filter((e) => e.state?.size !== undefined).map((e) => e.state!.size!);
    const maxActive = sizes.length ? Math.max(...sizes) : 0;
    const activations: Record<string, number> = {};
    for (let i = 0; i < params.jobs; i++) activations[String(i)] = 0;
    for (const e of appends) {
      const x = argOf(e, 0, 'ManagerList');
      if (!x.ok) continue;
      const name = String(x.value);
      activations[name] = (activations[name] ?? 0) + 1;
    }
    const wrong = Object.entries(activations).filter(([, n]) => n !== 1);
    const semLow = run.ops('slots').reduce((m, e) => Math.min(m, e.state?.value ?? m), params.slots);
    return {
      invariants: [
        safety(end, 'active-within-slots', `the active list never holds more than slots (${params.slots}) names`, maxActive <= params.slots,
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
