import { defineMeta } from '../scenario-meta';
import { START_METHOD_PARAM, explain } from './common';

export const poolMapMeta = defineMeta({
  id: 'pool-map',
  title: 'A pool of workers maps a function over a list',
  seed: '001 (Pool)',
  concepts: ['process pool', 'map', 'initializer', 'chunks', 'maxtasksperchild'],
  flagship: false,
  topic: 'pools',
  params: [
    { name: 'inputs', type: 'int', default: 10, min: 1, max: 100, description: 'how many inputs (0 .. inputs-1) are mapped' },
    { name: 'poolSize', type: 'int', default: 'cpu2', min: 1, max: 32, description: 'worker processes in the pool (default: twice the core count)' },
    { name: 'maxTasksPerChild', type: 'int', default: 0, min: 0, max: 20, description: 'tasks a worker runs before it retires and is replaced (0 = no limit)' },
    START_METHOD_PARAM,
  ],
  programs: ['main'],
  explanation: explain(
    'The parent first calls Python\'s built-in map(): it computes nothing yet (it is lazy), so ' +
    'printing it shows the map object itself, "<map object at 0x...>", not a list. ' +
    'A pool starts a fixed number of worker processes once and keeps them busy. map() applies one ' +
    'function (here: double the number) to every input, hands the work out to whichever worker is ' +
    'free, and gives back the results in the order of the inputs, whatever order the workers ' +
    'finished in. Each worker runs an initializer when it starts, which prints "Starting" and the ' +
    'worker\'s name: Python names them after their class, ForkPoolWorker-1, -2, ... under the fork ' +
    'start method (Linux) and SpawnPoolWorker-1, ... under spawn (macOS, Windows). The work does ' +
    'not travel one input at a time: like Python, map() cuts the list into chunks (about four per worker) and a task is one chunk. With maxTasksPerChild=k a worker ' +
    'leaves after k tasks and the pool starts a fresh one in its place, the way long-running ' +
    'programs keep a leaking worker from growing for ever. The pool replaces a retiring worker even ' +
    'when the work is nearly done, so more workers can start than there is work for.'),
  watch: [
    'the "Starting" lines: one per worker process, before that worker\'s first task',
    'which worker ran which inputs: it changes from run to run, the output order never does',
    'with maxTasksPerChild, workers exit after k tasks and new ForkPoolWorker names appear',
  ],
  predict: { question: 'How many worker processes will the pool start in all? Try maxTasksPerChild=2 too.', answerKey: 'workersStarted' },
  pitfalls: [
    'maxTasksPerChild replaces workers: each replacement is a new process with a new pid that runs the initializer again',
    'a task is a chunk of inputs, not one input: with large lists, maxTasksPerChild counts chunks',
  ],
});
