import { defineMeta } from '../scenario-meta';
import { START_METHODS_TEXT, START_METHOD_PARAM, explain } from './common';

export const whoamiMeta = defineMeta({
  id: 'whoami',
  title: 'Who am I? A function called directly and in child processes',
  seed: '003 (multi1)',
  concepts: ['process creation', 'join', 'pid', 'print lock', 'parent exit', '__name__', 'start method'],
  flagship: false,
  topic: 'processes',
  params: [
    { name: 'children', type: 'int', default: 5, min: 1, max: 20, description: 'how many children the parent starts at the end without joining them' },
    START_METHOD_PARAM,
  ],
  programs: ['main', 'whoami'],
  explanation: explain(
    'One small function prints who runs it: a label, the name of the module it runs in (Python\'s ' +
    '__name__) and its pid. The parent first ' +
    'calls it directly, so the line shows the parent\'s own pid. Then it starts a child that runs the ' +
    'same function and joins it: the parent waits, so that child\'s line always comes next, with a new ' +
    'pid. Then the parent starts several more children in a row and does not join them; it goes straight ' +
    'on to print its "Main process exit." line. Those children run in parallel with the parent, so ' +
    'their lines can come before or after the parent\'s last line, in any order among themselves. ' +
    'Every print is made while holding one shared lock, so two lines never get mixed. Printing its ' +
    'last line does not mean the parent is gone: as in Python, a parent whose program has finished ' +
    'still waits for its non-daemon children to end before its own process exits. ' +
    START_METHODS_TEXT + ' Here it shows in the name column: __main__ everywhere under fork; under ' +
    'spawn __main__ only in the parent, __mp_main__ in every child. (A Python child started with spawn ' +
    'also takes longer to start, a fresh interpreter, so its line tends to come after the parent\'s ' +
    'last line; the lab\'s children start as fast either way.)'),
  watch: [
    'the direct call prints the parent\'s pid; each child prints its own',
    'the joined child\'s line always comes before anything after the join',
    'where the parent\'s exit line falls among the last children\'s lines, and how that changes from run to run',
    'the parent process exits only after its children have',
    'the name column: __main__ in the parent; in the children, __main__ under fork and __mp_main__ under spawn',
  ],
  predict: { question: 'How many of the children\'s lines will come after the parent\'s "Main process exit." line?', answerKey: 'linesAfterParentExit' },
  pitfalls: [
    'without join(), nothing orders the children\'s output against the parent\'s: do not rely on it',
    'the parent\'s last line is not the end of the program: it still waits for its non-daemon children',
  ],
});
