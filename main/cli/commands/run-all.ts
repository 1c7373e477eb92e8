// `lab run all [--time-unit-ms N] [--json]`: every catalogue scenario with its defaults, one
// line each (or one JSON array), for a teacher checking a classroom machine. Exit 0 only
// when every scenario ended as it is meant to, with its invariants holding. Each run is
// watched through the service like `lab run` (a crash shows at once); the first run the
// history cannot keep ends the command with exit 1.
import type { RunReport } from '../../../shared/run-report';
import { answer, Refused } from '../answers';
import { intOption, parseCommand } from '../args';
import type { Io } from '../io';
import { withLab } from '../open-lab';
import type { RunControl } from '../run-control';
import { watchRun } from '../run-watch';
import { EXIT, UsageError } from '../usage-error';

export const RUN_ALL_USAGE = 'lab run all [--time-unit-ms N] [--json] [--db PATH] [--no-store]';

export async function runAllCommand(argv: string[], io: Io, control: RunControl): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    json: { type: 'boolean' }, 'time-unit-ms': { type: 'string' }, db: { type: 'string' }, 'no-store': { type: 'boolean' },
  }, RUN_ALL_USAGE);
  if (positionals.length) throw new UsageError(`run all takes no scenario id\nusage: ${RUN_ALL_USAGE}`);
  const timeUnitMs = intOption('time-unit-ms', values['time-unit-ms'], 1, 2000);
  const params: Record<string, number> = timeUnitMs === undefined ? {} : { timeUnitMs };
  return withLab(io, { db: values.db, history: values['no-store'] ? 'none' : 'write' }, async (lab) => {
    const scenarios = answer(lab.scenarios());
    const reports: RunReport[] = [];
    for (const [i, scenario] of scenarios.entries()) {
      if (control.interrupted()) break;
      const started = answer(lab.start({ scenario: scenario.id, params }));
      control.running(lab, started.runId);
      if (!values.json) io.err(`[${i + 1}/${scenarios.length}] ${scenario.id} …`);
      const { report, kept } = await watchRun(lab, started.runId, io, { output: false, progress: false });
      if (!kept.ok) throw new Refused(kept.error);
      reports.push(report);
      if (!values.json) io.out(line(report));
    }
    const passed = reports.filter((r) => r.passed).length;
    if (values.json) io.out(JSON.stringify(reports));
    else io.out(`${passed} of ${scenarios.length} scenarios ended as expected`);
    if (control.interrupted()) return EXIT.interrupted;
    return passed === scenarios.length ? EXIT.ok : EXIT.runFailed;
  });
}

function line(r: RunReport): string {
  const held = r.invariants.filter((i) => i.ok).length;
  const expected = r.status === r.expectedStatus ? '' : ` (expected ${r.expectedStatus})`;
  const failed = r.invariants.filter((i) => !i.ok).map((i) => ` ✗ ${i.description}`).join(';');
  return `${r.passed ? '✓' : '✗'} ${r.scenario.padEnd(20)} ${`${r.status}${expected}`.padEnd(11)}${(r.durationMs / 1000).toFixed(2).padStart(6)} s  ${held}/${r.invariants.length} invariants${failed}`;
}
