import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const managerNamespaceMeta = defineMeta({
  id: 'manager-namespace',
  title: 'A shared namespace and its copies',
  seed: '001 (Namespace)',
  concepts: ['manager', 'namespace', 'event', 'copy semantics'],
  flagship: true,
  topic: 'shared-state',
  params: [
    { name: 'variant', type: 'enum', default: 'value', values: ['value', 'mutable-gotcha', 'mutable-fixed'], description: 'which version of the example runs' },
  ],
  programs: ['main', 'producer', 'consumer'],
  explanation: explain(
    'A manager holds a namespace: named values that several processes can read and set (in Python ' +
    'the manager is a server process of its own; in the lab the kernel plays that part). ' +
    'A producer stores a value there and then sets an event; a consumer reads the value once before ' +
    'waiting for the event and once after. The first read may come too early and find nothing, ' +
    'depending on which process got there first. Every read hands the reader a copy of the value, ' +
    'not the value itself. So when the producer reads a list out of the namespace and appends to it ' +
    '(mutable-gotcha), it changes only its own copy and the consumer still sees an empty list. ' +
    'Assigning the changed list back to the namespace (mutable-fixed) is what shares the change.'),
  watch: [
    'the consumer\'s first read: an error or a value, whichever happened first in this run',
    'the read after the event always sees what the producer stored',
    'in mutable-gotcha, the list stays empty for the consumer',
  ],
  predict: { question: 'What will the consumer read after the event, in this variant?', answerKey: 'after' },
  pitfalls: [
    'changing a list read from a namespace changes a private copy: assign it back',
    'reading before the event is a race: its outcome depends on timing',
  ],
});
