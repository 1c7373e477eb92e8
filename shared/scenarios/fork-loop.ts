import { defineMeta } from '../scenario-meta';

export const forkLoopMeta = defineMeta({
  id: 'fork-loop',
  title: 'Forking in a loop',
  seed: '000/002 (basic forking)',
  concepts: ['process creation', 'parent and child', 'pid', 'copied memory', 'runaway forking'],
  flagship: true,
  topic: 'processes',
  params: [
    { name: 'iterations', type: 'int', default: 4, min: 1, max: 20, description: 'how many times the parent goes round its loop' },
    { name: 'intervalUnits', type: 'int', default: 1, min: 0, max: 10, description: 'pause between two rounds, in time units' },
    { name: 'childExits', type: 'bool', default: true, description: 'whether each child leaves at once (false shows the runaway bug)' },
    { name: 'maxProcesses', type: 'int', default: 32, min: 2, max: 256, description: 'cap on the number of processes of the run' },
  ],
  programs: ['main', 'child'],
  explanation:
    'A parent process goes round a loop and, each time, makes a new process: its child. Both print ' +
    'their process ids, so you can see that each child is a separate program with an id of its own, ' +
    'and whose parent it is. Each child starts with a copy of the parent\'s variables: here a counter. ' +
    'The child may change its copy, but the parent\'s counter never moves, because the two processes ' +
    'do not share memory. In the lab no process can be cloned in place the way the operating system\'s ' +
    'fork() clones a running program, so each child is started fresh and handed a snapshot of the ' +
    'parent\'s variables (the counter and the loop position) at the moment it was created; what it ' +
    'then does matches a forked child. With childExits=false each child forgets to leave and falls ' +
    'back into the loop, making children of its own: the number of processes doubles each round. ' +
    'maxProcesses stops such a runaway before it floods the machine.',
  watch: [
    'the parent\'s pid stays the same while each child gets a new one',
    'a child\'s line can only appear after the parent created it',
    'the parent\'s counter before and after: untouched by the children',
    'with childExits=false, the process tree grows grandchildren',
  ],
  predict: { question: 'How many processes will this run have in all, the parent included? Try it with childExits=false too.', answerKey: 'totalProcesses' },
  pitfalls: [
    'a child that does not exit runs the rest of the parent\'s loop and forks too',
    'a child\'s changes to its copy of a variable are never seen by the parent',
  ],
});
