// Chrome Trace Event Format export, for Perfetto and chrome://tracing: one track per
// process with its states and operations, counter tracks for the shared objects, and flow
// arrows for items (put → get, send → recv), wake-ups (set → wait, notify → re-acquire,
// release → acquire, exit → join) and spawns.
import { linkEvents } from '../../../shared/analysis/event-links';
import type { EventLink } from '../../../shared/analysis/event-link';
import { indexLog } from '../../../shared/analysis/log-index';
import type { RunExport } from './run-export';
import { counterEvents } from './trace-counters';
import { SHARED_PID, tidOf, type ChromeTrace, type TraceEvent } from './trace-event';
import { processTracks, type Anchor } from './trace-processes';

export function chromeTrace(run: RunExport): ChromeTrace {
  const index = indexLog(run.events);
  const links = linkEvents(run.events, index);
  const tracks = processTracks(run, index, links);
  const traceEvents: TraceEvent[] = [
    { name: 'process_name', ph: 'M', ts: 0, pid: SHARED_PID, tid: tidOf(SHARED_PID), args: { name: 'shared objects' } },
    ...tracks.events,
    ...counterEvents(run.events, index),
    ...flowEvents(links, tracks.anchors),
  ];
  traceEvents.sort(byTime);
  const { runId, scenario, status, startedAt, params } = run.report;
  return { traceEvents, displayTimeUnit: 'ms', metadata: { runId, scenario, status, startedAt, params } };
}

function flowEvents(links: readonly EventLink[], anchors: Map<number, Anchor>): TraceEvent[] {
  const out: TraceEvent[] = [];
  let id = 0;
  for (const link of links) {
    const from = anchors.get(link.from.seq);
    const to = anchors.get(link.to.seq);
    if (!from || !to || to.ts < from.ts) continue;
    const common = { name: link.kind, cat: 'flow', id: ++id, args: { obj: link.to.obj ?? link.from.obj } };
    out.push({ ...common, ph: 's', ...from }, { ...common, ph: 'f', bp: 'e', ...to });
  }
  return out;
}

// At equal times: metadata, then slices from the longest down (so they nest), then flows
// (which bind to the innermost slice open at their time), then instants and counters.
const RANK: Record<TraceEvent['ph'], number> = { M: 0, X: 1, s: 2, f: 2, i: 3, C: 4 };

function byTime(a: TraceEvent, b: TraceEvent): number {
  return a.ts - b.ts || RANK[a.ph] - RANK[b.ph] || (b.dur ?? 0) - (a.dur ?? 0);
}
