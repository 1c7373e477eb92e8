import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const taskQueueMeta = defineMeta({
  id: 'task-queue',
  title: 'Workers, a task queue and poison pills',
  seed: '001 (passing messages)',
  concepts: ['JoinableQueue', 'task_done and join', 'poison pill', 'result queue', 'worker processes'],
  flagship: false,
  topic: 'messages',
  params: [
    { name: 'tasks', type: 'int', default: 10, min: 1, max: 40, description: 'how many multiplication tasks the parent queues' },
    { name: 'consumers', type: 'int', default: 'cpu2', min: 1, max: 16, description: 'worker processes (default: twice the core count)' },
  ],
  programs: ['main', 'consumer'],
  explanation: explain(
    'The parent splits a job into small tasks (each multiplies a number by itself after a short pause) ' +
    'and puts them on a JoinableQueue that several worker processes share. Each worker takes the next ' +
    'task, does it, says it is done with task_done() and puts the answer on a second queue for the parent. ' +
    'After the real tasks the parent adds one poison pill (an empty task) per worker: a worker that takes ' +
    'one marks it done too and leaves its loop. The parent\'s join() on the task queue returns once every ' +
    'item put there, tasks and pills alike, has been marked done; only then does it read the answers. ' +
    'Which worker runs which task, and the order the answers arrive in, change from run to run.'),
  watch: [
    'the tasks go out in order, but the answers may come back in another order (result.results keeps the order they arrived in)',
    'the unfinished count of the task queue: join() returns when it reaches 0',
    'each worker prints "Exiting" after its pill and its process ends',
  ],
  predict: { question: 'How many task_done() calls must happen before the parent\'s join() returns?', answerKey: 'taskDoneBeforeJoin' },
  pitfalls: [
    'a pill must be marked done too, or join() waits for ever',
    'one pill per worker: too few leaves a worker blocked in get()',
  ],
});
