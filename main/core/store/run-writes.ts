// The statements that write a run: its row when it starts, its events while it goes, and
// its report (processes, output, outcome) when it ends.
import type { RunReport } from '../../../shared/run-report';
import type { Db } from './open-database';
import { EVENT_COLUMNS, type EventRow } from './event-rows';
import { aggregateBuckets, UPSERT_BUCKET } from './bucket-aggregator';

const ROWS_PER_INSERT = 40;

function insertEventsSql(rows: number): string {
  const one = `(?${', ?'.repeat(EVENT_COLUMNS.length)})`;
  return `INSERT INTO events (run_no, ${EVENT_COLUMNS.join(', ')}) VALUES ${Array(rows).fill(one).join(', ')}`;
}

export interface RunStart {
  id: string; scenario: string; params: Record<string, unknown>; seed: number; timeUnitMs: number;
  appVersion: string; startedAt: string; hostPid: number;
}

export class RunWrites {
  private readonly insertRun;
  private readonly insertEvent;
  private readonly finish;
  private readonly insertProcess;
  private readonly insertOutput;
  private readonly upsertBucket;
  private readonly insertEventBlock;

  constructor(private readonly db: Db) {
    this.insertRun = db.prepare(`INSERT INTO runs (id, scenario, params, seed, time_unit_ms, app_version, started_at, status, host_pid)
      VALUES (@id, @scenario, @params, @seed, @timeUnitMs, @appVersion, @startedAt, 'running', @hostPid)`);
    this.insertEvent = db.prepare(insertEventsSql(1));
    this.insertEventBlock = db.prepare(insertEventsSql(ROWS_PER_INSERT));
    this.upsertBucket = db.prepare(UPSERT_BUCKET);
    this.finish = db.prepare(`UPDATE runs SET ended_at = @endedAt, status = @status, duration_ms = @durationMs, summary = @summary,
      invariants = @invariants, result = @result, notes = @notes, hang = @hang, event_count = @eventCount,
      expected_status = @expectedStatus, passed = @passed, prediction = @prediction WHERE id = @id`);
    this.insertProcess = db.prepare(`INSERT OR REPLACE INTO processes (run_id, pid, name, program, parent_pid, daemon, exit_code, signal, start_ms, end_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertOutput = db.prepare('INSERT INTO output (run_id, line, t_ms, pid, name, text) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Inserts the run's row; returns its number, the key of its events. */
  beginRun(r: RunStart): number {
    return Number(this.insertRun.run({ ...r, params: JSON.stringify(r.params) }).lastInsertRowid);
  }

  /** Inserts rows and folds them into the chart buckets; the caller wraps calls in a transaction. */
  insertEvents(runNo: number, rows: EventRow[]): number {
    // Many rows per statement: binding is per value, but stepping is per statement.
    let i = 0;
    for (; i + ROWS_PER_INSERT <= rows.length; i += ROWS_PER_INSERT) {
      const params: (string | number | null)[] = [];
      for (let j = i; j < i + ROWS_PER_INSERT; j++) params.push(runNo, ...rows[j]);
      this.insertEventBlock.run(params);
    }
    for (; i < rows.length; i++) this.insertEvent.run(runNo, ...rows[i]);
    for (const b of aggregateBuckets(rows)) this.upsertBucket.run(runNo, ...b);
    return rows.length;
  }

  endRun(r: RunReport): void {
    this.db.transaction(() => {
      this.finish.run({
        id: r.runId, endedAt: new Date(Date.parse(r.startedAt) + r.durationMs).toISOString(), status: r.status,
        durationMs: r.durationMs, summary: summaryOf(r), invariants: JSON.stringify(r.invariants), result: JSON.stringify(r.result),
        notes: JSON.stringify(r.notes), hang: r.hang ? JSON.stringify(r.hang) : null, eventCount: r.eventCount,
        expectedStatus: r.expectedStatus, passed: r.passed ? 1 : 0, prediction: r.prediction ? JSON.stringify(r.prediction) : null,
      });
      for (const p of r.processes) {
        this.insertProcess.run(r.runId, p.pid, p.name, p.program, p.parentPid, p.daemon ? 1 : 0, p.exitCode, p.signal, p.startMs, p.endMs);
      }
      r.output.forEach((o, i) => this.insertOutput.run(r.runId, i, o.tMs, o.pid, o.name, o.text));
    })();
  }
}

/** One line for the history list. */
function summaryOf(r: RunReport): string {
  const held = r.invariants.filter((i) => i.ok).length;
  return `${r.status}; ${held}/${r.invariants.length} invariants; ${r.processes.length} processes`;
}
