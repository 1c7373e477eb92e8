// probe's metadata: small programs that exercise one primitive each, for the tests. The host
// reads it (the `case` values, the program names for the kernel) and so do the programs
// (programs/probe.ts), whose cases and helpers the compiler checks against these lists.
import { defineMeta } from '../../../shared/scenario-meta';

/** The selectable probes: each is one parent program (programs/probes/*.ts). */
const CASES = [
  // queues
  'queue-fifo', 'queue-timeouts', 'queue-bounded', 'travel', 'joinable',
  // locks
  'lock-fifo', 'lock-timeout', 'lock-orphaned', 'semaphore-bound', 'condition', 'deadlock',
  // signals
  'event', 'pipe', 'pipe-held', 'manager', 'value-race',
  // processes
  'daemon', 'exit-codes', 'pool', 'victim', 'missing-wakeup', 'bad-messages', 'many',
  // limits
  'limit-item-bytes', 'limit-message-bytes', 'limit-calls-per-message', 'limit-nesting', 'limit-print',
  'limit-held-bytes', 'limit-held-items', 'limit-objects', 'limit-result', 'limit-protocol', 'limit-refusals',
  'limit-heap', 'limit-processes', 'timeout-over-max', 'sleep-over-max', 'timeout-at-max', 'ignores-sigterm',
] as const;

export const probeMeta = defineMeta({
  id: 'probe', title: 'Primitive probes (self-test)', seed: 'none', concepts: [], flagship: false, topic: 'processes', internal: true,
  params: [{ name: 'case', type: 'enum', default: 'queue-fifo', values: CASES, description: 'which probe runs' }],
  // The probes' child programs.
  programs: [
    'main',
    'getter', 'slowConsumer', 'taskWorker',
    'locker', 'holder', 'slot', 'condWaiter', 'twoLocks',
    'eventWaiter', 'pipeTalker', 'dictSetter', 'incrementer',
    'forever', 'briefly', 'exitWith', 'throws', 'blockedGetter', 'eventWaiterForever',
    'sleeper', 'overItem', 'overMessage', 'overCalls', 'overNesting', 'overPrint', 'overHeldBytes', 'overHeldItems',
    'overObjects', 'overResult', 'badAck', 'keepsFlooding', 'eatsMemory', 'deaf',
  ],
  explanation: 'Self-test programs for the kernel\'s primitives.', watch: [], pitfalls: [],
});
