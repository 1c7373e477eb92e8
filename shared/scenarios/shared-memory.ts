import { defineMeta } from '../scenario-meta';
import { START_METHODS_TEXT, START_METHOD_PARAM, explain } from './common';

export const sharedMemoryMeta = defineMeta({
  id: 'shared-memory',
  title: 'Shared Value and Array versus plain globals',
  seed: '003 (multi3)',
  concepts: ['shared memory', 'Value', 'Array', 'globals', 'start method', 'race condition', 'lock'],
  flagship: false,
  topic: 'shared-state',
  params: [
    { name: 'procs', type: 'int', default: 3, min: 1, max: 8, description: 'children per loop, and slots in the Array' },
    { name: 'raceIncrements', type: 'int', default: 0, min: 0, max: 1000, description: 'extra read-modify-write increments of the Value by each updater child' },
    { name: 'useLock', type: 'bool', default: false, description: 'whether the extra increments hold the Value\'s lock' },
    START_METHOD_PARAM,
  ],
  programs: ['main', 'showdata', 'updater'],
  explanation: explain(
    'The parent makes a shared Value (one number) and a shared Array (one slot per child), and it ' +
    'also has a plain global counter. It passes the shared objects to its children in four loops: ' +
    'first it changes them itself and starts children that only print what they see, one at a time ' +
    'and then all together; then children do the changing, one at a time and then all together. ' +
    'Every process sees every change made to the Value and the Array, so the run ends with the ' +
    'Value at 12 and every slot at 8.0 (with 3 children). The global counter is different: each ' +
    'process has its own. ' + START_METHODS_TEXT + ' Under fork a child starts with a copy of the ' +
    'parent\'s counter as it is when the child starts: loop 1\'s children show 1, 2, 3 and loop 2\'s ' +
    '4, 5, 6. Under spawn every child starts with the counter at 0. Either way the parent\'s counter ' +
    'climbs to 6 (one per child of loops 1 and 2) and no child\'s own += 1 ever reaches it, nor does ' +
    'a child see the parent\'s later changes. Adding one to a shared number is two steps, a read and ' +
    'then a write; the lab\'s loops hold the object\'s lock around their own += 1 (the seed relies on ' +
    'luck there), so the totals above always come out. With raceIncrements each updater adds one ' +
    'many more times; children running together can read the same old value and both write it back ' +
    'plus one, so one of the two increments is lost. Holding the Value\'s lock around each read and ' +
    'write (useLock) makes every increment count.'),
  watch: [
    'the "global" column: under fork each child shows the parent\'s count as it started; under spawn 0; the parent\'s climbs either way',
    'loop2: children started together may see the parent\'s later updates too',
    'with raceIncrements and no lock: the Value ends below the expected total',
  ],
  predict: { question: 'What final value will the shared Value have? Run it with raceIncrements=100, without the lock and then with useLock=true.', answerKey: 'value' },
  pitfalls: [
    'an unlocked read-modify-write (value = value + 1) from several processes loses updates',
    'a plain global is per process: changes to it are never shared, whatever the children do',
  ],
});
