import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const managerDictMeta = defineMeta({
  id: 'manager-dict',
  title: 'Many processes fill one shared dict',
  seed: '001 (Manager dict)',
  concepts: ['manager', 'shared dict', 'proxy', 'join'],
  flagship: false,
  topic: 'shared-state',
  params: [
    { name: 'workers', type: 'int', default: 10, min: 1, max: 40, description: 'how many worker processes each write one key' },
  ],
  programs: ['main', 'worker'],
  explanation: explain(
    'A manager keeps one dictionary for everybody (in Python the manager is a server process of its ' +
    'own; in the lab the kernel plays that part). The parent hands each worker a proxy to it, and ' +
    'worker i stores i * 2 under key i. Every write travels to the manager, so when the parent has ' +
    'joined all the workers and prints the dict, it finds every key that any of them wrote. A plain ' +
    'object handed to a child would have been a private copy, and the parent would never see the ' +
    'child\'s changes. The workers run side by side, so the order in which their keys arrive changes ' +
    'from run to run: the dict keeps the keys in the order they were written, and the printed line ' +
    'shows that order.'),
  watch: [
    'each worker makes one set() on the dict; the dict grows by one key each time',
    'the parent reads the dict only after its join() calls have returned',
    'the order of the keys in the printed dict: the order the writes arrived in this run',
  ],
  predict: { question: 'How many keys will the dict hold when the parent prints it? (Try more workers too.)', answerKey: 'keys' },
  pitfalls: [
    'reading the dict before joining the workers can show only part of it',
    'only the manager\'s dict is shared: a plain object passed to a child is a copy',
  ],
});
