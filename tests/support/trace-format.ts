// Checks a Chrome Trace Event Format object the way Perfetto and chrome://tracing read it:
// required fields per phase, slices that nest on each thread, and flow arrows whose two
// ends pair up and land inside a slice. Also resolves each flow to the slices it binds to.
import type { ChromeTrace, TraceEvent } from '../../main/core/reports/trace-event';
import type { LabEvent } from '../../shared/events';

const PHASES = new Set(['M', 'X', 'i', 'C', 's', 'f']);

export function traceProblems(trace: ChromeTrace): string[] {
  const problems: string[] = [];
  const bad = (e: TraceEvent, why: string): void => { problems.push(`${why}: ${JSON.stringify(e)}`); };
  if (!Array.isArray(trace.traceEvents)) return ['traceEvents is not an array'];
  if (trace.displayTimeUnit !== 'ms') problems.push(`displayTimeUnit is ${String(trace.displayTimeUnit)}`);
  for (const e of trace.traceEvents) {
    if (typeof e.name !== 'string' || e.name === '') bad(e, 'no name');
    if (!PHASES.has(e.ph)) bad(e, 'unknown ph');
    if (!Number.isFinite(e.ts) || e.ts < 0) bad(e, 'bad ts');
    if (!Number.isInteger(e.pid) || !Number.isInteger(e.tid)) bad(e, 'pid/tid not integers');
    if (e.ph === 'X' && !(Number.isFinite(e.dur) && e.dur! >= 0)) bad(e, 'X without dur >= 0');
    if (e.ph === 'C' && (!e.args || Object.keys(e.args).length === 0 || !Object.values(e.args).every((v) => Number.isFinite(v)))) bad(e, 'C args not all numbers');
    if (e.ph === 'M' && (typeof e.args?.name !== 'string' || e.args.name === '')) bad(e, 'M without args.name');
    if (e.ph === 'i' && e.s !== undefined && !['t', 'p', 'g'].includes(e.s)) bad(e, 'i with a bad scope');
    if ((e.ph === 's' || e.ph === 'f') && (e.id === undefined || typeof e.cat !== 'string' || e.cat === '')) bad(e, 'flow without id or cat');
    if (e.ph === 'f' && e.bp !== undefined && e.bp !== 'e') bad(e, 'f with a bad bp');
  }
  problems.push(...nestingProblems(trace.traceEvents), ...flowProblems(trace));
  return problems;
}

/** Slices on one thread must nest: each one ends before (or when) the one enclosing it ends. */
function nestingProblems(events: TraceEvent[]): string[] {
  const problems: string[] = [];
  for (const slices of slicesByThread(events).values()) {
    const stack: TraceEvent[] = [];
    const end = (s: TraceEvent): number => s.ts + s.dur!;
    for (const s of slices) {
      while (stack.length && end(stack[stack.length - 1]) <= s.ts) stack.pop();
      const parent = stack[stack.length - 1];
      if (parent && end(s) > end(parent)) problems.push(`slice crosses its parent's end: ${JSON.stringify(s)} in ${JSON.stringify(parent)}`);
      stack.push(s);
    }
  }
  return problems;
}

function flowProblems(trace: ChromeTrace): string[] {
  const problems: string[] = [];
  const starts = new Map<string, TraceEvent>();
  const ends = new Map<string, TraceEvent[]>();
  for (const e of trace.traceEvents) {
    const key = `${e.cat}|${e.name}|${String(e.id)}`;
    if (e.ph === 's') {
      if (starts.has(key)) problems.push(`flow start ${key} twice`);
      starts.set(key, e);
    }
    if (e.ph === 'f') { const list = ends.get(key); if (list) list.push(e); else ends.set(key, [e]); }
  }
  for (const [key, s] of starts) {
    const f = ends.get(key) ?? [];
    if (f.length !== 1) { problems.push(`flow ${key} has ${f.length} finishes`); continue; }
    if (f[0].ts < s.ts) problems.push(`flow ${key} finishes before it starts`);
  }
  for (const key of ends.keys()) if (!starts.has(key)) problems.push(`flow ${key} finishes without a start`);
  for (const { start, finish, from, to } of resolveFlows(trace)) {
    if (!from) problems.push(`flow start has no enclosing slice: ${JSON.stringify(start)}`);
    if (!to) problems.push(`flow finish has no enclosing slice: ${JSON.stringify(finish)}`);
  }
  return problems;
}

export interface ResolvedFlow { name: string; start: TraceEvent; finish: TraceEvent; from?: TraceEvent; to?: TraceEvent }

/** Each flow with the innermost slice enclosing each of its ends (what the arrow binds to). */
export function resolveFlows(trace: ChromeTrace): ResolvedFlow[] {
  const threads = slicesByThread(trace.traceEvents);
  const enclosing = (e: TraceEvent): TraceEvent | undefined => {
    let best: TraceEvent | undefined;
    for (const s of threads.get(`${e.pid}/${e.tid}`) ?? []) {
      if (s.ts <= e.ts && e.ts < s.ts + Math.max(s.dur!, 1) && (!best || s.dur! <= best.dur!)) best = s;
    }
    return best;
  };
  const finishes = new Map(trace.traceEvents.filter((e) => e.ph === 'f').map((e) => [`${e.cat}|${e.name}|${String(e.id)}`, e]));
  return trace.traceEvents.filter((e) => e.ph === 's').flatMap((start) => {
    const finish = finishes.get(`${start.cat}|${start.name}|${String(start.id)}`);
    return finish ? [{ name: start.name, start, finish, from: enclosing(start), to: enclosing(finish) }] : [];
  });
}

function slicesByThread(events: TraceEvent[]): Map<string, TraceEvent[]> {
  const out = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph !== 'X') continue;
    const key = `${e.pid}/${e.tid}`;
    const list = out.get(key);
    if (list) list.push(e); else out.set(key, [e]);
  }
  for (const list of out.values()) list.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  return out;
}

/** Each event's time as the live model keeps it (and the trace draws it): its t, never
 *  earlier than the time of the event before it. */
export function modelClock(events: readonly LabEvent[]): Map<number, number> {
  const out = new Map<number, number>();
  let now = -Infinity;
  for (const e of events) { now = Math.max(now, e.t); out.set(e.seq, now); }
  return out;
}
