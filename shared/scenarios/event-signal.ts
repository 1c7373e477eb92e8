import { defineMeta } from '../scenario-meta';
import { explain } from './common';

export const eventSignalMeta = defineMeta({
  id: 'event-signal',
  title: 'Waiting for an event, with and without a timeout',
  seed: '001 (Event)',
  concepts: ['event', 'wait with timeout', 'signalling between processes'],
  flagship: false,
  topic: 'synchronization',
  params: [
    { name: 'timeoutUnits', type: 'int', default: 2, min: 0, max: 20, description: 'how long the second waiter waits before giving up, in time units' },
    { name: 'setAfterUnits', type: 'int', default: 3, min: 0, max: 20, description: 'how long the parent waits before setting the event, in time units' },
  ],
  programs: ['main', 'waitForEvent', 'waitForEventTimeout'],
  explanation: explain(
    'An event is a flag shared by processes: it starts unset, any process can set it, and any process ' +
    'can wait until it is set. Here two children wait on the same event. The one called "block" waits ' +
    'as long as it takes; the one called "nonblock" gives up after timeoutUnits. The parent sets the ' +
    'event after setAfterUnits. A wait that gives up does not raise an error: it simply returns, and ' +
    'the waiter has to look at the flag (the return value, or isSet()) to learn whether the event ' +
    'really happened. With the defaults the timed waiter gives up one unit before the parent sets the ' +
    'flag, so it sees "unset", while the patient waiter wakes right after the set and sees "set". ' +
    'Make timeoutUnits larger than setAfterUnits and the set arrives first, so both waiters see "set". ' +
    'The two times are measured from slightly different moments (the child starts its wait when it ' +
    'starts running, the parent starts counting once the children are launched), so when they are ' +
    'equal the outcome is a tie that either side can win.'),
  watch: [
    'the waits begin blocked (B) and end (E) in the kernel\'s event log: compare their times with the set',
    'the timed wait ends by itself, returning false, when its timeout is up',
    'the untimed wait ends only after the parent\'s set, returning true',
    'isSet() is asked a moment after wait() returns: in a near-tie the flag may already have changed',
  ],
  predict: { question: 'What will the waiter with the timeout see when its wait returns: "set" or "unset"? Try timeoutUnits larger than setAfterUnits too.', answerKey: 'timedWaiterSaw' },
  pitfalls: [
    'a timed wait that runs out returns quietly: check what it returned (or isSet()) before acting as if the event happened',
    'a wait with no timeout blocks for ever if nobody ever sets the event',
  ],
});
