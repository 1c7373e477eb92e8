// What a viewer sees of a live model from a moment on, as plain data to compare: lanes (tree
// order, spans clipped to the window), series (the value in force at the window's start and
// every point after), arrows, transcript lines, counters, call-rate buckets, and the snapshot.
import { laneSpans, TRACK_FIELDS, type LiveModel } from '../../../../shared/live';

export function viewFrom(m: LiveModel, fromSeq: number, fromUs: number) {
  const lanes = m.lanes.tree().map(({ lane, depth }) => ({
    pid: lane.pid, depth, name: lane.name, parentPid: lane.parentPid, children: [...lane.children],
    exitedUs: lane.exitedUs, exitCode: lane.exitCode, signal: lane.signal, how: lane.how,
    spans: laneSpans(m, lane, fromUs, m.atUs).map((s) => ({ from: s.from, to: s.to, label: s.state.label, call: s.call })),
  }));
  const series: Record<string, Record<string, { at: number | undefined; points: [number, number][] }>> = {};
  for (const o of m.objects.all()) {
    const fields: Record<string, { at: number | undefined; points: [number, number][] }> = {};
    for (const f of TRACK_FIELDS) {
      const s = o.series[f];
      if (!s) continue;
      const points: [number, number][] = [];
      for (let i = Math.max(0, s.indexAt(fromUs) + 1); i < s.length; i++) points.push([s.tAt(i), s.vAt(i)]);
      fields[f] = { at: s.valueAt(fromUs), points };
    }
    series[o.label] = fields;
  }
  const arrows = [];
  for (let i = 0; i < m.arrows.length; i++) { const a = m.arrows.at(i); if (a.to.seq > fromSeq) arrows.push(a); }
  const lines = m.transcript.query().filter((l) => l.seq > fromSeq);
  const p = m.progress;
  const rate: number[] = [];
  const first = Math.floor(fromUs / p.rate.width) + 1;
  for (let i = first; i < p.rate.buckets; i++) rate.push(p.rate.count(i));
  return {
    lanes, series, arrows, lines, rate, rateWidth: p.rate.width,
    progress: { events: p.events, lastSeq: p.lastSeq, lastT: p.lastT, ops: p.ops, errors: p.errors, missed: p.missed, live: m.lanes.live, ever: m.lanes.size, exited: m.lanes.exitedCount },
    snapshot: m.snapshot(),
  };
}
