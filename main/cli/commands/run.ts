// `lab run <id> ...`: runs one scenario, streams its output, prints a summary or one JSON object.
import type { LabEvent } from '../../../shared/events';
import type { RunReport } from '../../../shared/run-report';
import type { LabHost } from '../../core/runs/lab-host';
import type { RunHandle } from '../../core/runs/run-handle';
import { parseRunArgs } from '../run-args';
import { EXIT, UsageError } from '../usage-error';
import { ProgressLine } from '../progress-line';
import { openStore } from '../open-store';
import type { Io } from '../io';
import { fullParams } from '../param-text';

export async function runCommand(host: LabHost, argv: string[], io: Io, onRun: (r: RunHandle) => void): Promise<number> {
  const { request, json, db, store: keep } = parseRunArgs(argv);
  const store = keep ? openStore(db, io.err) : undefined;
  const started = host.start(request);
  if (!started.ok) { await store?.close(); throw new UsageError(started.error.message); }
  const run = started.value;
  onRun(run);
  const stored = store?.record(run);
  const progress = new ProgressLine(io.err, io.isTTY);
  const names = new Map<number, string>();
  run.onEvents((batch: LabEvent[]) => {
    for (const e of batch) {
      if (e.kind === 'life' && e.life === 'created') names.set(e.pid, e.res ?? String(e.pid));
      if (e.kind === 'error' && e.op === 'crash') {
        // A crash is news at once, even with --json (stderr): the run goes on without it.
        progress.clear();
        io.err(`✗ crash: ${e.text ?? `pid ${e.pid}`}`);
      } else if (!json && (e.kind === 'print' || e.kind === 'error')) {
        progress.clear();
        const line = `[${names.get(e.pid) ?? '?'} ${e.pid}] ${e.kind === 'error' ? '✗ ' : ''}${e.text}`;
        if (e.kind === 'print') io.out(line); else io.err(line);
      }
    }
    if (!json) progress.update(run);
  });
  if (!json) io.err(`run ${run.id}: ${request.scenario} (seed ${run.config.params.seed}, time unit ${run.config.params.timeUnitMs} ms)`);
  const report = await run.done;
  progress.clear();
  let notKept: unknown;
  if (store) {
    try { await stored; } catch (e) { notKept = e; } finally { await store.close(); }
    if (!json && !notKept) io.err(`kept in the history as ${report.runId} (${store.file})`);
  }
  if (json) io.out(JSON.stringify(report));
  else printSummary(report, io.out);
  if (notKept) throw notKept; // the run happened and is shown; the history's failure ends with exit 1
  return exitCodeOf(report);
}

/** 0 when the run ended as the scenario means it to and every invariant holds. */
export function exitCodeOf(r: RunReport): number {
  if (r.passed) return EXIT.ok;
  return r.status === 'stopped' ? EXIT.interrupted : EXIT.runFailed;
}

export function printSummary(r: RunReport, out: (s: string) => void): void {
  out('');
  const expected = r.expectedStatus !== 'completed' ? ` (this variant is meant to end ${r.expectedStatus})` : '';
  out(`${r.scenario}: ${r.status}${expected} in ${(r.durationMs / 1000).toFixed(2)} s, ${r.processes.length} processes, ${r.eventCount} events`);
  for (const line of fullParams(r.scenario, r.params)) out(`  ${line}`);
  for (const n of r.notes) out(`  note: ${n}`);
  for (const i of r.invariants) out(`  ${i.ok === null ? '– not judged:' : i.ok ? '✓' : '✗'} ${i.description} — ${i.detail}`);
  if (r.prediction) out(`  predict, then run: ${r.prediction.question} → ${JSON.stringify(r.prediction.answer)}`);
  out(`  result: ${JSON.stringify(r.result)}`);
  out(`  run id: ${r.runId}`);
}
