import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const semaphorePoolMeta = defineMeta({
  id: 'semaphore-pool',
  title: 'A semaphore limits the active jobs',
  seed: '001 (Semaphore)',
  concepts: ['semaphore', 'bounded concurrency', 'manager list', 'lock'],
  flagship: true,
  topic: 'synchronization',
  params: [
    { name: 'jobs', type: 'int', default: 10, min: 1, max: 40, description: 'how many job processes start' },
    { name: 'slots', type: 'int', default: 3, min: 1, max: 10, description: 'the semaphore\'s starting value: jobs allowed at once' },
    { name: 'holdMaxUnits', type: 'int', default: 1, min: 0, max: 10, description: 'longest time a job stays active, in time units' },
  ],
  programs: ['main', 'job'],
  explanation: explain(
    'All the jobs start at once, but a semaphore with a few slots lets only that many be active ' +
    'together, like a pool of connections or download slots. A job takes a slot, writes its name into ' +
    'a shared list kept by a manager (in the lab, the kernel plays the manager\'s server process), stays busy for a random moment, takes its name out and ' +
    'gives the slot back. The others wait their turn in the order they asked. The parent keeps ' +
    'checking who is still alive and prints the shared list, so you see it never grows past the ' +
    'number of slots.'),
  watch: [
    'the semaphore\'s value drops to 0 and the waiters line up behind it',
    'the active list never holds more names than there are slots',
    'every job is activated exactly once',
  ],
  predict: { question: 'What is the largest number of jobs that will ever be active at the same time?', answerKey: 'maxActive' },
  pitfalls: [
    'a job that forgets to release its slot shrinks the pool for everyone after it',
    'the list changes between two prints: what the parent prints is a snapshot',
  ],
});
