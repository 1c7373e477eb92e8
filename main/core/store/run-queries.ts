// Reading the history: the list, one run in full, its events, and chart data in time
// windows, downsampled in SQL so that a run of a million events opens fast.
import type { LabEvent } from '../../../shared/events';
import type { RunReport, RunStatus } from '../../../shared/run-report';
import type { Db } from './open-database';
import { EVENT_COLUMNS, rowToEvent } from './event-rows';

export interface HistoryFilter { scenario?: string; status?: string; limit?: number; offset?: number }

export interface HistoryEntry {
  runId: string; scenario: string; status: RunStatus | 'interrupted'; startedAt: string; durationMs: number | null;
  seed: number; timeUnitMs: number; passed: boolean | null; summary: string | null; eventCount: number;
}

/** One bucket of a chart window: per object, the largest value of each state field, and ops counted. */
export interface ChartBucket { fromUs: number; toUs: number; ops: number; objects: Record<string, { size?: number; value?: number; waiters?: number; owner?: number; flag?: number }> }

interface RunRow {
  id: string; scenario: string; params: string; seed: number; time_unit_ms: number; app_version: string; started_at: string;
  ended_at: string | null; status: string; duration_ms: number | null; summary: string | null; invariants: string | null;
  result: string | null; notes: string | null; hang: string | null; event_count: number; expected_status: string | null;
  passed: number | null; prediction: string | null;
}

const parse = <T>(s: string | null, fallback: T): T => (s === null ? fallback : (JSON.parse(s) as T));

export class RunQueries {
  constructor(private readonly db: Db) {}

  history(f: HistoryFilter = {}): HistoryEntry[] {
    const rows = this.db.prepare(`SELECT * FROM runs WHERE (@scenario IS NULL OR scenario = @scenario) AND (@status IS NULL OR status = @status)
      ORDER BY started_at DESC, rowid DESC LIMIT @limit OFFSET @offset`).all({
      scenario: f.scenario ?? null, status: f.status ?? null, limit: f.limit ?? 50, offset: f.offset ?? 0,
    }) as RunRow[];
    return rows.map((r) => ({
      runId: r.id, scenario: r.scenario, status: r.status as HistoryEntry['status'], startedAt: r.started_at, durationMs: r.duration_ms,
      seed: r.seed, timeUnitMs: r.time_unit_ms, passed: r.passed === null ? null : r.passed === 1, summary: r.summary, eventCount: r.event_count,
    }));
  }

  /** The run as `lab run --json` printed it; undefined for an unknown id. */
  run(runId: string): RunReport | undefined {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined;
    if (!r) return undefined;
    const processes = (this.db.prepare('SELECT * FROM processes WHERE run_id = ? ORDER BY start_ms').all(runId) as Record<string, unknown>[]).map((p) => ({
      pid: p.pid as number, name: p.name as string, program: p.program as string, parentPid: p.parent_pid as number | null,
      daemon: p.daemon === 1, exitCode: p.exit_code as number | null, signal: p.signal as string | null, startMs: p.start_ms as number, endMs: p.end_ms as number | null,
    }));
    const output = (this.db.prepare('SELECT t_ms, pid, name, text FROM output WHERE run_id = ? ORDER BY line').all(runId) as Record<string, unknown>[])
      .map((o) => ({ tMs: o.t_ms as number, pid: o.pid as number, name: o.name as string, text: o.text as string }));
    const hang = parse<RunReport['hang'] | null>(r.hang, null);
    const prediction = parse<RunReport['prediction'] | null>(r.prediction, null);
    return {
      runId: r.id, scenario: r.scenario, status: r.status as RunStatus,
      params: JSON.parse(r.params) as RunReport['params'], startedAt: r.started_at, durationMs: r.duration_ms ?? 0,
      processes, output, invariants: parse(r.invariants, []), result: parse(r.result, {}), eventCount: r.event_count,
      notes: parse(r.notes, []), expectedStatus: (r.expected_status ?? 'completed') as RunStatus, passed: r.passed === 1,
      ...(prediction ? { prediction } : {}), ...(hang ? { hang } : {}),
    };
  }

  events(runId: string, fromUs = 0, toUs = Number.MAX_SAFE_INTEGER, limit = 1_000_000): LabEvent[] {
    return (this.db.prepare(`SELECT ${EVENT_COLUMNS.join(', ')} FROM events WHERE run_id = ? AND t >= ? AND t <= ? ORDER BY seq LIMIT ?`)
      .all(runId, fromUs, toUs, limit) as Parameters<typeof rowToEvent>[0][]).map(rowToEvent);
  }

  countEvents(runId: string): number {
    return (this.db.prepare('SELECT count(*) AS n FROM events WHERE run_id = ?').get(runId) as { n: number }).n;
  }

  /** Chart data for [fromUs, toUs] in `buckets` equal slices. */
  chartWindow(runId: string, fromUs: number, toUs: number, buckets: number): ChartBucket[] {
    const width = Math.max(1, Math.ceil((toUs - fromUs + 1) / buckets));
    const out: ChartBucket[] = Array.from({ length: buckets }, (_, i) => ({ fromUs: fromUs + i * width, toUs: fromUs + (i + 1) * width - 1, ops: 0, objects: {} }));
    const rows = this.db.prepare(`SELECT CAST((t - @from) / @width AS INTEGER) AS b, obj, count(*) AS ops, max(size) AS size, max(value) AS value,
        max(waiters) AS waiters, max(owner) AS owner, max(flag) AS flag
      FROM events WHERE run_id = @run AND t BETWEEN @from AND @to AND kind = 'op' GROUP BY b, obj`).all({ run: runId, from: fromUs, to: toUs, width }) as
      { b: number; obj: string | null; ops: number; size: number | null; value: number | null; waiters: number | null; owner: number | null; flag: number | null }[];
    for (const r of rows) {
      const bucket = out[Math.min(r.b, buckets - 1)];
      bucket.ops += r.ops;
      if (!r.obj) continue;
      const o: ChartBucket['objects'][string] = {};
      if (r.size !== null) o.size = r.size;
      if (r.value !== null) o.value = r.value;
      if (r.waiters !== null) o.waiters = r.waiters;
      if (r.owner !== null) o.owner = r.owner;
      if (r.flag !== null) o.flag = r.flag;
      if (Object.keys(o).length) bucket.objects[r.obj] = o;
    }
    return out;
  }

  /** Deletes runs with everything recorded for them; returns the ids that were not found. */
  delete(runIds: string[]): string[] {
    const missing: string[] = [];
    const del = this.db.prepare('DELETE FROM runs WHERE id = ?');
    this.db.transaction(() => { for (const id of runIds) if (del.run(id).changes === 0) missing.push(id); })();
    return missing;
  }

  timeSpan(runId: string): { fromUs: number; toUs: number } | undefined {
    const r = this.db.prepare('SELECT min(t) AS a, max(t) AS b FROM events WHERE run_id = ?').get(runId) as { a: number | null; b: number | null };
    return r.a === null ? undefined : { fromUs: r.a, toUs: r.b! };
  }
}
