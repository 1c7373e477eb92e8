// The kernel's pace: how much worker input it handles per turn of its event loop. A turn's
// budget is MAX_MS_PER_TURN of time, MAX_CALLS_PER_TURN calls or MAX_BYTES_PER_TURN bytes
// (all workers together), whichever runs out first. Once it is spent, the worker whose message
// crossed the line is not read again until a later turn, so timers, other workers and the UI
// get the thread in between. A message that arrives once the budget is spent (from another
// worker, in the same turn) is not handled: the kernel keeps it, its worker is paused, and it
// is handled first when that worker's turn comes. Paused workers are resumed one at a time, in
// turn, while the new turn's budget lasts. The kernel counts a message's calls as it
// dispatches them and keeps the rest of a message that crosses the line for a later turn: a
// turn handles its budget plus one call, and parses at most one message past it. Ports that
// cannot pause (Electron hands every message over) are bounded per message only.
import { MAX_BYTES_PER_TURN, MAX_CALLS_PER_TURN, MAX_MS_PER_TURN } from '../../protocol/limits';
import type { WorkerHandle } from '../process-port/process-port';

/** The clock the time budget reads, in ms; tests that count calls give one that stands still. */
export type TurnClock = () => number;

export class Pacer {
  private calls = 0;
  private bytes = 0;
  private scheduled = false;
  /** When this turn's first message was admitted (performance.now()), or -1 before. */
  private startedAt = -1;
  /** Paused workers, first paused first resumed, each with what to handle first when resumed. */
  private readonly paused = new Map<WorkerHandle, (() => void) | undefined>();

  constructor(private readonly clock: TurnClock = () => performance.now()) {}

  /** Whether a message (or the next call of one) from `worker` may be handled in this turn. */
  admits(worker: WorkerHandle): boolean {
    if (this.startedAt < 0) this.startedAt = this.clock(); // the turn's work starts now
    return !(this.spent && worker.pause);
  }

  /** Pauses `worker` until a later turn, where `replay` (the kept messages) runs before it is read again. */
  hold(worker: WorkerHandle, replay: () => void): void {
    if (!this.paused.has(worker)) worker.pause!();
    this.paused.set(worker, replay);
    this.schedule();
  }

  /** Counts one message's work; pauses its worker when the turn's budget is spent. */
  spend(worker: WorkerHandle, calls: number, bytes: number): void {
    this.calls += calls;
    this.bytes += bytes;
    this.schedule();
    if (this.spent && worker.pause && !this.paused.has(worker)) {
      this.paused.set(worker, undefined);
      worker.pause();
    }
  }

  private get spent(): boolean {
    return this.calls >= MAX_CALLS_PER_TURN || this.bytes >= MAX_BYTES_PER_TURN
      || (this.startedAt >= 0 && this.clock() - this.startedAt >= MAX_MS_PER_TURN);
  }

  private schedule(): void {
    if (!this.scheduled) { this.scheduled = true; setImmediate(this.nextTurn); }
  }

  private readonly nextTurn = (): void => {
    this.scheduled = false;
    this.calls = 0;
    this.bytes = 0;
    this.startedAt = -1;
    // Resuming hands over what the worker sent meanwhile at once; it counts against this turn.
    while (!this.spent && this.paused.size > 0) {
      const [w, replay] = this.paused.entries().next().value as [WorkerHandle, (() => void) | undefined];
      this.paused.delete(w);
      replay?.();
      // Replaying may have spent the turn and paused it again: then it waits for the next one.
      if (!w.exited && !this.paused.has(w)) w.resume?.();
    }
    if (this.paused.size > 0) this.schedule();
  };
}
