// Runs recorded today (event format version 1: no links, summaries in arg/res) fold without
// error: lanes and series as far as B/E/X go, the parent tree from the spawns' answers, no
// arrows. The lanes agree with shared/analysis's timelines of the same runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processTimelines } from '../../../shared/analysis/process-timelines';
import type { LabEvent } from '../../../shared/events';
import { isV1, laneSpans, LiveModel } from '../../../shared/live';
import type { RunReport } from '../../../shared/run-report';
import { newHost, probe, startRun } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());

interface Run { report: RunReport; events: LabEvent[] }
const runs: Record<string, Run> = {};

beforeAll(async () => {
  const q = await probe(host, 'queue-fifo', 50);
  runs.queue = { report: q.report, events: q.record.events };
  for (const scenario of ['semaphore-pool', 'condition', 'producer-consumer']) {
    const h = startRun(host, { scenario, params: { timeUnitMs: 5, seed: 3 } });
    runs[scenario] = { report: await h.done, events: h.record.events };
  }
}, 120_000);

const fold = (events: readonly LabEvent[]): LiveModel => {
  const m = new LiveModel();
  for (let i = 0; i < events.length; i += 200) m.fold(events.slice(i, i + 200));
  return m;
};

/** Labels in today's words ("blocked: get on w", "exiting") made comparable, equal neighbours merged. */
function normalise(spans: { label: string; start: number; end: number }[]): [string, number, number][] {
  const out: [string, number, number][] = [];
  for (const s of spans) {
    const label = s.label === 'exiting' ? 'running' : s.label.replace(/^blocked: /, '');
    const last = out.at(-1);
    if (last && last[0] === label && last[2] === s.start) last[2] = s.end; else out.push([label, s.start, s.end]);
  }
  return out;
}

describe('version-1 events', () => {
  it('are version 1', () => {
    for (const r of Object.values(runs)) expect(r.events.filter((e) => e.kind === 'op').every(isV1)).toBe(true);
  });

  it.each(['queue', 'semaphore-pool', 'producer-consumer'])('give the lanes shared/analysis gives (%s)', (name) => {
    const { report, events } = runs[name];
    const m = fold(events);
    const today = processTimelines(events, report.durationMs * 1000);
    for (const p of report.processes) {
      const lane = m.lanes.get(p.pid)!;
      const mine = normalise(laneSpans(m, lane, 0, m.atUs).map((s) => ({ label: s.state.label, start: s.from, end: s.to })));
      expect(mine, p.name).toEqual(normalise(today.get(p.pid)!));
    }
    expect(m.arrows.length).toBe(0);
  });

  it.each(['queue', 'semaphore-pool', 'condition', 'producer-consumer'])('give the process tree, exits and object series (%s)', (name) => {
    const { report, events } = runs[name];
    const m = fold(events);
    expect(m.lanes.size).toBe(report.processes.length);
    for (const p of report.processes) {
      expect(m.lanes.get(p.pid)).toMatchObject({ name: p.name, program: p.program, parentPid: p.parentPid, exitCode: p.exitCode, how: p.how });
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
    expect(m.transcript.query().filter((l) => l.kind === 'print').map((l) => l.text)).toEqual(report.output.map((o) => o.text));
    expect(m.arrows.length).toBe(0);
  });

  it('show a Condition waiter waiting, then running once it has the lock back (condition)', () => {
    const { report, events } = runs.condition;
    const m = fold(events);
    const waiter = report.processes.find((p) => p.name.startsWith('stage_2'))!;
    const labels = laneSpans(m, m.lanes.get(waiter.pid)!, 0, m.atUs).map((s) => s.state.label);
    expect(labels).toContain('wait on cond');
    expect(labels.at(-1)).toBe('running');
  });
});
