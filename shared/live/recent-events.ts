// The ends (seq, pid, t) of the last events, so that a wake can be drawn from the event its
// `cause` names. The kernel records the wakes an operation causes right after it, so a cause
// is always recent; a notify_all or a set that wakes many waiters is named again and again,
// and an end named within the last RECENT events stays findable however far back it is.
// Lookups are by seq and deterministic: an end is found iff it is among the last RECENT
// events or was named within the last RECENT events, so a model rebuilt from a keyframe
// (which carries these ends) finds exactly what the model that saw everything finds.
// No allocation per lookup: the answer is a scratch object, to be read at once.
import type { RecentEnd } from './live-snapshot';

export const RECENT = 128;
export const TAG_OTHER = 0;
export const TAG_CREATED = 1;
export const TAG_EXITED = 2;

export interface EventEnd { seq: number; pid: number; t: number; tag: number }

interface Hot { pid: number; t: number; tag: number; usedAt: number }

export class RecentEvents {
  private readonly seqs = new Float64Array(RECENT).fill(-1);
  private readonly pids = new Float64Array(RECENT);
  private readonly ts = new Float64Array(RECENT);
  private readonly tags = new Uint8Array(RECENT);
  /** When each ring entry was last named (0: never). */
  private readonly used = new Float64Array(RECENT);
  /** Ends pushed out of the ring while still being named. */
  private readonly hot = new Map<number, Hot>();
  private readonly scratch: EventEnd = { seq: 0, pid: 0, t: 0, tag: 0 };

  record(seq: number, pid: number, t: number, tag: number): void {
    const i = seq % RECENT;
    const old = this.seqs[i];
    if (old >= 0 && this.used[i] > seq - RECENT) {
      this.hot.set(old, { pid: this.pids[i], t: this.ts[i], tag: this.tags[i], usedAt: this.used[i] });
      if (this.hot.size > 4 * RECENT) this.prune(seq);
    }
    this.seqs[i] = seq; this.pids[i] = pid; this.ts[i] = t; this.tags[i] = tag; this.used[i] = 0;
  }

  private prune(now: number): void {
    for (const [seq, h] of this.hot) if (h.usedAt <= now - RECENT) this.hot.delete(seq);
  }

  /** The end of event `seq`, named by the event `now` (not yet recorded); read it at once. */
  find(seq: number, now: number): EventEnd | undefined {
    const s = this.scratch;
    const i = seq % RECENT;
    if (this.seqs[i] === seq) {
      if (seq <= now - RECENT && this.used[i] <= now - RECENT) return undefined;
      this.used[i] = now;
      s.seq = seq; s.pid = this.pids[i]; s.t = this.ts[i]; s.tag = this.tags[i];
      return s;
    }
    const h = this.hot.get(seq);
    if (!h || h.usedAt <= now - RECENT) return undefined;
    h.usedAt = now;
    s.seq = seq; s.pid = h.pid; s.t = h.t; s.tag = h.tag;
    return s;
  }

  /** The ends a later event may still name, as of event `atSeq`. */
  snapshot(atSeq: number): RecentEnd[] {
    const out: RecentEnd[] = [];
    for (let i = 0; i < RECENT; i++) {
      const seq = this.seqs[i];
      if (seq >= 0 && (seq > atSeq - RECENT || this.used[i] > atSeq - RECENT)) out.push([seq, this.pids[i], this.ts[i], this.tags[i], this.used[i]]);
    }
    for (const [seq, h] of this.hot) if (h.usedAt > atSeq - RECENT) out.push([seq, h.pid, h.t, h.tag, h.usedAt]);
    return out.sort((a, b) => a[0] - b[0]);
  }

  restore(ends: readonly RecentEnd[], atSeq: number): void {
    for (const [seq, pid, t, tag, usedAt] of ends) {
      if (seq > atSeq - RECENT) {
        const i = seq % RECENT;
        this.seqs[i] = seq; this.pids[i] = pid; this.ts[i] = t; this.tags[i] = tag; this.used[i] = usedAt;
      } else {
        this.hot.set(seq, { pid, t, tag, usedAt });
      }
    }
  }
}
