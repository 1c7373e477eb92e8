// Runs recorded in event format 1 (no links, summaries in arg/res: real runs of the last
// format-1 kernel, tests/fixtures/events-v1) fold without error: lanes from each B to its E,
// the parent tree from the spawns' answers, exits, object series and the transcript, and no
// arrows, since format 1 recorded no links.
import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../shared/events';
import { isV1, laneSpans, LiveModel, type Span } from '../../../shared/live';
import { V1_RUNS, v1Run } from '../../fixtures/events-v1/load';

const fold = (events: readonly LabEvent[]): LiveModel => {
  const m = new LiveModel();
  for (let i = 0; i < events.length; i += 20) m.fold(events.slice(i, i + 20));
  return m;
};

const spansOf = (m: LiveModel, pid: number): Span[] => laneSpans(m, m.lanes.get(pid)!, 0, m.atUs);
const pidOf = (name: string, proc: string): number => v1Run(name).report.processes.find((p) => p.name === proc)!.pid;

describe('version-1 events', () => {
  it.each(V1_RUNS)('are version 1 (%s)', (name) => {
    const ops = v1Run(name).events.filter((e) => e.kind === 'op');
    expect(ops.length).toBeGreaterThan(0);
    expect(ops.every(isV1)).toBe(true);
    expect(ops.some((e) => e.call !== undefined || e.cause !== undefined || e.item !== undefined)).toBe(false);
  });

  it.each(V1_RUNS)('give each process back-to-back lanes from its creation to its exit, changing only at its own B and E (%s)', (name) => {
    const { report, events } = v1Run(name);
    const m = fold(events);
    for (const p of report.processes) {
      const own = events.filter((e) => e.pid === p.pid);
      const created = own.find((e) => e.life === 'created')!;
      const exited = own.find((e) => e.life === 'exited')!;
      const spans = laneSpans(m, m.lanes.get(p.pid)!, 0, exited.t);
      expect(spans[0].from, p.name).toBe(created.t);
      for (let i = 1; i < spans.length; i++) expect(spans[i].from).toBe(spans[i - 1].to);
      expect(spans.at(-1)!.to).toBe(exited.t);
      expect(m.lanes.get(p.pid)!.exitedUs).toBe(exited.t);
      const begins = new Set(own.filter((e) => e.ph === 'B').map((e) => e.t));
      const ends = new Set(own.filter((e) => e.ph === 'E').map((e) => e.t));
      for (const [i, s] of spans.entries()) {
        if (s.state.phase === 'running') continue;
        expect(begins.has(s.from) || (i > 0 && spans[i - 1].state.phase !== 'running'), `${p.name} ${s.state.label} from ${s.from}`).toBe(true);
        if (i + 1 < spans.length) expect(ends.has(s.to) || begins.has(s.to), `${p.name} ${s.state.label} to ${s.to}`).toBe(true);
      }
      // Every call that blocked for a while shows: a B followed later by an E of the same op.
      const blocked = own.filter((e) => e.ph === 'B' && own.some((x) => x.ph === 'E' && x.t > e.t + 1 && (x.op === e.op || (e.op === 'wait' && x.op === 're-acquire'))));
      if (blocked.length) expect(spans.some((s) => s.state.phase !== 'running'), p.name).toBe(true);
    }
    expect(m.arrows.length).toBe(0);
    expect(m.summary()).toMatchObject({ missed: 0, unresolvedLinks: 0, events: events.length, exited: report.processes.length });
  });

  it('show the getters of queue-fifo blocked in get on w from their B to their E, and the parent sleeping and joining', () => {
    const { events } = v1Run('queue');
    const m = fold(events);
    for (const proc of ['A', 'B', 'C']) {
      const pid = pidOf('queue', proc);
      const b = events.find((e) => e.pid === pid && e.ph === 'B' && e.op === 'get')!;
      const e = events.find((x) => x.pid === pid && x.ph === 'E' && x.op === 'get')!;
      expect(spansOf(m, pid).filter((s) => s.state.label === 'get on w').map((s) => [s.from, s.to])).toEqual([[b.t, e.t]]);
    }
    const main = spansOf(m, pidOf('queue', 'MainProcess')).map((s) => s.state.label);
    expect(main.filter((l) => l === 'sleeping')).toHaveLength(3);
    expect(main).toContain(`join on proc:${pidOf('queue', 'A')}`);
  });

  it.each(V1_RUNS)('give the process tree, exits and object series (%s)', (name) => {
    const { report, events } = v1Run(name);
    const m = fold(events);
    expect(m.lanes.size).toBe(report.processes.length);
    for (const p of report.processes) {
      expect(m.lanes.get(p.pid)).toMatchObject({ name: p.name, program: p.program, parentPid: p.parentPid, exitCode: p.exitCode, signal: p.signal, how: p.how });
    }
    // Depth first: every child right under its parent's subtree.
    const rows = m.lanes.tree();
    expect(rows.length).toBe(report.processes.length);
    for (const [i, { lane, depth }] of rows.entries()) {
      if (lane.parentPid === null) { expect(depth).toBe(0); continue; }
      const parent = rows.findLastIndex((r, j) => j < i && r.lane.pid === lane.parentPid);
      expect(parent).toBeGreaterThanOrEqual(0);
      expect(depth).toBe(rows[parent].depth + 1);
    }
    const withState = new Set(events.filter((e) => e.state && e.obj).map((e) => e.obj));
    expect(new Set([...m.objects.all()].filter((o) => Object.keys(o.series).length).map((o) => o.label))).toEqual(withState);
    // Each series ends on the state the object's last event recorded.
    for (const label of withState) {
      const last = events.filter((e) => e.obj === label && e.state).at(-1)!.state!;
      const o = m.objects.get(label!)!;
      if (last.size !== undefined) expect(o.series.size!.last, label).toBe(last.size);
      if (last.waiters !== undefined) expect(o.series.waiters!.last, label).toBe(last.waiters);
      if (last.value !== undefined) expect(o.series.value!.last, label).toBe(last.value);
      if (last.owner !== undefined) expect(o.series.owner!.last, label).toBe(last.owner ?? 0);
    }
    expect(m.transcript.query().filter((l) => l.kind === 'print').map((l) => l.text)).toEqual(report.output.map((o) => o.text));
    expect(m.arrows.length).toBe(0);
  });

  it.each(['condition', 'condition-notify'])('show a Condition waiter waiting, then running once it has the lock back (%s)', (name) => {
    const { report, events } = v1Run(name);
    const m = fold(events);
    const waiters = report.processes.filter((p) => events.some((e) => e.pid === p.pid && e.ph === 'E' && e.op === 're-acquire'));
    expect(waiters.length).toBeGreaterThan(1);
    for (const p of waiters) {
      const labels = spansOf(m, p.pid).map((s) => s.state.label);
      expect(labels, p.name).toContain('wait on cond');
      expect(labels.at(-1)).toBe('running');
    }
    // Version 1 created the Condition's own lock without saying so: it is declared as part of it.
    expect(m.objects.get('cond.lock')?.info).toEqual({ kind: 'Lock', label: 'cond.lock', partOf: 'cond' });
  });

  it('end a hung run with the waiter still blocked until it is killed (missing-wakeup)', () => {
    const { report, events } = v1Run('missing-wakeup');
    expect(report.status).toBe('hung');
    const m = fold(events);
    const pid = pidOf('missing-wakeup', 'waiter');
    expect(spansOf(m, pid).at(-1)!.state.label).toBe('wait on never');
    expect(m.lanes.get(pid)).toMatchObject({ signal: 'SIGKILL' });
  });
});
