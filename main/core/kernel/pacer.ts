// The kernel's pace: how much worker input it handles per turn of its event loop. Past
// MAX_CALLS_PER_TURN calls or MAX_BYTES_PER_TURN bytes (all workers together), the worker
// whose message crossed the line is not read again until the next turn, so timers, other
// workers and the UI get the thread in between. Ports that cannot pause (Electron hands
// over every message) are still bounded per message, not per turn.
import { MAX_BYTES_PER_TURN, MAX_CALLS_PER_TURN } from '../../protocol/limits';
import type { WorkerHandle } from '../process-port/process-port';

export class Pacer {
  private calls = 0;
  private bytes = 0;
  private scheduled = false;
  private readonly paused = new Set<WorkerHandle>();

  /** Counts one message's work; pauses its worker when the turn's budget is spent. */
  spend(worker: WorkerHandle, calls: number, bytes: number): void {
    this.calls += calls;
    this.bytes += bytes;
    if (!this.scheduled) { this.scheduled = true; setImmediate(this.nextTurn); }
    if ((this.calls >= MAX_CALLS_PER_TURN || this.bytes >= MAX_BYTES_PER_TURN) && worker.pause && !this.paused.has(worker)) {
      this.paused.add(worker);
      worker.pause();
    }
  }

  private readonly nextTurn = (): void => {
    this.scheduled = false;
    this.calls = 0;
    this.bytes = 0;
    const paused = [...this.paused];
    this.paused.clear();
    // Resuming may hand over buffered messages at once: they count against the new turn.
    for (const w of paused) if (!w.exited) w.resume?.();
  };
}
