// What the page shows of a replay's model beside its charts: the process table and the
// transcript as they stood at the cursor, in the shapes the live run's table and transcript use.
import type { LiveModel } from '../../../../shared/live';
import type { ProcessRow } from '../process-table';
import type { TranscriptLine } from '../transcript';

/** One row per process the model knows at the cursor, in order of creation. */
export function processRowsAt(model: LiveModel): ProcessRow[] {
  const rows: ProcessRow[] = [];
  for (const lane of model.lanes.all()) {
    const st = model.lanes.states.get(lane.spans.lastState);
    rows.push({
      pid: lane.pid, name: lane.name, program: lane.program, parentPid: lane.parentPid,
      state: st.phase,
      ...(st.phase === 'blocked' ? { on: { obj: st.obj ?? '?', op: st.op ?? '?' } } : {}),
      exitCode: lane.exitCode ?? null, signal: lane.signal ?? null, how: lane.how ?? null, index: lane.index,
    });
  }
  return rows;
}

/**
 * The model's printed lines (those since its window began) as the transcript shows them, each
 * printed block cut into its lines as the live transcript does, the last `limit` kept. Read
 * again only from where it was when the same model folded on (playing forward costs the new lines).
 */
export class TranscriptAt {
  lines: TranscriptLine[] = [];
  /** Lines left out before the first kept (past `limit`). */
  dropped = 0;
  private model: LiveModel | null = null;
  /** The seq of the last printed event read (lines are found by seq: a trimmed transcript shifts its indices). */
  private lastSeq = -1;

  constructor(private readonly limit: number) {}

  /** Answers whether the lines changed. */
  update(model: LiveModel): boolean {
    const t = model.transcript;
    const fresh0 = model !== this.model;
    if (fresh0) { this.model = model; this.lastSeq = -1; this.lines = []; this.dropped = 0; }
    let lo = 0, hi = t.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (t.at(mid).seq <= this.lastSeq) lo = mid + 1; else hi = mid; }
    const fresh: TranscriptLine[] = [];
    for (let i = lo; i < t.length; i++) {
      const l = t.at(i);
      const kind = l.kind === 'error' ? 'error' as const : 'print' as const;
      for (const text of l.text.split('\n')) fresh.push({ seq: l.seq, tMs: l.t / 1000, pid: l.pid, text, kind });
    }
    if (t.length) this.lastSeq = Math.max(this.lastSeq, t.at(t.length - 1).seq);
    if (!fresh.length) return fresh0;
    let next = this.lines.concat(fresh);
    if (next.length > this.limit) {
      this.dropped += next.length - this.limit;
      next = next.slice(next.length - this.limit);
    }
    this.lines = next;
    return true;
  }
}
