import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const conditionMeta = defineMeta({
  id: 'condition',
  title: 'A condition holds stage 2 back until stage 1 is done',
  seed: '001 (Condition)',
  concepts: ['condition', 'wait', 'notify_all', 'ordering work between processes'],
  flagship: false,
  topic: 'synchronization',
  params: [
    { name: 'stage2Workers', type: 'int', default: 2, min: 1, max: 10, description: 'how many stage-2 processes wait for stage 1' },
  ],
  programs: ['main', 'stage1', 'stage2'],
  explanation: explain(
    'A condition is a lock with a waiting room. A process that holds the lock can call wait(): it gives ' +
    'the lock up and sleeps until another process, holding the same lock, calls notify() (wake one) or ' +
    'notifyAll() (wake everyone waiting). A woken process takes the lock back before its wait() returns. ' +
    'Here the stage-2 processes start first, one time unit apart, and each goes straight into wait(). ' +
    'Only then does the stage-1 process start; it announces it is done and calls notifyAll(). So the ' +
    'stage-2 processes do their part in parallel with each other, but never before stage 1 has ' +
    'finished. Since each woken process must take the lock back, they print "running" one after ' +
    'another, in the order they started waiting.'),
  watch: [
    'the stage-2 waits begin blocked (B) on the condition and stay blocked while stage 1 starts',
    'the notify_all event, then each waiter re-acquiring the condition\'s lock in turn',
    'no stage-2 "running" line before stage 1\'s "done" line',
  ],
  predict: { question: 'How many stage-2 processes will print "running" before stage 1 calls notify_all?', answerKey: 'runningBeforeNotify' },
  pitfalls: [
    'a notification wakes only the processes already waiting: one that starts waiting afterwards sleeps for ever',
    'wait() and notify() must be called while holding the condition\'s lock',
  ],
});
