// `lab run <id> ...`: runs one scenario through the service, streams its output from the
// service's pushes, then prints a summary or one JSON object.
import type { RunReport } from '../../../shared/run-report';
import { answer, Refused } from '../answers';
import type { Io } from '../io';
import { withLab } from '../open-lab';
import { fullParams } from '../param-text';
import type { RunControl } from '../run-control';
import { readRunArgs, runRequest } from '../run-args';
import { watchRun } from '../run-watch';
import { ScenarioBook } from '../scenario-book';
import { EXIT } from '../usage-error';

export async function runCommand(argv: string[], io: Io, control: RunControl): Promise<number> {
  const args = readRunArgs(argv);
  return withLab(io, { db: args.db, history: args.store ? 'write' : 'none' }, async (lab) => {
    const book = new ScenarioBook(lab);
    const request = runRequest(args, book);
    const started = answer(lab.start(request));
    control.running(lab, started.runId);
    if (!args.json) io.err(`run ${started.runId}: ${request.scenario} (seed ${started.params.seed}, time unit ${started.params.timeUnitMs} ms)`);
    const { report, kept } = await watchRun(lab, started.runId, io, { output: !args.json, progress: !args.json });
    if (kept.ok && lab.historyFile && !args.json) io.err(`kept in the history as ${report.runId} (${lab.historyFile})`);
    if (args.json) io.out(JSON.stringify(report));
    else printSummary(report, io.out, book);
    if (!kept.ok) throw new Refused(kept.error); // the run happened and is shown; the history's failure ends with exit 1
    return exitCodeOf(report);
  });
}

/** 0 when the run ended as the scenario means it to and every invariant holds. */
export function exitCodeOf(r: RunReport): number {
  if (r.passed) return EXIT.ok;
  return r.status === 'stopped' ? EXIT.interrupted : EXIT.runFailed;
}

export function printSummary(r: RunReport, out: (s: string) => void, book: ScenarioBook): void {
  out('');
  const expected = r.expectedStatus !== 'completed' ? ` (this variant is meant to end ${r.expectedStatus})` : '';
  out(`${r.scenario}: ${r.status}${expected} in ${(r.durationMs / 1000).toFixed(2)} s, ${r.processes.length} processes, ${r.eventCount} events`);
  for (const line of fullParams(book.ownParams(r.scenario), r.params)) out(`  ${line}`);
  for (const n of r.notes) out(`  note: ${n}`);
  for (const i of r.invariants) out(`  ${i.ok === null ? '– not judged:' : i.ok ? '✓' : '✗'} ${i.description} — ${i.detail}`);
  if (r.prediction) out(`  predict, then run: ${r.prediction.question} → ${JSON.stringify(r.prediction.answer)}`);
  out(`  result: ${JSON.stringify(r.result)}`);
  out(`  run id: ${r.runId}`);
}
