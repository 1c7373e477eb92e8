// Reading the history: the list, one run in full, its events, windows of events with the
// state at their start (from keyframes), its object and process tables, and chart data in
// time windows, read from pre-aggregated buckets so that a run of a million events opens fast.
import type { LabEvent, ObjectInfo } from '../../../shared/events';
import type { ProcessRecord, RunReport, RunStatus } from '../../../shared/run-report';
import type { ChartBucket, EventsPage, HistoryEntry, RunTables, StoredObject } from '../../../shared/contract';
import { setAsideHint, type Db } from './open-database';
import { blockEvents } from './event-rows';
import { chartWindow } from './chart-window';
import { eventsPage, type PageWindow } from './events-page';
import { StoreError, describeError, isDamage } from './store-error';
import { outputFromEvents, processesFromEvents } from '../runs/report-from-events';

/**
 * Which runs the history lists. `search`: a run id (whole or part), `name=value` (a parameter
 * with exactly that value, case aside: "useLock=true", "seed=42"), or text found in a
 * parameter's name=value. `from`/`to`: ISO times as the runs keep them (UTC, "…Z"), runs
 * started on or after `from` and before `to`. `limit` -1: every run.
 */
export interface HistoryQuery {
  scenario?: string; status?: string; search?: string; from?: string; to?: string; limit?: number; offset?: number;
}

/** A parameter's value as text, as it is written in `name=value` (true, 42, mutable-gotcha). */
const PARAM_TEXT = "lower(CASE p.type WHEN 'true' THEN 'true' WHEN 'false' THEN 'false' ELSE CAST(p.value AS TEXT) END)";
const MATCHING = `(@scenario IS NULL OR scenario = @scenario) AND (@status IS NULL OR status = @status)
  AND (@from IS NULL OR started_at >= @from) AND (@to IS NULL OR started_at < @to)
  AND (@search IS NULL
    OR (@name IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(runs.params) p WHERE lower(p.key) = @name AND ${PARAM_TEXT} = @value))
    OR (@name IS NULL AND (instr(lower(id), @search) > 0
      OR EXISTS (SELECT 1 FROM json_each(runs.params) p WHERE instr(lower(p.key) || '=' || ${PARAM_TEXT}, @search) > 0))))`;

function matching(f: HistoryQuery): Record<string, string | null> {
  const search = f.search?.trim().toLowerCase() || null;
  const eq = search?.indexOf('=') ?? -1;
  const named = search !== null && eq > 0;
  return {
    scenario: f.scenario ?? null, status: f.status ?? null, from: f.from ?? null, to: f.to ?? null, search,
    name: named ? search.slice(0, eq).trim() : null, value: named ? search.slice(eq + 1).trim() : null,
  };
}

interface RunRow {
  id: string; scenario: string; params: string; seed: number; time_unit_ms: number; app_version: string; started_at: string; clock_started_at?: string | null;
  ended_at: string | null; status: string; duration_ms: number | null; summary: string | null; invariants: string | null;
  result: string | null; notes: string | null; hang: string | null; event_count: number; expected_status: string | null;
  passed: number | null; prediction: string | null;
}

const parse = <T>(s: string | null, fallback: T): T => (s === null ? fallback : (JSON.parse(s) as T));

export class RunQueries {
  constructor(private readonly db: Db, private readonly file = 'the history') {}

