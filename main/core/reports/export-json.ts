// JSON export: the report exactly as `lab run --json` prints it, with the full event log
// added as `events`, so one file holds everything a run produced.
import type { RunExport } from './run-export';

export function runJson(run: RunExport): string {
  return JSON.stringify({ ...run.report, events: run.events });
}
