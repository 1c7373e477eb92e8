// The program every Pool worker runs: initializer once, then chunks until a pill arrives
// or maxTasksPerChild chunks are done (then it exits and the pool replaces it).
import type { Scenario } from '../scenarios/scenario';
import type { Queue } from './handles';
import type { Lab } from './lab';
import type { PoolResult, PoolTask } from './pool';

export async function poolWorker(scenario: Scenario, lab: Lab, tasks: Queue, out: Queue, initializer: string | null, maxTasks: number): Promise<void> {
  const fns = scenario.functions ?? {};
  if (initializer) {
    const init = fns[initializer];
    if (!init) throw new Error(`no function ${initializer} in scenario ${scenario.meta.id}`);
    await init(lab);
  }
  for (let done = 0; maxTasks === 0 || done < maxTasks; done++) {
    const task = await tasks.get<PoolTask>();
    if (task === null) return;
    const [job, index, fnName, items] = task;
    const fn = fns[fnName];
    let result: PoolResult;
    try {
      if (!fn) throw new Error(`no function ${fnName} in scenario ${scenario.meta.id}`);
      const values: unknown[] = [];
      for (const x of items) values.push(await fn(x));
      result = [job, index, true, values, lab.pid];
    } catch (e) {
      result = [job, index, false, (e as Error).message, lab.pid];
    }
    await out.put(result);
  }
}
