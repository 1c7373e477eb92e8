// The transcript: every printed line and every error, with its process, filterable by
// process. Lines are kept in order with an index per process, so a filtered view does not
// scan the others.
export interface TranscriptLine {
  seq: number;
  t: number;
  pid: number;
  /** The process's name when it printed. */
  name: string;
  kind: 'print' | 'error';
  text: string;
  /** For errors: crash, protocol, limit, traceback, stderr; for stray output: the stream. */
  op?: string;
}

export interface TranscriptQuery {
  /** Only this process's lines. */
  pid?: number;
  fromUs?: number;
  toUs?: number;
  /** At most this many lines, the first ones in the range (default: all). */
  limit?: number;
}

export class Transcript {
  private lines: TranscriptLine[] = [];
  /** The absolute number of lines[0] (lines before it were dropped with the window). */
  private first = 0;
  private readonly byPid = new Map<number, number[]>();

  get length(): number { return this.lines.length; }
  /** The i-th line kept. */
  at(i: number): TranscriptLine { return this.lines[i]; }

  add(line: TranscriptLine): void {
    const n = this.first + this.lines.length;
    this.lines.push(line);
    const own = this.byPid.get(line.pid);
    if (own) own.push(n); else this.byPid.set(line.pid, [n]);
  }

  query(q: TranscriptQuery = {}): TranscriptLine[] {
    const from = q.fromUs ?? -Infinity, to = q.toUs ?? Infinity, limit = q.limit ?? Infinity;
    const out: TranscriptLine[] = [];
    if (q.pid !== undefined) {
      const own = this.byPid.get(q.pid) ?? [];
      for (let i = lowerBound(own.length, (k) => this.lines[own[k] - this.first].t < from); i < own.length && out.length < limit; i++) {
        const line = this.lines[own[i] - this.first];
        if (line.t > to) break;
        out.push(line);
      }
      return out;
    }
    for (let i = lowerBound(this.lines.length, (k) => this.lines[k].t < from); i < this.lines.length && out.length < limit; i++) {
      if (this.lines[i].t > to) break;
      out.push(this.lines[i]);
    }
    return out;
  }

  /** Forgets the lines before `t`. */
  trimBefore(t: number): void {
    const drop = lowerBound(this.lines.length, (k) => this.lines[k].t < t);
    if (drop === 0) return;
    this.lines = this.lines.slice(drop);
    this.first += drop;
    for (const [pid, own] of this.byPid) {
      const k = lowerBound(own.length, (j) => own[j] < this.first);
      if (k === own.length) this.byPid.delete(pid); else if (k > 0) this.byPid.set(pid, own.slice(k));
    }
  }
}

/** The first index in [0, n) where `before` turns false (it must be true then false). */
function lowerBound(n: number, before: (i: number) => boolean): number {
  let lo = 0, hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1; else hi = mid;
  }
  return lo;
}
