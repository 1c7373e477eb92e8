// Builds the run report: process table, output, the scenario's checks and final status.
// The checks run for every ending (a stopped or cut-short run included: they say what they
// could not judge), and `judgeStored` runs them later over a run read back from the history.
import type { LabEvent } from '../../../shared/events';
import type { ParamValues } from '../../../shared/params';
import type { HangReport, InvariantResult, ProcessRecord, RunReport, RunStatus } from '../../../shared/run-report';
import { findScenario, SCENARIOS } from '../../scenarios/checks/registry';
import type { Scenario } from '../../scenarios/checks/scenario';
import { judgeGuess } from './judge-guess';
import type { RunHandle } from './run-handle';
import { RunRecord } from './run-record';
import type { Checked } from './run-request';

/** What the checks make of a run: its final status, invariants, result and notes. */
export interface Judgement {
  status: RunStatus;
  invariants: InvariantResult[];
  result: Record<string, unknown>;
  /** What the checks add to the run's notes. */
  notes: string[];
  expectedStatus: RunStatus;
  passed: boolean;
  prediction?: { question: string; answer: unknown };
}

export function buildReport(run: RunHandle, status: RunStatus, durationMs: number): RunReport {
  const rec = run.record;
  rec.processes = [...run.kernel.procs.values()].map((p): ProcessRecord => ({
    pid: p.pid, name: p.name, program: p.program, parentPid: p.parentPid, daemon: p.daemon,
    exitCode: p.exitCode, signal: p.signal, how: p.how, startMs: round(p.startUs / 1000), endMs: p.endUs === null ? null : round(p.endUs / 1000),
  }));
  rec.status = status;
  rec.timeoutS = run.config.timeoutS;
  const j = judge(run.config.scenario, run.config.params, rec);
  rec.notes.push(...j.notes);
  const guess = run.config.guess?.trim() || undefined;
  return {
    runId: run.id,
    scenario: run.config.scenario.meta.id,
    status: j.status,
    params: run.config.params,
    startedAt: run.startedAt.toISOString(),
    ...(run.clockStartedAt ? { clockStartedAt: run.clockStartedAt.toISOString() } : {}),
    durationMs: round(durationMs),
    processes: rec.processes,
    output: rec.output().map((o) => ({ ...o, tMs: round(o.tMs) })),
    invariants: j.invariants,
    result: j.result,
    eventCount: rec.eventCount,
    notes: rec.notes,
    expectedStatus: j.expectedStatus,
    passed: j.passed,
    ...(j.prediction ? { prediction: { ...j.prediction, ...(guess !== undefined ? { guess, right: judgeGuess(guess, j.prediction.answer) } : {}) } } : {}),
    ...(rec.hang ? { hang: rec.hang } : {}),
  };
}

/** Runs the scenario's checks over a record whose processes and status are set. */
export function judge(scenario: Scenario, params: ParamValues, rec: RunRecord): Judgement {
  let invariants: InvariantResult[] = [];
  let result: Record<string, unknown> = {};
  const notes: string[] = [];
  try {
    const check = scenario.check(rec, params);
    invariants = check.invariants;
    result = check.result;
    notes.push(...(check.notes ?? []));
  } catch (e) {
    invariants = [{ id: 'checks-ran', description: 'the scenario\'s checks could run', ok: false, detail: (e as Error).message }];
  }
  if (rec.truncated) notes.push(`the event record was cut at ${rec.events.length} of ${rec.eventCount} events; checks saw only those.`);
  const status = rec.status === 'completed' && invariants.some((i) => i.ok === false) ? 'failed' : rec.status;
  const expectedStatus = scenario.expectedStatus?.(params) ?? 'completed';
  const predict = scenario.meta.predict;
  // A run that could not answer the question (null: it did not get that far) shows no answer.
  const answer = predict ? result[predict.answerKey] : undefined;
  return {
    status, invariants, result, notes, expectedStatus,
    passed: status === expectedStatus && invariants.every((i) => i.ok !== false),
    ...(predict && answer !== undefined && answer !== null ? { prediction: { question: predict.question, answer } } : {}),
  };
}

/** A run read back from the history: what `judgeStored` needs to check it again. */
export interface StoredRun {
  scenario: string;
  params: ParamValues;
  /** 'interrupted' for a run whose host died; the checks say what that leaves unknown. */
  status: RunStatus;
  events: LabEvent[];
  /** Rebuilt from the events' lifecycle steps; `how` null for a process that had not ended. */
  processes: ProcessRecord[];
  /** Events the run had in all, when more than `events` (a cut record). */
  eventCount?: number;
  timeoutS?: number;
  hang?: HangReport;
}

/** Judges a stored run (an interrupted one, say) the way a live run is judged at its end. */
export function judgeStored(stored: StoredRun): Checked<Judgement> {
  const scenario = findScenario(stored.scenario);
  if (!scenario) {
    return { ok: false, error: { code: 'UNKNOWN_SCENARIO', message: `unknown scenario "${stored.scenario}"; valid ids: ${SCENARIOS.map((s) => s.meta.id).join(', ')}` } };
  }
  const rec = new RunRecord();
  rec.add(stored.events);
  if (stored.eventCount !== undefined && stored.eventCount > rec.eventCount) {
    rec.eventCount = stored.eventCount;
    rec.truncated = true;
  }
  rec.processes = stored.processes;
  rec.status = stored.status;
  rec.timeoutS = stored.timeoutS;
  rec.hang = stored.hang;
  rec.capped = stored.events.some((e) => e.kind === 'note' && e.op === 'cap');
  rec.crashed = stored.processes.filter((p) => p.how === 'crashed' || p.how === 'raised' || (p.how === 'exit' && p.exitCode !== 0)).map((p) => p.pid);
  const j = judge(scenario, stored.params, rec);
  if (stored.status === 'interrupted') {
    j.notes.unshift(`The lab's host stopped during this run; these checks read the ${rec.events.length} events it had stored, and say what that leaves unknown.`);
  }
  return { ok: true, value: j };
}

function round(x: number): number { return Math.round(x * 1000) / 1000; }
