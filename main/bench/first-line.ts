// The run clock's time to a scenario's first printed line: how long a student waits after the
// run's clock starts (its processes already prepared) before anything shows. The median of a
// few runs of the scenario with its default parameters and a short time unit.
import type { LabHost } from '../core/runs/lab-host';

export interface FirstLine { scenario: string; medianMs: number; minMs: number; maxMs: number; runs: number }

/** Scenarios with a first-printed-line row in the bench (issue 9: what a slow start changed). */
export const FIRST_LINE_SCENARIOS = ['fork-loop', 'producer-consumer'] as const;

export async function measureFirstLine(host: LabHost, scenario: string, runs = 5, timeUnitMs = 10): Promise<FirstLine> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = host.start({ scenario, params: { timeUnitMs, seed: i + 1 }, timeoutS: 120 });
    if (!started.ok) throw new Error(`first line of ${scenario}: ${started.error.message}`);
    const report = await started.value.done;
    // Unrounded, from the record: microseconds since the run's clock started.
    const first = started.value.record.output()[0];
    if (!first) throw new Error(`first line of ${scenario}: the run (${report.status}) printed nothing`);
    times.push(first.tMs);
  }
  times.sort((a, b) => a - b);
  return { scenario, medianMs: times[Math.floor(times.length / 2)], minMs: times[0], maxMs: times[times.length - 1], runs };
}
