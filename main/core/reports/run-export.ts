// What every exporter reads: a run's report and its event log, as kept by the run record
// (or, later, by the store). Exporters are pure: they only turn this into text or objects.
import type { LabEvent } from '../../../shared/events';
import type { RunReport } from '../../../shared/run-report';

export interface RunExport {
  report: RunReport;
  events: LabEvent[];
}

/** pid → process name, from the report's process table; pid 0 is the kernel itself. */
export function processNames(run: Pick<RunExport, 'report'>): Map<number, string> {
  const names = new Map<number, string>([[0, 'kernel']]);
  for (const p of run.report.processes) names.set(p.pid, p.name);
  return names;
}
