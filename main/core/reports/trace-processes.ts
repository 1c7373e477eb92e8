// The process tracks of the trace, from the live model's lanes: per process its name, its
// states as back-to-back slices (the lane's spans: running, sleeping, blocked on what doing
// what; 'exiting' once its atexit was answered), each op event as a 1 µs slice inside them
// (a flow arrow binds to the slice enclosing its time, so every op needs one), prints, notes
// and lifecycle steps as instants, and its exit as a last 1 µs slice. Events of pid 0 (the
// kernel itself) go on the shared-objects track.
import type { LabEvent } from '../../../shared/events';
import { processInfoOf } from '../../../shared/event-values';
import { laneSpans, type Lane } from '../../../shared/live';
import type { RunReport } from '../../../shared/run-report';
import type { FoldedRun } from './trace-fold';
import { SHARED_PID, tidOf, type TraceEvent } from './trace-event';

export interface Anchor { ts: number; pid: number; tid: number }

export interface ProcessTracks {
  events: TraceEvent[];
  /** Event seq → where the event was drawn, for the flow arrows. */
  anchors: Map<number, Anchor>;
}

interface Where { pid: number; tid: number }

export function processTracks(run: FoldedRun, report: RunReport): ProcessTracks {
  const out: ProcessTracks = { events: [], anchors: new Map() };
  const kernel = { pid: SHARED_PID, tid: tidOf(SHARED_PID) };
  out.events.push({ name: 'thread_name', ph: 'M', ts: 0, ...kernel, args: { name: 'kernel' } });
  const named = new Set<number>();
  const exiting = exitingFrom(run);
  for (const lane of run.model.lanes.all()) {
    named.add(lane.pid);
    const at = names(lane.pid, lane.name, out);
    stateSlices(run, lane, exiting.get(lane.pid), at, out);
  }
  // A process the report knows that never showed an event still gets its named track.
  for (const p of report.processes) if (!named.has(p.pid)) names(p.pid, p.name, out);
  for (const e of run.events) {
    const ts = run.at.get(e.seq)!;
    if (e.pid === SHARED_PID) { out.events.push(instant(e, ts, kernel)); continue; }
    const at = { pid: e.pid, tid: tidOf(e.pid) };
    if (e.kind === 'op') {
      out.events.push({ name: opName(e), cat: 'op', ph: 'X', ts, dur: 1, ...at, args: opArgs(e) });
    } else if (e.life === 'exited') {
      const how = e.signal ? `killed by ${e.signal}` : `exit code ${e.exitCode}`;
      const args: Record<string, unknown> = { seq: e.seq, exitCode: e.exitCode, signal: e.signal };
      if (e.how) args.how = e.how;
      out.events.push({ name: `exited (${how})`, cat: 'life', ph: 'X', ts, dur: 1, ...at, args });
    } else {
      out.events.push(instant(e, ts, at));
    }
    out.anchors.set(e.seq, { ts, ...at });
  }
  return out;
}

function names(pid: number, name: string, out: ProcessTracks): Where {
  const at = { pid, tid: tidOf(pid) };
  out.events.push(
    { name: 'process_name', ph: 'M', ts: 0, ...at, args: { name: `${name} (pid ${pid})` } },
    { name: 'thread_name', ph: 'M', ts: 0, ...at, args: { name } },
  );
  return at;
}

/** pid → when its atexit call was answered (from then on its worker is shutting down). */
function exitingFrom(run: FoldedRun): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of run.events) {
    if (e.kind === 'op' && e.ph === 'E' && e.op === 'atexit' && !out.has(e.pid)) out.set(e.pid, run.at.get(e.seq)!);
  }
  return out;
}

/** The lane's spans from its creation to its exit (or the run's last event), back to back. */
function stateSlices(run: FoldedRun, lane: Lane, exiting: number | undefined, at: Where, out: ProcessTracks): void {
  const end = lane.exitedUs ?? run.endUs;
  for (const s of laneSpans(run.model, lane, lane.createdUs, end)) {
    const { phase, obj, op } = s.state;
    const args: Record<string, unknown> = { state: phase };
    if (obj !== undefined) Object.assign(args, { obj, op, call: s.call });
    const slice = (name: string, from: number, to: number, a: Record<string, unknown>): void => {
      if (to > from) out.events.push({ name, cat: 'state', ph: 'X', ts: from, dur: to - from, ...at, args: a });
    };
    if (phase === 'running' && exiting !== undefined && s.to > exiting) {
      const cut = Math.max(s.from, exiting);
      slice('running', s.from, cut, args);
      slice('exiting', cut, s.to, { state: 'exiting' });
    } else {
      slice(phase === 'blocked' ? `blocked: ${s.state.label}` : s.state.label, s.from, s.to, args);
    }
  }
}

function opName(e: LabEvent): string {
  return e.obj === undefined ? e.op ?? 'op' : `${e.op ?? 'op'} ${e.obj}`;
}

/** What the event recorded: its call and links, its structured args, value or error, and
 *  the object's state after it (format 1: the summaries it had instead). */
function opArgs(e: LabEvent): Record<string, unknown> {
  const a: Record<string, unknown> = { seq: e.seq, phase: e.ph };
  if (e.call !== undefined) a.call = e.call;
  if (e.cause !== undefined) a.cause = e.cause;
  if (e.item !== undefined) a.item = e.item;
  if (e.args !== undefined) a.args = e.args;
  if (e.value !== undefined) a.value = e.value;
  if (e.error !== undefined) a.error = e.error;
  if (e.timedOut) a.timedOut = true;
  if (e.object !== undefined) a.object = e.object;
  if (e.state !== undefined) a.state = e.state;
  if (e.arg !== undefined) a.arg = e.arg;
  if (e.res !== undefined) a.res = e.res;
  return a;
}

function instant(e: LabEvent, ts: number, at: Where): TraceEvent {
  const name = e.kind === 'life' ? e.life ?? 'life' : e.kind === 'note' ? e.op ?? 'note' : e.kind === 'op' ? opName(e) : e.kind;
  const args: Record<string, unknown> = { seq: e.seq };
  if (e.text !== undefined) args.text = e.text;
  if (e.kind === 'note') {
    const key = e.args?.[0] ?? e.arg;
    if (key !== undefined) args.key = key;
  }
  if (e.kind === 'error' && e.op) args.op = e.op;
  if (e.kind === 'op') Object.assign(args, opArgs(e));
  const info = processInfoOf(e);
  if (info) Object.assign(args, info);
  if (e.cause !== undefined) args.cause = e.cause;
  return { name, cat: e.kind, ph: 'i', s: 't', ts, ...at, args };
}
