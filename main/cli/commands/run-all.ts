// `lab run all [--time-unit-ms N] [--json]`: every catalogue scenario with its defaults, one
// line each (or one JSON array), for a teacher checking a classroom machine. Exit 0 only
// when every scenario ended as it is meant to, with its invariants holding.
import type { RunReport } from '../../../shared/run-report';
import type { LabHost } from '../../core/runs/lab-host';
import type { RunHandle } from '../../core/runs/run-handle';
import { SCENARIOS } from '../../scenarios/registry';
import { EXIT, UsageError } from '../usage-error';
import type { Io } from '../io';
import { intOption, parseCommand } from '../args';
import { openStore } from '../open-store';

export const RUN_ALL_USAGE = 'lab run all [--time-unit-ms N] [--json] [--db PATH] [--no-store]';

export async function runAllCommand(host: LabHost, argv: string[], io: Io, onRun: (r: RunHandle) => void, interrupted: () => boolean): Promise<number> {
  const { values, positionals } = parseCommand(argv, {
    json: { type: 'boolean' }, 'time-unit-ms': { type: 'string' }, db: { type: 'string' }, 'no-store': { type: 'boolean' },
  }, RUN_ALL_USAGE);
  if (positionals.length) throw new UsageError(`run all takes no scenario id\nusage: ${RUN_ALL_USAGE}`);
  const timeUnitMs = intOption('time-unit-ms', values['time-unit-ms'], 1, 2000);
  const params: Record<string, unknown> = timeUnitMs === undefined ? {} : { timeUnitMs };
  const store = values['no-store'] ? undefined : openStore(values.db, io.err);
  const reports: RunReport[] = [];
  try {
    for (const [i, scenario] of SCENARIOS.entries()) {
      if (interrupted()) break;
      const started = host.start({ scenario: scenario.meta.id, params });
      if (!started.ok) throw new UsageError(started.error.message);
      onRun(started.value);
      if (!values.json) io.err(`[${i + 1}/${SCENARIOS.length}] ${scenario.meta.id} …`);
      const r = await (store ? store.record(started.value) : started.value.done);
      reports.push(r);
      if (!values.json) io.out(line(r));
    }
  } finally {
    await store?.close();
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
