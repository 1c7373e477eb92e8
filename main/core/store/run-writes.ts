// The statements that write a run: its row when it starts; while it goes, its event blocks,
// chart buckets, objects and processes as they appear, and keyframes; its report (processes,
// output, outcome) when it ends.
import type { RunReport } from '../../../shared/run-report';
import type { Db } from './open-database';
import { UPSERT_BUCKET } from './bucket-aggregator';
import type { RunWriteSet } from './run-folder';

export interface RunStart {
  id: string; scenario: string; params: Record<string, unknown>; seed: number; timeUnitMs: number;
  appVersion: string; startedAt: string; hostPid: number;
  /** Keyframe interval of this run (run-folder.ts KEYFRAME_EVERY unless a test asks otherwise). */
  keyframeEvery?: number;
}

export class RunWrites {
  private readonly insertRun;
  private readonly insertBlock;
  private readonly upsertBucket;
  private readonly insertObject;
  private readonly startProcess;
  private readonly endProcess;
  private readonly insertKeyframe;
  private readonly finish;
  private readonly insertProcess;
  private readonly insertOutput;

  constructor(private readonly db: Db) {
    this.insertRun = db.prepare(`INSERT INTO runs (id, scenario, params, seed, time_unit_ms, app_version, started_at, status, host_pid, keyframe_every)
      VALUES (@id, @scenario, @params, @seed, @timeUnitMs, @appVersion, @startedAt, 'running', @hostPid, @keyframeEvery)`);
    this.insertBlock = db.prepare(`INSERT INTO event_blocks (run_no, first_seq, last_seq, first_t, last_t, count, events, format)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
    this.upsertBucket = db.prepare(UPSERT_BUCKET);
    this.insertObject = db.prepare('INSERT OR REPLACE INTO objects (run_no, label, kind, info, created_seq, created_us) VALUES (?, ?, ?, ?, ?, ?)');
    this.startProcess = db.prepare(`INSERT OR IGNORE INTO processes (run_id, pid, name, program, parent_pid, daemon, start_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?)`);
    this.endProcess = db.prepare('UPDATE processes SET exit_code = ?, signal = ?, how = ?, end_ms = ? WHERE run_id = ? AND pid = ?');
    this.insertKeyframe = db.prepare('INSERT OR REPLACE INTO keyframes (run_no, seq, at_us, state) VALUES (?, ?, ?, ?)');
    this.finish = db.prepare(`UPDATE runs SET ended_at = @endedAt, status = @status, duration_ms = @durationMs, summary = @summary,
      invariants = @invariants, result = @result, notes = @notes, hang = @hang, event_count = @eventCount,
      expected_status = @expectedStatus, passed = @passed, prediction = @prediction, clock_started_at = @clockStartedAt WHERE id = @id`);
    this.insertProcess = db.prepare(`INSERT OR REPLACE INTO processes (run_id, pid, name, program, parent_pid, daemon, exit_code, signal, how, start_ms, end_ms)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    this.insertOutput = db.prepare('INSERT INTO output (run_id, line, t_ms, pid, name, text) VALUES (?, ?, ?, ?, ?, ?)');
  }

  /** Inserts the run's row; returns its number, the key of its events. */
  beginRun(r: RunStart): number {
    return Number(this.insertRun.run({ ...r, params: JSON.stringify(r.params), keyframeEvery: r.keyframeEvery ?? null }).lastInsertRowid);
  }

  /** Writes what a turn folded for one run; the caller wraps calls in a transaction. Returns the events written. */
  insertEvents(runNo: number, runId: string, w: RunWriteSet): number {
    let n = 0;
    for (const b of w.blocks) {
      this.insertBlock.run(runNo, b.firstSeq, b.lastSeq, b.firstT, b.lastT, b.count, b.events, b.format);
      n += b.count;
    }
    for (const bucket of w.buckets) this.upsertBucket.run(runNo, ...bucket);
    for (const o of w.objects) this.insertObject.run(runNo, o.label, o.kind, o.info, o.seq, o.t);
    for (const p of w.starts) this.startProcess.run(runId, p.pid, p.name, p.program, p.parentPid, p.daemon ? 1 : 0, p.startMs);
    for (const p of w.ends) this.endProcess.run(p.exitCode, p.signal, p.how, p.endMs, runId, p.pid);
    for (const k of w.keyframes) this.insertKeyframe.run(runNo, k.seq, k.atUs, k.state);
    return n;
  }

  endRun(r: RunReport): void {
    this.db.transaction(() => {
      this.finish.run({
        id: r.runId, endedAt: new Date(Date.parse(r.startedAt) + r.durationMs).toISOString(), status: r.status,
        durationMs: r.durationMs, summary: summaryOf(r), invariants: JSON.stringify(r.invariants), result: JSON.stringify(r.result),
        notes: JSON.stringify(r.notes), hang: r.hang ? JSON.stringify(r.hang) : null, eventCount: r.eventCount,
        expectedStatus: r.expectedStatus, passed: r.passed ? 1 : 0, prediction: r.prediction ? JSON.stringify(r.prediction) : null,
        clockStartedAt: r.clockStartedAt ?? null,
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
