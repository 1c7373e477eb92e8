import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const lockMeta = defineMeta({
  id: 'lock',
  title: 'A lock keeps the console lines whole',
  seed: '001 (Lock), 003 (multi1)',
  concepts: ['lock', 'mutual exclusion', 'shared output', 'with-style acquire'],
  flagship: false,
  topic: 'synchronization',
  params: [
    { name: 'workers', type: 'int', default: 2, min: 1, max: 10, description: 'how many worker processes write to the console' },
    { name: 'useLock', type: 'bool', default: true, description: 'whether each worker holds the console lock while it writes its line' },
    { name: 'charsPerLine', type: 'int', default: 8, min: 1, max: 40, description: 'how many characters each worker writes, one at a time, to make its line' },
  ],
  programs: ['main', 'worker'],
  explanation: explain(
    'Several worker processes write to one console. The console stands for a shared output stream, ' +
    'such as the terminal all processes print to; here it is a list kept by the kernel, and every ' +
    'write adds one piece of text to it. Each worker writes its line one character at a time ' +
    '(worker A writes "AAAAAAAA", worker B "BBBBBBBB", ...) and pauses briefly between characters, as ' +
    'a real write can be split into several smaller writes. With useLock=true each worker takes the ' +
    'console lock first and gives it back once its line is finished, so the lines come out whole, one ' +
    'after another. Two ways of holding the lock are shown: some workers use the with-style helper, ' +
    'which gives the lock back by itself, the others call acquire() and release() inside try/finally, ' +
    'so the lock is given back even if the writing fails. With useLock=false nothing stops the workers ' +
    'from writing at the same time, and characters of different workers may end up mixed on the same line.'),
  watch: [
    'with the lock, the other workers wait (blocked on acquire) while one writes',
    'without the lock, the console lines as they came out: look for mixed letters',
    'the with-style workers and the acquire/finally workers end up doing the same thing',
  ],
  predict: { question: 'Will every worker\'s line come out whole on the console? Try it with useLock=false too.', answerKey: 'allLinesWhole' },
  pitfalls: [
    'writing to a shared stream without a lock lets pieces of different processes interleave',
    'a lock taken with acquire() must be released in a finally block, or an error leaves it held for ever',
  ],
});
