// Deleting runs, with an undo. A deletion confirmed by the student is held here for UNDO_MS:
// the runs vanish from the lists at once, but nothing is sent to the lab until the time is
// up, so Undo only has to forget the deletion. If the app is closed (or the page reloaded)
// inside the window, the deletion is never sent and the runs are still in the history next
// time: a deletion that could not be undone any more is the one thing this must never do.
import type { LabClient } from '../../../shared/contract';

export const UNDO_MS = 6000;

export interface PendingDelete {
  id: number;
  runIds: string[];
  /** performance.now() when it is sent. */
  sendAt: number;
  state: 'waiting' | 'sending';
}

class PendingDeletes {
  batches = $state.raw<PendingDelete[]>([]);
  /** What went wrong with the last deletion sent (the runs are shown again). */
  error = $state<string | null>(null);
  private nextId = 1;
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private readonly listeners = new Set<(runIds: string[], lab: LabClient) => void>();
  private readonly failListeners = new Set<(lab: LabClient) => void>();

  /** Whether a run is waiting to be deleted (the lists leave it out). */
  hides(runId: string): boolean {
    return this.batches.some((b) => b.runIds.includes(runId));
  }

  /** Called with the ids once the lab has deleted them. */
  onDeleted(listener: (runIds: string[], lab: LabClient) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  /** Called when the lab refused a deletion (a run already gone, the history unreadable): the
   *  lists read the history again rather than trust what they held. */
  onFailed(listener: (lab: LabClient) => void): () => void {
    this.failListeners.add(listener);
    return () => { this.failListeners.delete(listener); };
  }

  schedule(lab: LabClient, runIds: string[]): PendingDelete {
    const batch: PendingDelete = { id: this.nextId++, runIds: [...runIds], sendAt: performance.now() + UNDO_MS, state: 'waiting' };
    this.batches = [...this.batches, batch];
    this.error = null;
    this.timers.set(batch.id, setTimeout(() => void this.send(lab, batch.id), UNDO_MS));
    return batch;
  }

  /** Forgets a deletion not sent yet: its runs come back. */
  undo(id: number): void {
    const b = this.batches.find((x) => x.id === id);
    if (!b || b.state !== 'waiting') return;
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.batches = this.batches.filter((x) => x.id !== id);
  }

  private async send(lab: LabClient, id: number): Promise<void> {
    this.timers.delete(id);
    const b = this.batches.find((x) => x.id === id);
    if (!b) return;
    this.batches = this.batches.map((x) => (x.id === id ? { ...x, state: 'sending' as const } : x));
    const r = await lab.delete({ runIds: b.runIds });
    this.batches = this.batches.filter((x) => x.id !== id);
    if (!r.ok) {
      this.error = `The ${b.runIds.length === 1 ? 'run was' : `${b.runIds.length} runs were`} not deleted: ${r.error.message}`;
      for (const l of this.failListeners) l(lab);
      return;
    }
    for (const l of this.listeners) l(r.value.deleted, lab);
  }
}

export const pendingDeletes = new PendingDeletes();
