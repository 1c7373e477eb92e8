// The ends (seq, pid, t) of the last events, so that a wake can be drawn from the event its
// `cause` names. The kernel records the wakes an operation causes right after it, so a cause
// is always recent; a notify_all or a set that wakes many waiters is named again and again,
// and an end named within the last RECENT events stays ("hot") however far back it is.
// Lookups are by seq and deterministic: an end is found iff it is among the last RECENT
// events or was named within the last RECENT events, so a model rebuilt from a keyframe
// (which carries these ends) finds exactly what the model that saw everything finds.
import type { RecentEnd } from './live-snapshot';

export const RECENT = 128;
export const TAG_OTHER = 0;
export const TAG_CREATED = 1;
export const TAG_EXITED = 2;

export interface EventEnd { seq: number; pid: number; t: number; tag: number }

interface Hot { end: EventEnd; usedAt: number }

export class RecentEvents {
  private readonly seqs = new Float64Array(RECENT).fill(-1);
  private readonly pids = new Float64Array(RECENT);
  private readonly ts = new Float64Array(RECENT);
  private readonly tags = new Uint8Array(RECENT);
  private readonly hot = new Map<number, Hot>();

  record(seq: number, pid: number, t: number, tag: number): void {
    const i = seq % RECENT;
    this.seqs[i] = seq; this.pids[i] = pid; this.ts[i] = t; this.tags[i] = tag;
  }

  /** The end of event `seq`, named by the event `now` (not yet recorded). */
  find(seq: number, now: number): EventEnd | undefined {
    const h = this.hot.get(seq);
    if (h && h.usedAt > now - RECENT) { h.usedAt = now; return h.end; }
    const i = seq % RECENT;
    if (this.seqs[i] !== seq || seq <= now - RECENT) return undefined;
    const end: EventEnd = { seq, pid: this.pids[i], t: this.ts[i], tag: this.tags[i] };
    this.keep(end, now);
    return end;
  }

  private keep(end: EventEnd, usedAt: number): void {
    if (this.hot.size >= 2 * RECENT) {
      // Only memory: a stale entry is never found anyway.
      for (const [seq, h] of this.hot) if (h.usedAt <= usedAt - RECENT) this.hot.delete(seq);
    }
    this.hot.set(end.seq, { end, usedAt });
  }

  /** The ends a later event may still name, as of event `atSeq`. */
  snapshot(atSeq: number): RecentEnd[] {
    const out = new Map<number, RecentEnd>();
    for (let i = 0; i < RECENT; i++) {
      const seq = this.seqs[i];
      if (seq > atSeq - RECENT && seq >= 0) out.set(seq, [seq, this.pids[i], this.ts[i], this.tags[i], 0]);
    }
    for (const [seq, h] of this.hot) {
      if (h.usedAt > atSeq - RECENT) out.set(seq, [seq, h.end.pid, h.end.t, h.end.tag, h.usedAt]);
    }
    return [...out.values()].sort((a, b) => a[0] - b[0]);
  }

  restore(ends: readonly RecentEnd[], atSeq: number): void {
    for (const [seq, pid, t, tag, usedAt] of ends) {
      if (seq > atSeq - RECENT) this.record(seq, pid, t, tag);
      if (usedAt > 0) this.hot.set(seq, { end: { seq, pid, t, tag }, usedAt });
    }
  }
}
