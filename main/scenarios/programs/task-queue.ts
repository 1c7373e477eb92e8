// task-queue: workers take tasks from a JoinableQueue and put answers on a result Queue;
// one poison pill per worker ends them; the parent join()s the task queue, then reads answers.
import { taskQueueMeta } from '../../../shared/scenarios/task-queue';
import type { Answer, Task } from '../../../shared/scenarios/data/task-queue';
import type { JoinableQueue, Queue } from '../../worker/handles';
import { definePrograms } from './program';

export const taskQueuePrograms = definePrograms(taskQueueMeta, {
  main: async (lab) => {
    const { tasks: numJobs, consumers: numConsumers } = lab.params;
    const tasks = lab.joinableQueue({ name: 'tasks' });
    const results = lab.queue({ name: 'results' });
    lab.print(`Creating ${numConsumers} consumers`);
    // The seed's workers are a Process subclass, Consumer: Python names them Consumer-1, Consumer-2, ...
    for (let i = 0; i < numConsumers; i++) await lab.spawn('consumer', [tasks, results], { cls: 'Consumer' });
    for (let i = 0; i < numJobs; i++) await tasks.put({ a: i, b: i } satisfies Task);
    for (let i = 0; i < numConsumers; i++) await tasks.put(null); // a poison pill per consumer
    await tasks.join(); // every task and every pill marked done
    for (let left = numJobs; left > 0; left--) {
      const r = await results.get<Answer>();
      lab.print(`Result: ${r.a} * ${r.b} = ${r.product}`);
    }
  },
  consumer: async (lab, tasks: JoinableQueue, results: Queue) => {
    for (;;) {
      const next = await tasks.get<Task | null>();
      if (next === null) {
        lab.print(`${lab.name}: Exiting`);
        await tasks.taskDone(); // the pill counts as a task too
        return;
      }
      lab.print(`${lab.name}: ${next.a} * ${next.b}`);
      await lab.sleep(0.1); // pretend the work takes time
      const answer: Answer = { ...next, product: next.a * next.b };
      await tasks.taskDone();
      await results.put(answer);
    }
  },
});
