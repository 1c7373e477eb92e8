// Builds the run report: process table, output, the scenario's checks and final status.
import type { InvariantResult, ProcessRecord, RunReport, RunStatus } from '../../../shared/run-report';
import { judgeGuess } from './judge-guess';
import type { RunHandle } from './run-handle';

export function buildReport(run: RunHandle, status: RunStatus, durationMs: number): RunReport {
  const rec = run.record;
  rec.processes = [...run.kernel.procs.values()].map((p): ProcessRecord => ({
    pid: p.pid, name: p.name, program: p.program, parentPid: p.parentPid, daemon: p.daemon,
    exitCode: p.exitCode, signal: p.signal, how: p.how, startMs: round(p.startUs / 1000), endMs: p.endUs === null ? null : round(p.endUs / 1000),
  }));
  rec.status = status;
  let invariants: InvariantResult[] = [];
  let result: Record<string, unknown> = {};
  if (status !== 'stopped') {
    try {
      const check = run.config.scenario.check(rec, run.config.params);
      invariants = check.invariants;
      result = check.result;
      rec.notes.push(...(check.notes ?? []));
    } catch (e) {
      invariants = [{ id: 'checks-ran', description: 'the scenario\'s checks could run', ok: false, detail: (e as Error).message }];
    }
    if (rec.truncated) rec.notes.push(`the event record was cut at ${rec.events.length} of ${rec.eventCount} events; checks saw only those.`);
  }
  const finalStatus = status === 'completed' && invariants.some((i) => i.ok === false) ? 'failed' : status;
  const scenario = run.config.scenario;
  const expectedStatus = scenario.expectedStatus?.(run.config.params) ?? 'completed';
  const predict = scenario.meta.predict;
  const guess = run.config.guess?.trim() || undefined;
  return {
    runId: run.id,
    scenario: run.config.scenario.meta.id,
    status: finalStatus,
    params: run.config.params,
    startedAt: run.startedAt.toISOString(),
    durationMs: round(durationMs),
    processes: rec.processes,
    output: rec.output().map((o) => ({ ...o, tMs: round(o.tMs) })),
    invariants,
    result,
    eventCount: rec.eventCount,
    notes: rec.notes,
    expectedStatus,
    passed: finalStatus === expectedStatus && invariants.every((i) => i.ok !== false),
    ...(predict && Object.prototype.hasOwnProperty.call(result, predict.answerKey)
      ? { prediction: {
        question: predict.question, answer: result[predict.answerKey],
        ...(guess !== undefined ? { guess, right: judgeGuess(guess, result[predict.answerKey]) } : {}),
      } } : {}),
    ...(rec.hang ? { hang: rec.hang } : {}),
  };
}

function round(x: number): number { return Math.round(x * 1000) / 1000; }
