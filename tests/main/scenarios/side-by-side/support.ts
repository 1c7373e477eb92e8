// The side-by-side tests run a scenario in the lab and our Python twin of it
// (main/scenarios/python/<id>.py, real multiprocessing) with the same parameters, and
// compare what each printed. Pids differ between the two by nature: these helpers replace
// them by tokens named after the process's part in the program.
import { expect } from 'vitest';
import type { LabHost } from '../../../../main/core/runs/lab-host';
import type { RunReport } from '../../../../shared/run-report';
import { describeRun, runPythonOnce, type PythonRun } from '../../../support/python-runner';
import { run } from '../../../support/lab-host';

export interface LabSide { report: RunReport; lines: string[] }

/** One lab run; its printed lines in order. */
export async function labLines(host: LabHost, scenario: string, params: Record<string, unknown>): Promise<LabSide> {
  const report = await run(host, { scenario, params: { seed: 1, ...params } });
  return { report, lines: report.output.filter((o) => !o.text.startsWith('[error]')).map((o) => o.text) };
}

/** One run of the Python twin, which must end cleanly. */
export async function pyLines(scenario: string, params: Record<string, unknown>): Promise<PythonRun> {
  const r = await runPythonOnce(scenario, params);
  expect(r.code, describeRun(r)).toBe(0);
  expect(r.leftovers, describeRun(r)).toEqual([]);
  return r;
}

/** Every number of 3 or more digits that `tokens` knows becomes its token (a pid). */
export function maskPids(line: string, tokens: ReadonlyMap<number, string>): string {
  return line.replace(/\b\d{3,}\b/g, (d) => tokens.get(Number(d)) ?? d);
}

/** Sorted copy, for lines whose order is the interleaving's. */
export const sorted = (xs: readonly string[]): string[] => [...xs].sort();
