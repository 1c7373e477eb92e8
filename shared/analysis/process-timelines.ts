// Every process's states over the run (running / blocked: <op> on <obj> / sleeping / exiting),
// from its lifecycle and operation events: the timeline chart's data. The Chrome trace builds
// its tracks from the same processStates().
import type { LabEvent } from '../events';
import { linkEvents } from './event-links';
import { indexLog } from './log-index';
import { processStates, reacquireRelabels, type StateSpan } from './process-states';

export function processTimelines(events: readonly LabEvent[], runEndUs: number): Map<number, StateSpan[]> {
  const index = indexLog(events);
  const relabels = reacquireRelabels(index, linkEvents(events, index));
  const byPid = new Map<number, LabEvent[]>();
  for (const e of events) {
    if (e.pid === 0) continue;
    const list = byPid.get(e.pid);
    if (list) list.push(e); else byPid.set(e.pid, [e]);
  }
  const out = new Map<number, StateSpan[]>();
  for (const [pid, own] of byPid) {
    const created = own.find((e) => e.life === 'created');
    const exited = own.find((e) => e.life === 'exited');
    const start = created?.t ?? own[0].t;
    const end = Math.max(exited?.t ?? runEndUs, start + 1);
    out.set(pid, processStates(own.filter((e) => e.kind === 'op'), start, end, index, relabels.get(pid)));
  }
  return out;
}

/** The colour family of a state label. */
export function stateKind(label: string): 'running' | 'blocked' | 'sleeping' | 'exiting' {
  return label.startsWith('blocked') ? 'blocked' : (label as 'running' | 'sleeping' | 'exiting');
}
