// Decides whether a run can never make progress again, and explains why: who waits on
// what, which pids they wait for, and the wait-for cycle when there is one (deadlock).
import type { BlockedProcess, HangReport } from '../../../shared/run-report';
import type { Kernel } from './kernel';
import { KLock } from './objects/lock';

export type HangFinding = HangReport;

export function findHang(k: Kernel): HangFinding | null {
  const live = [...k.procs.values()].filter((p) => p.alive);
  if (live.length === 0) return null;
  for (const p of live) {
    if (p.killedByKernel) return null;                          // a signal is on its way: its exit re-checks
    if (p.busy || p.waiters.size === 0) return null;          // running, or about to call
    for (const w of p.waiters) if (w.hasTimeout || w.kernelPending) return null; // a timer or the kernel will wake it
  }
  const blocked: BlockedProcess[] = live.map((p) => {
    const w = [...p.waiters][0];
    const obj = k.objects.get(w.objId);
    return {
      pid: p.pid, name: p.name, op: w.op, obj: obj?.label ?? w.objId,
      objKind: obj?.kind ?? (w.objId.startsWith('proc:') ? 'Process' : 'kernel'),
      waitsFor: w.waitsFor(),
    };
  });
  const orphanedLocks = [...k.objects.values()]
    .filter((o): o is KLock => o instanceof KLock && o.owner !== null && !(k.procs.get(o.owner)?.alive ?? false))
    .map((l) => ({ obj: l.label, ownerPid: l.owner as number }));
  const cycle = findCycle(blocked);
  return { blocked, cycle, orphanedLocks, summary: summarize(blocked, cycle, orphanedLocks) };
}

/** Depth-first search over "pid waits for pid" edges; returns the first cycle found. */
function findCycle(blocked: BlockedProcess[]): number[] {
  const edges = new Map(blocked.map((b) => [b.pid, b.waitsFor]));
  const state = new Map<number, 'open' | 'done'>();
  const stack: number[] = [];
  const visit = (pid: number): number[] | null => {
    if (state.get(pid) === 'open') return stack.slice(stack.indexOf(pid));
    if (state.get(pid) === 'done') return null;
    state.set(pid, 'open');
    stack.push(pid);
    for (const next of edges.get(pid) ?? []) {
      const c = visit(next);
      if (c) return c;
    }
    stack.pop();
    state.set(pid, 'done');
    return null;
  };
  for (const b of blocked) { const c = visit(b.pid); if (c) return c; }
  return [];
}

function summarize(blocked: BlockedProcess[], cycle: number[], orphaned: { obj: string; ownerPid: number }[]): string {
  const who = blocked.map((b) => (b.op === 'atexit'
    ? `${b.name} (pid ${b.pid}) has finished its program and waits at exit for its children (${b.waitsFor.join(', ')})`
    : `${b.name} (pid ${b.pid}) waits in ${b.op}() on ${b.obj}`)).join('; ');
  const parts = [`every live process is blocked and nothing left can wake it: ${who}.`];
  if (cycle.length === 1) parts.push(`Deadlock: pid ${cycle[0]} waits for itself: only it could wake its wait (for a pipe, it still holds a copy of the other end and would have to close it).`);
  else if (cycle.length) parts.push(`Deadlock: ${cycle.join(' → ')} → ${cycle[0]} wait for each other.`);
  for (const o of orphaned) parts.push(`${o.obj} is still held by pid ${o.ownerPid}, which exited without releasing it.`);
  return parts.join(' ');
}
