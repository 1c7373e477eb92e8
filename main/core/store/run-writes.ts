// The statements that write a run: its row when it starts, its event blocks and chart
// buckets while it goes, and its report (processes, output, outcome) when it ends.
import type { RunReport } from '../../../shared/run-report';
import type { Db } from './open-database';
import { UPSERT_BUCKET, type BucketRow } from './bucket-aggregator';

export interface RunStart {
  id: string; scenario: string; params: Record<string, unknown>; seed: number; timeUnitMs: number;
  appVersion: string; startedAt: string; hostPid: number;
}

/** One batch of events as the writer thread receives it: rows already encoded, buckets folded. */
export interface EventBlock {
  firstSeq: number; lastSeq: number; firstT: number; lastT: number; count: number;
  /** JSON array of event rows (event-rows.ts). */
  events: string;
  /** The event format the rows were recorded in (shared/events.ts EVENT_FORMAT_VERSION). */
  format?: number;
  buckets: BucketRow[];
}

export class RunWrites {
  private readonly insertRun;
  private readonly insertBlock;
  private readonly upsertBucket;
  private readonly finish;
  private readonly insertProcess;
  private readonly insertOutput;

  constructor(private readonly db: Db) {
    this.insertRun = db.prepare(`INSERT INTO runs (id, scenario, params, seed, time_unit_ms, app_version, started_at, status, host_pid)
      VALUES (@id, @scenario, @params, @seed, @timeUnitMs, @appVersion, @startedAt, 'running', @hostPid)`);
    this.insertBlock = db.prepare(`INSERT INTO event_blocks (run_no, first_seq, last_seq, first_t, last_t, count, events, format)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.upsertBucket = db.prepare(UPSERT_BUCKET);
    this.finish = db.prepare(`UPDATE runs SET ended_at = @endedAt, status = @status, duration_ms = @durationMs, summary = @summary,
      invariants = @invariants, result = @result, notes = @notes, hang = @hang, event_count = @eventCount,
      expected_status = @expectedStatus, passed = @passed, prediction = @prediction WHERE id = @id`);
    this.insertProcess = db.prepare(`INSERT OR REPLACE INTO processes (run_id, pid, name, program, parent_pid, daemon, exit_code, signal, how, start_ms, end_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertOutput = db.prepare('INSERT INTO output (run_id, line, t_ms, pid, name, text) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Inserts the run's row; returns its number, the key of its events. */
  beginRun(r: RunStart): number {
    return Number(this.insertRun.run({ ...r, params: JSON.stringify(r.params) }).lastInsertRowid);
  }

  /** Inserts a block and merges its buckets; the caller wraps calls in a transaction. */
  insertEvents(runNo: number, b: EventBlock): number {
    this.insertBlock.run(runNo, b.firstSeq, b.lastSeq, b.firstT, b.lastT, b.count, b.events, b.format ?? 1);
    for (const bucket of b.buckets) this.upsertBucket.run(runNo, ...bucket);
    return b.count;
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
        this.insertProcess.run(r.runId, p.pid, p.name, p.program, p.parentPid, p.daemon ? 1 : 0, p.exitCode, p.signal, p.how, p.startMs, p.endMs);
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
