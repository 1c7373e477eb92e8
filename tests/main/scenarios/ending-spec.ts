// For the tests of runs that ended otherwise: each scenario's invariants sorted into safety
// properties (judged on what happened, "so far" when the run was cut short) and completion
// properties (not judged until the run gets to what they talk about). Written out here, not
// read from the code, so a check that changes kind fails the tests.

export interface EndingSpec {
  id: string;
  /** Quick parameters for a complete run. */
  fast: Record<string, unknown>;
  /** Parameters under which a run cannot end within a fraction of a second (null: nothing
   *  in the scenario waits on time, so a wall-clock limit cannot be sure to cut it short). */
  slow: Record<string, unknown> | null;
  safety: string[];
  completion: string[];
  /** Completion properties whose point can come early in a run (so may be judged in a cut run). */
  early?: string[];
  /** A program whose process, killed from outside, leaves `perProcess` not judged. */
  victim: string;
  perProcess: string[];
}

export const ENDING_SPECS: EndingSpec[] = [
  { id: 'fork-loop', fast: { timeUnitMs: 5 }, slow: { timeUnitMs: 2000 },
    safety: ['total-within-cap', 'child-line-after-creation', 'children-parent'],
    completion: ['parent-counter-unchanged', 'children-count', 'children-exit-0'], victim: 'child', perProcess: ['children-exit-0'] },
  { id: 'semaphore-pool', fast: { jobs: 5, timeUnitMs: 5 }, slow: { holdMaxUnits: 10, timeUnitMs: 2000 },
    safety: ['active-within-slots'], completion: ['each-job-once'], victim: 'job', perProcess: [] },
  { id: 'manager-namespace', fast: {}, slow: null,
    safety: [], completion: ['after-read', 'after-read-follows-set', 'before-read-shown'], early: ['before-read-shown'], victim: 'producer', perProcess: [] },
  { id: 'producer-consumer', fast: { timeUnitMs: 2 }, slow: { timeUnitMs: 2000 },
    safety: ['no-name-twice', 'none-before-put', 'one-console-holder'], completion: ['all-put', 'lost-listed', 'daemons-ended'],
    victim: 'consumer', perProcess: ['daemons-ended'] },
  { id: 'task-queue', fast: { tasks: 6, consumers: 2, timeUnitMs: 5 }, slow: { tasks: 10, consumers: 2, timeUnitMs: 2000 },
    safety: [], completion: ['results-exact', 'exit-after-pill', 'join-after-task-done'], victim: 'consumer', perProcess: ['exit-after-pill'] },
  { id: 'event-signal', fast: { timeUnitMs: 20 }, slow: { timeUnitMs: 2000 },
    safety: [], completion: ['timed-wait', 'untimed-wait-after-set'], victim: 'waitForEvent', perProcess: [] },
  { id: 'lock', fast: { timeUnitMs: 5 }, slow: { timeUnitMs: 2000 },
    safety: ['writes-under-lock', 'no-line-interleaved'], completion: ['every-piece-written', 'console-shown'], victim: 'worker', perProcess: [] },
  { id: 'whoami', fast: { children: 3 }, slow: null,
    safety: ['prints-under-lock'], completion: ['children-exit-0', 'order-shown', 'joined-child-first', 'parent-waits-for-children'],
    early: ['joined-child-first'], victim: 'whoami', perProcess: ['children-exit-0'] },
  { id: 'condition', fast: { timeUnitMs: 50 }, slow: { timeUnitMs: 2000 },
    safety: ['running-after-notify'], completion: ['all-stage2-woke'], victim: 'stage2', perProcess: [] },
  { id: 'manager-dict', fast: { workers: 4 }, slow: null,
    safety: [], completion: ['final-dict', 'one-write-per-worker'], victim: 'worker', perProcess: [] },
  { id: 'pool-map', fast: { poolSize: 2, inputs: 6 }, slow: null,
    safety: ['initializer-first'], completion: ['output-in-order', 'each-chunk-once', 'fixed-workers'], victim: '$pool-worker', perProcess: [] },
  { id: 'pipe', fast: {}, slow: null,
    safety: [], completion: ['parent-gets-what-was-sent', 'talker-gets-reply', 'eof-after-close'], early: ['eof-after-close'], victim: 'talker', perProcess: [] },
  { id: 'shared-memory', fast: { procs: 2 }, slow: null,
    safety: ['children-see-updates'], completion: ['array-final', 'value-final', 'lost-updates-explained', 'globals-not-shared'], victim: 'updater', perProcess: [] },
  { id: 'queue-polling', fast: { counters: 2, steps: 2, timeUnitMs: 10 }, slow: { timeUnitMs: 2000 },
    safety: [], completion: ['post-count', 'states-rise', 'exit-0'], victim: 'counter', perProcess: ['exit-0'] },
  { id: 'queue-object', fast: {}, slow: null,
    safety: [], completion: ['arrives-as-class', 'method-runs-in-worker', 'close-then-join-thread', 'put-after-close-refused', 'worker-exit-0'],
    early: ['arrives-as-class', 'method-runs-in-worker'], victim: 'worker', perProcess: ['worker-exit-0'] },
  { id: 'end-signal', fast: { variant: 'none-per-consumer', timeUnitMs: 5 }, slow: { variant: 'none-per-consumer', timeUnitMs: 2000 },
    safety: ['no-dish-twice', 'eaten-after-cooked', 'none-after-joins'], completion: ['each-eaten-once', 'main-line-after-joins', 'one-none-each', 'left-after-none'],
    victim: 'consumer', perProcess: ['left-after-none'] },
];
