import { defineMeta } from '../scenario-meta';
import { START_METHODS_TEXT, START_METHOD_PARAM, explain } from './common';

export const forkLoopMeta = defineMeta({
  id: 'fork-loop',
  title: 'Forking in a loop',
  seed: '000/002 (basic forking)',
  concepts: ['process creation', 'parent and child', 'pid', 'copied memory', 'start method', 'runaway forking'],
  flagship: true,
  topic: 'processes',
  params: [
    { name: 'iterations', type: 'int', default: 4, min: 1, max: 20, description: 'how many times the parent goes round its loop' },
    { name: 'intervalUnits', type: 'int', default: 1, min: 0, max: 10, description: 'pause between two rounds, in time units' },
    { name: 'childExits', type: 'bool', default: true, description: 'whether each child leaves at once (false shows the runaway bug)' },
    { name: 'maxProcesses', type: 'int', default: 32, min: 2, max: 256, description: 'cap on the number of processes of the run' },
    START_METHOD_PARAM,
  ],
  programs: ['main', 'child'],
  explanation: explain(
    'A parent process goes round a loop and, each time, makes a new process: its child. Both print ' +
    'their process ids, so you can see that each child is a separate program with an id of its own, ' +
    'and whose parent it is. The parent also counts the children it has made, in a global variable. ' +
    START_METHODS_TEXT + ' (The seed calls os.fork(), which always forks; for spawn, a ' +
    'Python program would start each child as a multiprocessing.Process.) Under fork each child starts with a copy of the counter as it was at that ' +
    'moment (0 in the first child, 1 in the second, ...); under spawn every child starts with 0. ' +
    'Either way the copy is the child\'s own: whatever a child does with it, the parent\'s counter ' +
    'counts only the parent\'s own children, because the two processes do not share memory. In the ' +
    'lab no process can be cloned in place the way the operating system\'s fork() clones a running ' +
    'program, so each child is started fresh and handed what fork would have copied (under fork the ' +
    'counter, and under both its place in the loop); what it then does matches a forked child. With ' +
    'childExits=false each child forgets to leave and falls back into the loop, making children of ' +
    'its own: the number of processes doubles each round. maxProcesses stops such a runaway before ' +
    'it floods the machine.'),
  watch: [
    'the parent\'s pid stays the same while each child gets a new one',
    'a child\'s line can only appear after the parent created it',
    'each child\'s copy of the counter: the parent\'s count at that moment under fork, 0 under spawn',
    'the parent\'s counter at the end: its own children only, whatever the children did with their copies',
    'with childExits=false, the process tree grows grandchildren',
  ],
  predict: { question: 'How many processes will this run have in all, the parent included? Try it with childExits=false too.', answerKey: 'totalProcesses' },
  pitfalls: [
    'a child that does not exit runs the rest of the parent\'s loop and forks too',
    'a child\'s changes to its copy of a variable are never seen by the parent',
  ],
});
