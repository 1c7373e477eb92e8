import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const queueObjectMeta = defineMeta({
  id: 'queue-object',
  title: 'An object of your own class through a queue',
  seed: '001 (the first queue example)',
  concepts: ['queue', 'pickling', 'classes by name', 'current process name', 'close and join_thread'],
  flagship: false,
  topic: 'messages',
  params: [],
  programs: ['main', 'worker'],
  explanation: explain(
    'The parent makes a queue and starts one worker, which waits in get(). Then the parent puts an ' +
    'Errand on the queue: an object of a small class of the program\'s own, holding one field, the name ' +
    'of the client. The worker takes it and calls its method, and the method asks for the name of the ' +
    'process it runs in: the line names Process-1, the worker, not MainProcess, because the method runs ' +
    'wherever the object now is. What crossed over was not the parent\'s object but a description of ' +
    'it. Python pickles what goes on a queue: the class by its name, the object by its fields. The ' +
    'receiving process looks the class up by that name in its own copy of the program and builds a new ' +
    'object from the fields. The lab does the same for the classes a scenario lists: the name and the ' +
    'fields travel, and the worker, which loaded the same program, rebuilds an Errand. Code never ' +
    'travels, only names: a lambda has no name to be found by on the other side, so it cannot be ' +
    'pickled, and the lab refuses one at the put ("a function cannot travel between processes"). ' +
    '(Python\'s queue pickles in a background thread of the sender, so there the error comes out as a ' +
    'traceback printed by that thread and the item is simply never delivered.) After the put the parent ' +
    'closes its side of the queue, promising to put nothing more, waits with join_thread() until what it ' +
    'put has been handed over, and joins the worker. Once closed, the queue refuses this process: a ' +
    'put or a get raises ValueError (the parent tries one put to show it), and join_thread() before ' +
    'close() is an error too.'),
  watch: [
    'the put carries the class\'s name and the fields, not the object itself: look at the put and the get in the event log',
    'the printed line comes from the worker\'s process, and names it',
    'close() and join_thread() in the parent\'s lane, before its join of the worker',
  ],
  predict: { question: 'The errand\'s method prints the name of the process it runs in: which name will it print?', answerKey: 'methodRanIn' },
  pitfalls: [
    'only data travels: the receiver must know the class by the same name, and a lambda cannot be sent at all',
    'the object the worker gets is a copy: changing it there changes nothing in the parent',
    'after close(), this process can no longer put or get on that queue',
  ],
});
