// Runs a scenario for real and hands back what the exporters read: the report and the events.
import type { RunExport } from '../../main/core/reports/run-export';
import type { LabHost } from '../../main/core/runs/lab-host';
import type { RunRequest } from '../../main/core/runs/run-request';
import { startRun } from './lab-host';

export async function exportedRun(host: LabHost, req: RunRequest): Promise<RunExport> {
  const handle = startRun(host, { timeoutS: 30, ...req });
  const report = await handle.done;
  return { report, events: handle.record.events };
}

/** One probe case (main/scenarios/internal/probes) with a short time unit. */
export function probeRun(host: LabHost, name: string, timeUnitMs = 20): Promise<RunExport> {
  return exportedRun(host, { scenario: 'probe', params: { case: name, timeUnitMs, seed: 1 } });
}