  /**
   * Runs a read of one part of one run; a damaged page (or a block that no longer parses)
   * becomes a StoreError naming the run and the part, instead of SQLite's bare message.
   */
  private read<T>(runId: string, part: 'events' | 'report', f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (!isDamage(e) && !(e instanceof SyntaxError)) throw e;
      throw new StoreError('CORRUPT', `run ${runId} cannot be read: its ${part === 'events' ? 'events are' : 'report is'} damaged in ${this.file} (${describeError(e)}). The other runs can still be read. ${setAsideHint(this.file)}`);
    }
  }

  /** The runs that match, newest first, as the contract's history entries. */
  history(f: HistoryQuery = {}): HistoryEntry[] {
    const rows = this.db.prepare(`SELECT * FROM runs WHERE ${MATCHING} ORDER BY started_at DESC, rowid DESC LIMIT @limit OFFSET @offset`)
      .all({ ...matching(f), limit: f.limit ?? 50, offset: f.offset ?? 0 }) as RunRow[];
    return rows.map((r) => {
      const prediction = parse<HistoryEntry['prediction'] | null>(r.prediction, null);
      return {
        runId: r.id, scenario: r.scenario, status: r.status as RunStatus, expectedStatus: (r.expected_status ?? 'completed') as RunStatus,
        passed: r.passed === null ? null : r.passed === 1, startedAt: r.started_at, durationMs: r.duration_ms,
        params: JSON.parse(r.params) as HistoryEntry['params'], seed: r.seed, timeUnitMs: r.time_unit_ms,
        eventCount: r.event_count, summary: r.summary, ...(prediction ? { prediction } : {}),
      };
    });
  }

  /** How many runs match the filter (limit and offset aside): says how many history() left out. */
  count(f: HistoryQuery = {}): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM runs WHERE ${MATCHING}`).get(matching(f)) as { n: number }).n;
  }

  /** The run as `lab run --json` printed it; undefined for an unknown id. */
  run(runId: string): RunReport | undefined {
    const report = this.read(runId, 'report', () => this.storedReport(runId));
    if (!report || report.ended) return report?.report;
    return this.rebuilt(report.report);
  }

  private storedReport(runId: string): { report: RunReport; ended: boolean } | undefined {
    const r = this.db.prepare('SELECT * FROM runs WHERE id = ?').get(runId) as RunRow | undefined;
    if (!r) return undefined;
    const processes = this.storedProcesses(runId);
    const output = (this.db.prepare('SELECT t_ms, pid, name, text FROM output WHERE run_id = ? ORDER BY line').all(runId) as Record<string, unknown>[])
      .map((o) => ({ tMs: o.t_ms as number, pid: o.pid as number, name: o.name as string, text: o.text as string }));
    const hang = parse<RunReport['hang'] | null>(r.hang, null);
    const prediction = parse<RunReport['prediction'] | null>(r.prediction, null);
    const report: RunReport = {
      runId: r.id, scenario: r.scenario, status: r.status as RunStatus,
      params: JSON.parse(r.params) as RunReport['params'], startedAt: r.started_at,
      ...(r.clock_started_at ? { clockStartedAt: r.clock_started_at } : {}), durationMs: r.duration_ms ?? 0,
      processes, output, invariants: parse(r.invariants, []), result: parse(r.result, {}), eventCount: r.event_count,
      notes: parse(r.notes, []), expectedStatus: (r.expected_status ?? 'completed') as RunStatus, passed: r.passed === 1,
      ...(prediction ? { prediction } : {}), ...(hang ? { hang } : {}),
    };
    return { report, ended: r.ended_at !== null };
  }

  /**
   * A run whose report was never written (its host stopped first, or it is still going):
   * its processes, output and length rebuilt from the events it kept.
   */
  private rebuilt(r: RunReport): RunReport {
    let events: LabEvent[];
    try {
      events = this.events(r.runId);
    } catch (e) {
      if (!(e instanceof StoreError)) throw e;
      return { ...r, notes: [...r.notes, 'its report was never written and its stored events are damaged, so its processes and output are unknown.'] };
    }
    const processes = processesFromEvents(events);
    const last = events.at(-1);
    const why = r.status === 'running'
      ? 'this run is still going, or its Process Lab stopped a moment ago'
      : 'Process Lab stopped before this run ended';
    return {
      ...r,
      processes,
      output: outputFromEvents(events, processes),
      eventCount: events.length,
      durationMs: r.durationMs || (last ? Math.round(last.t) / 1000 : 0),
      notes: [...r.notes, `${why}: its processes and output were rebuilt from the ${events.length} events kept; its checks did not run.`],
    };
  }

  private storedProcesses(runId: string): ProcessRecord[] {
    return (this.db.prepare('SELECT * FROM processes WHERE run_id = ? ORDER BY start_ms, pid').all(runId) as Record<string, unknown>[]).map((p) => ({
      pid: p.pid as number, name: p.name as string, program: p.program as string, parentPid: p.parent_pid as number | null,
      daemon: p.daemon === 1, exitCode: p.exit_code as number | null, signal: p.signal as string | null, how: (p.how ?? null) as ProcessRecord['how'], startMs: p.start_ms as number, endMs: p.end_ms as number | null,
    }));
  }

  /** Whether a run with this id is kept. */
  has(runId: string): boolean { return this.runInfo(runId) !== undefined; }

  /** The number that keys a run's events, or undefined for an unknown id. */
  private runNo(runId: string): number | undefined {
    return this.runInfo(runId)?.no;
  }

  /** Its number, and whether it was stored with keyframes, full buckets and an object table. */
  private runInfo(runId: string): { no: number; keyframed: boolean } | undefined {
    const r = this.db.prepare('SELECT no, keyframe_every FROM runs WHERE id = ?').get(runId) as { no: number; keyframe_every: number | null } | undefined;
    return r && { no: r.no, keyframed: r.keyframe_every !== null };
  }

  /**
   * A window of a run's events with the state at its start (events-page.ts says which events
   * a window holds); undefined for an unknown run.
   */
  eventsPage(runId: string, window: PageWindow): EventsPage | undefined {
    return this.read(runId, 'events', () => {
      const no = this.runNo(runId);
      return no === undefined ? undefined : eventsPage(this.db, no, window);
    });
  }

  /** The run's shared objects as their `create` events described them, in creation order. */
  objects(runId: string): StoredObject[] {
    return this.read(runId, 'events', () => {
      const run = this.runInfo(runId);
      if (!run) return [];
      if (!run.keyframed) {
        // Stored before the object table: the create events say it (version 1: kind and label only).
        return this.events(runId).filter((e) => e.kind === 'op' && e.op === 'create' && e.ph === 'X' && e.obj)
          .map((e) => ({ info: e.object ?? { kind: e.arg as ObjectInfo['kind'], label: e.obj! }, createdSeq: e.seq, createdUs: e.t }));
      }
      return (this.db.prepare('SELECT info, created_seq, created_us FROM objects WHERE run_no = ? ORDER BY created_seq').all(run.no) as { info: string; created_seq: number; created_us: number }[])
        .map((o) => ({ info: JSON.parse(o.info) as ObjectInfo, createdSeq: o.created_seq, createdUs: o.created_us }));
    });
  }

  /**
   * The run's processes as its table holds them: written as each appears and ends, so a run
   * still going, or interrupted, has every process it started (its report, once written,
   * rewrites them).
   */
  processes(runId: string): ProcessRecord[] {
    return this.read(runId, 'report', () => this.storedProcesses(runId));
  }

  /**
   * Every process and object of a run; undefined for an unknown run. A run stored before the
   * tables were written as it went, and never ended (its host died), has its processes
   * rebuilt from its events, as run() does.
   */
  tables(runId: string): RunTables | undefined {
    const run = this.runInfo(runId);
    if (!run) return undefined;
    let processes = this.processes(runId);
    if (!run.keyframed && !processes.length) processes = this.run(runId)?.processes ?? [];
    return { processes, objects: this.objects(runId) };
  }

  /** A run's events in [fromUs, toUs], in order: the blocks that overlap the window, unpacked. */
  events(runId: string, fromUs = 0, toUs = Number.MAX_SAFE_INTEGER, limit = 1_000_000): LabEvent[] {
    return this.read(runId, 'events', () => this.readEvents(runId, fromUs, toUs, limit));
  }

  private readEvents(runId: string, fromUs: number, toUs: number, limit: number): LabEvent[] {
    const no = this.runNo(runId);
    if (no === undefined) return [];
    const out: LabEvent[] = [];
    const blocks = this.db.prepare('SELECT events FROM event_blocks WHERE run_no = ? AND last_t >= ? AND first_t <= ? ORDER BY first_seq')
      .all(no, fromUs, toUs) as { events: string }[];
    for (const b of blocks) {
      for (const e of blockEvents(b.events)) {
        if (e.t < fromUs || e.t > toUs) continue;
        out.push(e);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }

  countEvents(runId: string): number {
    return this.read(runId, 'events', () => {
      const no = this.runNo(runId);
      return no === undefined ? 0 : (this.db.prepare('SELECT coalesce(sum(count), 0) AS n FROM event_blocks WHERE run_no = ?').get(no) as { n: number }).n;
    });
  }

  /** Chart data for [fromUs, toUs] in at most `buckets` slices, from the stored 10 ms buckets (chart-window.ts). */
  chartWindow(runId: string, fromUs: number, toUs: number, buckets: number): ChartBucket[] {
    return this.read(runId, 'events', () => {
      const run = this.runInfo(runId);
      return chartWindow(this.db, run?.no, run?.keyframed ?? false, fromUs, toUs, buckets, () => this.readEvents(runId, 0, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER));
    });
  }

  /** Deletes runs with everything recorded for them; returns the ids that were not found. */
  delete(runIds: string[]): string[] {
    const missing: string[] = [];
    const steps = ['event_blocks', 'event_buckets', 'keyframes', 'objects'].map((t) => `DELETE FROM ${t} WHERE run_no = ?`)
      .concat('DELETE FROM runs WHERE no = ?').map((q) => this.db.prepare(q));
    this.db.transaction(() => {
      for (const id of runIds) {
        const no = this.runNo(id);
        if (no === undefined) missing.push(id);
        else for (const step of steps) step.run(no); // processes and output go by cascade
      }
    })();
    return missing;
  }

  /** First and last event times of a run. */
  timeSpan(runId: string): { fromUs: number; toUs: number } | undefined {
    return this.read(runId, 'events', () => {
      const no = this.runNo(runId);
      if (no === undefined) return undefined;
      const r = this.db.prepare('SELECT min(first_t) AS a, max(last_t) AS b FROM event_blocks WHERE run_no = ?').get(no) as { a: number | null; b: number | null };
      return r.a === null ? undefined : { fromUs: r.a, toUs: r.b! };
    });
  }
}
