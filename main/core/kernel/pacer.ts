// The kernel's pace: how much worker input it handles per turn of its event loop. Once a
// turn has handled MAX_CALLS_PER_TURN calls or MAX_BYTES_PER_TURN bytes (all workers
// together), the worker whose message crossed the line is not read again until a later
// turn, so timers, other workers and the UI get the thread in between. Paused workers are
// resumed one at a time, in turn, while the new turn's budget lasts: a turn handles at most
// its budget plus one message. Ports that cannot pause (Electron hands every message over)
// are bounded per message only.
import { MAX_BYTES_PER_TURN, MAX_CALLS_PER_TURN } from '../../protocol/limits';
import type { WorkerHandle } from '../process-port/process-port';

export class Pacer {
  private calls = 0;
  private bytes = 0;
  private scheduled = false;
  /** Paused workers, first paused first resumed. */
  private readonly paused = new Set<WorkerHandle>();

  /** Counts one message's work; pauses its worker when the turn's budget is spent. */
  spend(worker: WorkerHandle, calls: number, bytes: number): void {
    this.calls += calls;
    this.bytes += bytes;
    this.schedule();
    if (this.spent && worker.pause && !this.paused.has(worker)) {
      this.paused.add(worker);
      worker.pause();
    }
  }

  private get spent(): boolean { return this.calls >= MAX_CALLS_PER_TURN || this.bytes >= MAX_BYTES_PER_TURN; }

  private schedule(): void {
    if (!this.scheduled) { this.scheduled = true; setImmediate(this.nextTurn); }
  }

  private readonly nextTurn = (): void => {
    this.scheduled = false;
    this.calls = 0;
    this.bytes = 0;
    // Resuming hands over what the worker sent meanwhile at once; it counts against this turn.
    while (!this.spent && this.paused.size > 0) {
      const w = this.paused.values().next().value as WorkerHandle;
      this.paused.delete(w);
      if (!w.exited) w.resume?.();
    }
    if (this.paused.size > 0) this.schedule();
  };
}
