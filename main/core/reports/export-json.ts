// JSON export: the report exactly as `lab run --json` prints it, with the full event log
// added as `events`, so one file holds everything a run produced. Written in chunks (one
// event at a time into each), never as one string: a big run's text would not fit in one.
import type { LabEvent } from '../../../shared/events';
import type { RunReport } from '../../../shared/run-report';
import { chunked, jsonObjectWithArray } from './export-chunks';
import type { RunExport } from './run-export';

export function runJsonChunks(report: RunReport, events: Iterable<LabEvent>): Iterable<string> {
  return chunked(jsonObjectWithArray(report, 'events', events));
}

/** The whole text at once: for small runs and the tests (exports use runJsonChunks). */
export function runJson(run: RunExport): string {
  return [...runJsonChunks(run.report, run.events)].join('');
}
