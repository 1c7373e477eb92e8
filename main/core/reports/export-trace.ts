// Chrome Trace Event Format export, for Perfetto and chrome://tracing: one track per
// process with its states and operations, counter tracks for the shared objects, and flow
// arrows for items (put → get, send → recv), wake-ups (release → acquire, notify → wait,
// set → wait, task_done → join, get → put), spawns and exits (exit → join). Everything is
// read from the live reducers (shared/live) folded over the run, and the arrows from the
// links the kernel recorded: a run stored in event format 1 (before links) still exports,
// with its lanes and counters and no arrows, and its metadata says so.
import { chunked, jsonObjectWithArray } from './export-chunks';
import type { RunExport } from './run-export';
import { counterEvents } from './trace-counters';
import { SHARED_PID, tidOf, type ChromeTrace, type TraceEvent } from './trace-event';
import { flowEvents } from './trace-flows';
import { foldRun } from './trace-fold';
import { processTracks } from './trace-processes';

export function chromeTrace(run: RunExport): ChromeTrace {
  const folded = foldRun(run);
  const tracks = processTracks(folded, run.report);
  const flows = flowEvents(folded, tracks.anchors);
  const traceEvents: TraceEvent[] = [
    { name: 'process_name', ph: 'M', ts: 0, pid: SHARED_PID, tid: tidOf(SHARED_PID), args: { name: 'shared objects' } },
    ...tracks.events,
    ...counterEvents(folded),
    ...flows,
  ];
  traceEvents.sort(byTime);
  const { runId, scenario, status, startedAt, params } = run.report;
  const unresolved = folded.model.summary().unresolvedLinks;
  const links = folded.format === 1
    ? 'none: this run was recorded in event format 1, before the kernel recorded links (call, cause, item); its lanes and counters are shown, no arrows'
    : `${flows.length / 2} arrows from the recorded links${unresolved ? `; ${unresolved} links named an event the reducers no longer held, and are not drawn` : ''}`;
  return { traceEvents, displayTimeUnit: 'ms', metadata: { runId, scenario, status, startedAt, params, eventFormat: folded.format, links } };
}

/** The trace's JSON text in chunks (its metadata first, then one trace event at a time). */
export function chromeTraceChunks(run: RunExport): Iterable<string> {
  const { traceEvents, ...head } = chromeTrace(run);
  return chunked(jsonObjectWithArray(head, 'traceEvents', traceEvents));
}

// At equal times: metadata, then slices from the longest down (so they nest), then flows
// (which bind to the innermost slice open at their time), then instants and counters.
const RANK: Record<TraceEvent['ph'], number> = { M: 0, X: 1, s: 2, f: 2, i: 3, C: 4 };

function byTime(a: TraceEvent, b: TraceEvent): number {
  return a.ts - b.ts || RANK[a.ph] - RANK[b.ph] || (b.dur ?? 0) - (a.dur ?? 0);
}
