// `lab run all [--time-unit-ms N] [--json]`: every catalogue scenario with its defaults, one
// line each (or one JSON array), for a teacher checking a classroom machine. Exit 0 only
// when every scenario ended as it is meant to, with its invariants holding.
import { parseArgs } from 'node:util';
import type { RunReport } from '../../../shared/run-report';
import type { LabHost } from '../../core/runs/lab-host';
import type { RunHandle } from '../../core/runs/run-handle';
import { SCENARIOS } from '../../scenarios/registry';
import { EXIT, UsageError } from '../usage-error';
import type { Io } from './run';

export async function runAllCommand(host: LabHost, argv: string[], io: Io, onRun: (r: RunHandle) => void, interrupted: () => boolean): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { json: { type: 'boolean' }, 'time-unit-ms': { type: 'string' } } }));
  } catch (e) {
    throw new UsageError(`${(e as Error).message}\nusage: lab run all [--time-unit-ms N] [--json]`);
  }
  const params: Record<string, unknown> = {};
  if (values['time-unit-ms'] !== undefined) {
    const n = Number(values['time-unit-ms']);
    if (!Number.isInteger(n) || n < 1 || n > 2000) throw new UsageError(`--time-unit-ms takes an integer from 1 to 2000, got "${values['time-unit-ms']}"`);
    params.timeUnitMs = n;
  }
  const reports: RunReport[] = [];
  for (const [i, scenario] of SCENARIOS.entries()) {
    if (interrupted()) break;
    const started = host.start({ scenario: scenario.meta.id, params });
    if (!started.ok) throw new UsageError(started.error.message);
    onRun(started.value);
    if (!values.json) io.err(`[${i + 1}/${SCENARIOS.length}] ${scenario.meta.id} …`);
    const r = await started.value.done;
    reports.push(r);
    if (!values.json) io.out(line(r));
  }
  const passed = reports.filter((r) => r.passed).length;
  if (values.json) io.out(JSON.stringify(reports));
  else io.out(`${passed} of ${SCENARIOS.length} scenarios ended as expected`);
  if (interrupted()) return EXIT.interrupted;
  return passed === SCENARIOS.length ? EXIT.ok : EXIT.runFailed;
}

function line(r: RunReport): string {
  const held = r.invariants.filter((i) => i.ok).length;
  const expected = r.status === r.expectedStatus ? '' : ` (expected ${r.expectedStatus})`;
  const failed = r.invariants.filter((i) => !i.ok).map((i) => ` ✗ ${i.description}`).join(';');
  return `${r.passed ? '✓' : '✗'} ${r.scenario.padEnd(20)} ${r.status}${expected}  ${(r.durationMs / 1000).toFixed(2)} s  ${held}/${r.invariants.length} invariants${failed}`;
}
