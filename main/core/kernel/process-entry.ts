// One row of the kernel's process table.
import type { ProcessStateName } from '../../../shared/events';
import type { Notice, Reply } from '../../protocol/worker-protocol';
import type { WorkerHandle } from '../process-port/process-port';
import type { Waiter } from './waiter';

export class ProcessEntry {
  state: ProcessStateName = 'running';
  readonly waiters = new Set<Waiter>();
  readonly children: number[] = [];
  exitCode: number | null = null;
  signal: string | null = null;
  endUs: number | null = null;
  /** Set when the kernel itself sent the signal (daemon cleanup, terminate(), stop). */
  killedByKernel = false;
  /** Replies and notices waiting for the next flush to this worker. */
  outbox: Reply[] = [];
  notices: Notice[] = [];
  /** Batches sent vs acknowledged: the worker may be running while they differ. */
  sentSeq = 0;
  ackedSeq = 0;
  spawnedCount = 0;
  /** Spawns this process asked for that have no pid yet. */
  pendingSpawns = 0;
  /** Set by the worker's first message: its program is running. */
  hasStarted = false;
  readonly startListeners: (() => void)[] = [];

  constructor(
    readonly pid: number,
    readonly name: string,
    readonly program: string,
    readonly parentPid: number | null,
    readonly daemon: boolean,
    readonly seed: number,
    readonly startUs: number,
    readonly worker: WorkerHandle,
  ) {}

  get alive(): boolean { return this.state !== 'exited'; }
  get busy(): boolean { return this.sentSeq !== this.ackedSeq; }
}
