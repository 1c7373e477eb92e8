// The event vocabulary shared by the kernel, the store, the reports and the renderer.
// Every operation on a shared object, every printed line and every process lifecycle
// step becomes one LabEvent. Times are microseconds since the run started (monotonic).

export type ObjectKind =
  | 'Queue' | 'JoinableQueue' | 'Lock' | 'Semaphore' | 'Event' | 'Condition'
  | 'ManagerList' | 'ManagerDict' | 'Namespace' | 'Value' | 'Array' | 'Pipe' | 'Process';

/** The state of an object right after an operation, for charts and reports. */
export interface ObjectState {
  size?: number;          // queue size, list/dict length, pipe buffered messages
  unfinished?: number;    // JoinableQueue tasks not yet task_done()
  value?: number;         // semaphore value
  owner?: number | null;  // lock owner pid
  flag?: boolean;         // event flag
  waiters?: number;       // processes blocked on this object
}

/**
 * ph: 'B' an operation began and blocked, 'E' a blocked operation ended,
 * 'X' an operation began and ended at once, 'I' an instant (print, lifecycle, error).
 */
export type Phase = 'B' | 'E' | 'X' | 'I';

export type LifecycleStep = 'created' | 'started' | 'exited';

/**
 * How a process ended, as the kernel knows it (carried by the 'exited' event):
 * - returned: its program returned; exit: it called exit(n); raised: its program raised an error;
 * - daemon: the lab terminated it because its parent exited (Python's daemon rule);
 * - terminated: its parent called terminate();
 * - stopped: the run ended first (stop, time limit, hang, process cap) and the lab ended it;
 * - cap: it went over one of the lab's limits and the lab ended it;
 * - crashed: it died on its own, or was killed from outside the lab.
 */
export type ExitHow = 'returned' | 'exit' | 'raised' | 'daemon' | 'terminated' | 'stopped' | 'cap' | 'crashed';

export interface LabEvent {
  seq: number;
  t: number;              // µs since run start
  pid: number;            // the process that acted (0 for the kernel itself)
  ph: Phase;
  kind: 'op' | 'print' | 'life' | 'error' | 'note';
  obj?: string;           // object id, e.g. "q1"
  op?: string;            // operation name, e.g. "put"
  arg?: string;           // short summary of the arguments
  res?: string;           // short summary of the result
  state?: ObjectState;
  text?: string;          // printed line, error or note text
  life?: LifecycleStep;
  exitCode?: number | null;
  signal?: string | null;
  how?: ExitHow;          // on 'exited'
}

export type ProcessStateName = 'starting' | 'running' | 'blocked' | 'sleeping' | 'exited';
