// The program every Pool worker runs: initializer once, then chunks until a pill arrives
// or maxTasksPerChild chunks are done (then it exits and the pool replaces it).
import type { ScenarioPrograms } from '../scenarios/programs/program';
import type { Queue } from './handles';
import type { Lab } from './lab';
import { TASK_ROOM } from './pool';
import type { PoolResult, PoolTask } from '../protocol/pool-protocol';
import { measureJson } from '../protocol/json-size';

export async function poolWorker(scenario: ScenarioPrograms, lab: Lab, tasks: Queue, out: Queue, initializer: string | null, maxTasks: number): Promise<void> {
  const fns = scenario.functions;
  if (initializer) {
    const init = fns[initializer];
    if (!init) throw new Error(`no function ${initializer} in scenario ${scenario.id}`);
    await init(lab);
  }
  for (let done = 0; maxTasks === 0 || done < maxTasks; done++) {
    const task = await tasks.get<PoolTask>();
    if (task === null) return;
    const [job, index, fnName, items] = task;
    const fn = fns[fnName];
    let result: PoolResult;
    try {
      if (!fn) throw new Error(`no function ${fnName} in scenario ${scenario.id}`);
      const values: unknown[] = [];
      for (const x of items) values.push(await fn(x));
      result = [job, index, true, values, lab.pid];
    } catch (e) {
      result = [job, index, false, (e as Error).message, lab.pid];
    }
    try {
      for (const r of inParts(result)) await out.put(r);
    } catch (e) {
      // A single result that cannot travel (a cap): the caller's map() raises this instead.
      await out.put([job, index, false, `${(e as Error).name}: the results of task ${index} cannot be sent back: ${(e as Error).message}`, lab.pid]);
    }
  }
}

/** A result as one put, or, when its values would not travel as one item, in parts that do. */
function inParts(r: PoolResult): PoolResult[] {
  const [job, index, ok, values, pid] = r;
  if (!ok || !Array.isArray(values) || measureJson(values, TASK_ROOM, Infinity, true).bytes <= TASK_ROOM) return [r];
  const pieces: unknown[][] = [];
  const split = (v: unknown[]): void => {
    if (v.length > 1 && measureJson(v, TASK_ROOM, Infinity, true).bytes > TASK_ROOM) {
      const half = Math.ceil(v.length / 2);
      split(v.slice(0, half));
      split(v.slice(half));
    } else pieces.push(v);
  };
  split(values);
  return pieces.map((v, part) => [job, index, true, v, pid, part, pieces.length]);
}
