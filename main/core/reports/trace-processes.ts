// The process tracks of the trace: per process its name, its states as back-to-back slices,
// each operation as a 1 µs slice inside them (a flow arrow binds to the slice enclosing its
// time, so every op needs one), prints, notes and lifecycle steps as instants, and its exit
// as a last 1 µs slice. Events of pid 0 (the kernel itself) go on the shared-objects track.
import type { LabEvent } from '../../../shared/events';
import type { EventLink } from '../../../shared/analysis/event-link';
import type { LogIndex } from '../../../shared/analysis/log-index';
import { processStates, reacquireRelabels, type Relabels } from '../../../shared/analysis/process-states';
import { processNames, type RunExport } from './run-export';
import { SHARED_PID, tidOf, type TraceEvent } from './trace-event';

export interface Anchor { ts: number; pid: number; tid: number }

export interface ProcessTracks {
  events: TraceEvent[];
  /** Event seq → where the event was drawn, for the flow arrows. */
  anchors: Map<number, Anchor>;
}

export function processTracks(run: RunExport, index: LogIndex, links: readonly EventLink[]): ProcessTracks {
  const byPid = new Map<number, LabEvent[]>(run.report.processes.map((p) => [p.pid, []]));
  let runEnd = 0;
  for (const e of run.events) {
    const list = byPid.get(e.pid);
    if (list) list.push(e); else byPid.set(e.pid, [e]);
    runEnd = Math.max(runEnd, e.t + 1);
  }
  const names = processNames(run);
  const relabels = reacquireRelabels(index, links);
  const out: ProcessTracks = { events: [], anchors: new Map() };
  for (const [pid, events] of byPid) {
    if (pid === SHARED_PID) { kernelTrack(events, out); continue; }
    processTrack(pid, names.get(pid) ?? `pid ${pid}`, events, { index, relabels, runEnd }, out);
  }
  return out;
}

function processTrack(pid: number, name: string, events: LabEvent[],
  ctx: { index: LogIndex; relabels: Relabels; runEnd: number }, out: ProcessTracks): void {
  const at = { pid, tid: tidOf(pid) };
  out.events.push(
    { name: 'process_name', ph: 'M', ts: 0, ...at, args: { name: `${name} (pid ${pid})` } },
    { name: 'thread_name', ph: 'M', ts: 0, ...at, args: { name } },
  );
  if (events.length === 0) return;
  const ops = events.filter((e) => e.kind === 'op');
  const exited = events.find((e) => e.kind === 'life' && e.life === 'exited');
  const start = events.reduce((m, e) => Math.min(m, e.t), Infinity);
  // The last op's slice must fit inside the states, before the exit slice.
  const end = ops.reduce((m, e) => Math.max(m, e.t + 1), Math.max(exited?.t ?? ctx.runEnd, start + 1));

  for (const s of processStates(ops, start, end, ctx.index, ctx.relabels.get(pid))) {
    const state = s.label.startsWith('blocked') ? 'blocked' : s.label;
    out.events.push({ name: s.label, cat: 'state', ph: 'X', ts: s.start, dur: s.end - s.start, ...at, args: { state } });
  }
  for (const e of events) {
    if (e.kind === 'op') {
      out.events.push({ name: `${e.op} ${e.obj}`, cat: 'op', ph: 'X', ts: e.t, dur: 1, ...at, args: opArgs(e) });
      out.anchors.set(e.seq, { ts: e.t, ...at });
    } else if (e.life === 'exited') {
      const how = e.signal ? `killed by ${e.signal}` : `exit code ${e.exitCode}`;
      out.events.push({ name: `exited (${how})`, cat: 'life', ph: 'X', ts: end, dur: 1, ...at, args: { exitCode: e.exitCode, signal: e.signal } });
      out.anchors.set(e.seq, { ts: end, ...at });
    } else {
      out.events.push(instant(e, at));
      out.anchors.set(e.seq, { ts: e.t, ...at });
    }
  }
}

function kernelTrack(events: LabEvent[], out: ProcessTracks): void {
  const at = { pid: SHARED_PID, tid: tidOf(SHARED_PID) };
  out.events.push({ name: 'thread_name', ph: 'M', ts: 0, ...at, args: { name: 'kernel' } });
  for (const e of events) out.events.push(instant(e, at));
}

function instant(e: LabEvent, at: { pid: number; tid: number }): TraceEvent {
  const name = e.kind === 'life' ? e.life ?? 'life' : e.kind === 'note' ? e.op ?? 'note' : e.kind === 'op' ? `${e.op} ${e.obj}` : e.kind;
  const args: Record<string, unknown> = { seq: e.seq };
  if (e.text !== undefined) args.text = e.text;
  if (e.kind === 'note' && e.arg) args.key = e.arg;
  if (e.life === 'created') Object.assign(args, { program: e.arg, name: e.res });
  if (e.kind === 'error' && e.op) args.op = e.op;
  return { name, cat: e.kind, ph: 'i', s: 't', ts: e.t, ...at, args };
}

function opArgs(e: LabEvent): Record<string, unknown> {
  const args: Record<string, unknown> = { seq: e.seq, phase: e.ph };
  if (e.arg) args.arg = e.arg;
  if (e.res !== undefined) args.res = e.res;
  if (e.state) args.state = e.state;
  return args;
}
