// task-queue's checks (programs: main/scenarios/programs/task-queue.ts): exact results, one pill
// per consumer, and join() returning only after every task_done().
import { taskQueueMeta } from '../../../shared/scenarios/task-queue';
import type { Answer, Task } from '../../../shared/scenarios/data/task-queue';
import { takesFrom } from './queue-events';
import type { ProcessRecord } from '../../../shared/run-report';
import { completion, eachProcess, endingOf } from './judging';
import type { Checks } from './scenario';
import { errorOf } from '../../../shared/event-values';

export const taskQueue: Checks<typeof taskQueueMeta> = {
  meta: taskQueueMeta,
  check(run, params) {
    const end = endingOf(run);
    const n = params.tasks;
    const consumers = run.byProgram('consumer');
    const root = run.root();
    const parent = root?.pid;
    const everyone = [...(root ? [root] : []), ...consumers];
    const took = takesFrom(run, 'tasks');
    const whoRan: Record<number, number> = {};
    for (const t of took) if (t.value !== null) whoRan[(t.value as Task).a] = t.pid;
    const answers = takesFrom(run, 'results').filter((t) => t.pid === parent).map((t) => t.value as Answer);
    const byTask = [...answers].sort((x, y) => x.a - y.a);
    const exact = byTask.length === n && byTask.every((r, i) => r.a === i && r.b === i && r.product === i * i);
    const pills: Record<string, number> = {};
    const pillsOf = (c: ProcessRecord) => took.filter((t) => t.pid === c.pid && t.value === null);
    for (const c of consumers) pills[c.name] = pillsOf(c).length;
    const dones = run.ops('tasks', 'task_done').filter((e) => !errorOf(e));
    const joinEnd = run.ops('tasks', 'join').find((e) => e.pid === parent && e.ph !== 'B');
    const before = joinEnd ? dones.filter((e) => e.seq < joinEnd.seq).length : 0;
    const want = n + consumers.length;
    const exitDesc = 'each consumer exits once, with code 0, after taking its own pill';
    const exitAfterPill = consumers.length !== params.consumers
      ? completion(end, 'exit-after-pill', exitDesc, false, `${consumers.length} of ${params.consumers} consumers started`,
        { point: 'before every consumer had started', involved: everyone })
      : eachProcess(end, 'exit-after-pill', exitDesc, consumers, (c) => {
        const mine = pillsOf(c);
        const exited = run.life(c.pid, 'exited');
        return mine.length !== 1 || c.exitCode !== 0 || !exited || exited.seq < mine[0].seq ? `${mine.length} pills, exit ${c.signal ?? c.exitCode}` : null;
      }, `${consumers.length} consumers, one pill each, all exited 0 after it`, { point: 'before every consumer had taken its pill and exited' });
    return {
      invariants: [
        completion(end, 'results-exact', `the results are exactly {i*i} for i in 0..${n - 1}`, exact,
          `${answers.length} results, in arrival order: ${answers.map((r) => r.product).join(', ')}`,
          { reached: answers.length === n, point: `before the parent read all ${n} results`, involved: everyone }),
        exitAfterPill,
        completion(end, 'join-after-task-done', 'join() returned only after every task_done()', !!joinEnd && before === want && dones.length === want && joinEnd.state?.unfinished === 0,
          joinEnd ? `${before} of ${dones.length} task_done() calls came before join() returned (${n} tasks + ${consumers.length} pills)` : 'join() never returned',
          { reached: !!joinEnd, point: 'before the parent\'s join() returned', involved: everyone }),
      ],
      result: { results: answers.map((r) => r.product), whoRan, pills, taskDoneBeforeJoin: joinEnd ? before : null },
    };
  },
};
