// The process table and the printed output of a run, rebuilt from its event log alone: for a
// run whose host stopped before writing its report (an interrupted run) the events are all
// that is kept. Pure: no I/O, usable by the store, the exports and, later, the app.
//
// What the events say, and what they cannot. Format 2: the 'created' event carries name,
// program, parent pid and daemon. Format 1 (older runs):
// - pid, name (the 'created' event's res), program (its arg) and start time: 'created';
// - exit code, signal, how it ended and end time: 'exited' (none while it still ran);
// - parent pid: the parent's spawn() reply ('E' event of op 'spawn', res {"pid":N,...}) is
//   recorded by the parent, so it names both; a child whose reply never came (the host died
//   first) has parentPid null;
// - daemon: not in the events as such; true when the process ended as a daemon, or when the
//   parent's spawn() call asked for it (told by the call's recorded arguments, when they were
//   not cut short and the call can be told from others under way at the same time); else false.
import type { LabEvent } from '../../../shared/events';
import type { OutputLine, ProcessRecord } from '../../../shared/run-report';

const round = (x: number): number => Math.round(x * 1000) / 1000;

export function processesFromEvents(events: Iterable<LabEvent>): ProcessRecord[] {
  const procs = new Map<number, ProcessRecord>();
  const parents = new Map<number, number>();
  const daemons = new Set<number>();
  /** Per parent: whether each of its spawn() calls not yet answered asked for a daemon
   *  (undefined: cannot tell), or null once the pairing of calls and replies is lost. */
  const pendingSpawns = new Map<number, (boolean | undefined)[] | null>();
  for (const e of events) {
    if (e.kind === 'op' && e.op === 'spawn' && !e.call) {
      let pending = pendingSpawns.get(e.pid);
      if (pending === undefined) pendingSpawns.set(e.pid, (pending = []));
      if (e.ph === 'B') { pending?.push(asksForDaemon(e.arg ?? '')); continue; }
      if (e.ph !== 'E') continue;
      // Several spawns under way at once (an async program, a Pool) answer in any order: the
      // reply tells only when every call under way asked the same.
      let daemon: boolean | undefined;
      if (pending?.length) {
        daemon = pending.every((d) => d === pending[0]) ? pending[0] : undefined;
        if (daemon === undefined && pending.length > 1) pendingSpawns.set(e.pid, null);
        else pending.pop();
      }
      const child = /^\{"pid":(\d+)/.exec(e.res ?? '');
      if (!child) continue; // the spawn failed
      const pid = Number(child[1]);
      parents.set(pid, e.pid);
      if (daemon) daemons.add(pid);
      continue;
    }
    if (e.kind !== 'life') continue;
    if (e.life === 'created') {
      if (e.proc) {
        if (e.proc.parentPid !== null) parents.set(e.pid, e.proc.parentPid);
        if (e.proc.daemon) daemons.add(e.pid);
      }
      procs.set(e.pid, {
        pid: e.pid, name: e.proc?.name ?? e.res ?? String(e.pid), program: e.proc?.program ?? e.arg ?? '', parentPid: null, daemon: false,
        exitCode: null, signal: null, how: null, startMs: round(e.t / 1000), endMs: null,
      });
    } else if (e.life === 'exited') {
      const p = procs.get(e.pid);
      if (!p) continue;
      p.exitCode = e.exitCode ?? null;
      p.signal = e.signal ?? null;
      p.how = e.how ?? null;
      p.endMs = round(e.t / 1000);
    }
  }
  for (const p of procs.values()) {
    p.parentPid = parents.get(p.pid) ?? null;
    p.daemon = daemons.has(p.pid) || p.how === 'daemon';
  }
  return [...procs.values()];
}

/** Whether spawn()'s recorded arguments, [program, args, {name, daemon}], ask for a daemon;
 *  undefined when the summary cut them short. */
function asksForDaemon(arg: string): boolean | undefined {
  try {
    const v = JSON.parse(arg) as unknown;
    return Array.isArray(v) && typeof v[2] === 'object' && v[2] !== null && (v[2] as { daemon?: unknown }).daemon === true;
  } catch {
    return undefined;
  }
}

/** Printed lines and errors in order, named by their process, as the run's report gives them. */
export function outputFromEvents(events: Iterable<LabEvent>, processes: readonly ProcessRecord[]): OutputLine[] {
  const names = new Map(processes.map((p) => [p.pid, p.name]));
  const out: OutputLine[] = [];
  for (const e of events) {
    if (e.kind === 'print' || (e.kind === 'error' && e.text !== undefined)) {
      out.push({ tMs: round(e.t / 1000), pid: e.pid, name: names.get(e.pid) ?? String(e.pid), text: e.kind === 'error' ? `[error] ${e.text}` : e.text ?? '' });
    }
  }
  return out;
}
