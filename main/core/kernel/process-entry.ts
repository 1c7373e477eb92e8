// One row of the kernel's process table.
import type { ExitHow, ProcessStateName } from '../../../shared/events';
import { measureJson } from '../../protocol/json-size';
import type { Notice, Reply } from '../../protocol/worker-protocol';
import type { WorkerHandle } from '../process-port/process-port';
import type { Waiter } from './waiter';
import { RateBucket } from './limit-guard';

export type KillReason = 'daemon' | 'terminated' | 'stopped' | 'cap';

export class ProcessEntry {
  state: ProcessStateName = 'running';
  readonly waiters = new Set<Waiter>();
  readonly children: number[] = [];
  exitCode: number | null = null;
  signal: string | null = null;
  endUs: number | null = null;
  /** Why the kernel itself sent a signal (daemon cleanup, terminate(), the run's end, a cap). */
  killedBy: KillReason | null = null;
  /** How the worker said it is about to end (atexit or exit()), checked against its real exit. */
  announced: { code: number; how: 'returned' | 'raised' | 'exit' } | null = null;
  /** Its last call (atexit, exit()) is answered: once that answer is sent, its program has ended. */
  lastAnswered = false;
  /** Its exit was recorded when it was announced, before its process was gone (Kernel.exitAsAnnounced). */
  exitedOnAnnouncement = false;
  how: ExitHow | null = null;
  /** The seq of its 'created' event: the cause its parent's spawn() answers with. */
  createdSeq = 0;
  /** Python's process identity: its parent's, plus its number among the parent's children
   *  ([] for MainProcess). Default names come from it: Process-1, Process-1:2, ... */
  identity: number[] = [];
  /** Processes it has created so far (Python numbers every Process object a process makes). */
  childCounter = 0;
  /** Replies and notices waiting for the next flush to this worker. */
  outbox: Reply[] = [];
  notices: Notice[] = [];
  /** Messages that came once the kernel's turn was spent, handled first in a later turn (see Pacer). */
  deferred: unknown[] = [];
  /** Batches sent vs acknowledged: the worker may be running while they differ. */
  sentSeq = 0;
  ackedSeq = 0;
  spawnedCount = 0;
  /** Spawns this process asked for that have no pid yet. */
  pendingSpawns = 0;
  /** Set by the worker's first message: its program is running. */
  hasStarted = false;
  readonly startListeners: (() => void)[] = [];
  /** Operations this process may still do this second (MAX_EVENTS_PER_SECOND). */
  readonly rate: RateBucket;
  /** Operations of this process that a cap refused. */
  refusals = 0;
  /** Refusals that count towards ending it: made after it was told of an earlier one. */
  strikes = 0;
  /** The first batch that told it of a refusal (Infinity: none yet), and whether one is owed. */
  toldSeq = Infinity;
  owesRefusal = false;

  constructor(
    readonly pid: number,
    readonly name: string,
    readonly program: string,
    readonly parentPid: number | null,
    readonly daemon: boolean,
    readonly seed: number,
    readonly startUs: number,
    readonly worker: WorkerHandle,
  ) {
    this.rate = new RateBucket(startUs);
  }

  get alive(): boolean { return this.state !== 'exited'; }
  get killedByKernel(): boolean { return this.killedBy !== null; }

  /** Replies from the front of the outbox, up to about `budget` bytes of JSON (at least one). */
  takeBatch(budget: number): Reply[] {
    let i = 0;
    for (; i < this.outbox.length; i++) {
      const bytes = 16 + measureJson(this.outbox[i][2], budget).bytes;
      if (i > 0 && bytes > budget) break;
      budget -= bytes;
    }
    if (i === this.outbox.length) { const all = this.outbox; this.outbox = []; return all; }
    const out = this.outbox.slice(0, i);
    this.outbox = this.outbox.slice(i);
    return out;
  }

  /** Sends a signal on the kernel's behalf, remembering why (the first reason wins). */
  killFor(reason: KillReason, signal: 'SIGTERM' | 'SIGKILL'): void {
    this.killedBy ??= reason;
    this.worker.kill(signal);
  }

  /** How the process ended, from what the kernel did and what the worker announced. */
  exitHow(code: number | null, signal: string | null): ExitHow {
    const a = this.announced;
    if (signal === null && a && code === a.code) return a.how;
    return this.killedBy ?? 'crashed';
  }
  /**
   * Running, as far as the kernel can tell: a batch it sent is not acknowledged yet, or it
   * owes the worker one (a reply or a notice waiting for the next flush), which will wake
   * its program up, or what it sent is kept for a later turn (not dispatched yet). A hang
   * check that runs before that flush must not call it idle.
   */
  get busy(): boolean { return this.sentSeq !== this.ackedSeq || this.outbox.length > 0 || this.notices.length > 0 || this.deferred.length > 0; }
}
