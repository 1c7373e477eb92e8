// The model does not depend on how events are batched, skips what it was sent twice, and
// keeps only a window when asked, showing inside it what the model that kept everything shows.
import { describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../shared/events';
import { laneSpans, LiveModel, TRACK_FIELDS } from '../../../shared/live';
import { randomRun } from './support/streams';
import { viewFrom } from './support/views';

const inBatches = (events: readonly LabEvent[], size: number, m = new LiveModel()): LiveModel => {
  for (let i = 0; i < events.length; i += size) m.fold(events.slice(i, i + size));
  return m;
};

/** What a window [fromUs, now] shows: spans, series from its start, arrows and lines in it. */
function windowView(m: LiveModel, fromUs: number) {
  const lanes = m.lanes.tree().map(({ lane }) => laneSpans(m, lane, fromUs, m.atUs).map((s) => [s.from, s.to, s.state.label, s.call]));
  const series = [...m.objects.all()].map((o) => TRACK_FIELDS.map((f) => {
    const s = o.series[f];
    if (!s) return null;
    const pts: number[][] = [];
    for (let i = Math.max(0, s.indexAt(fromUs) + 1); i < s.length; i++) pts.push([s.tAt(i), s.vAt(i)]);
    return [s.valueAt(fromUs), pts];
  }));
  return { lanes, series, arrows: [...m.arrows.between(fromUs, m.atUs)], lines: m.transcript.query({ fromUs }) };
}

describe('batches', () => {
  const { events } = randomRun(21, 15_000);
  const whole = viewFrom(inBatches(events, events.length), 0, 0);

  it('gives the same model whatever the batch size', () => {
    for (const size of [1, 7, 200, 500]) expect(viewFrom(inBatches(events, size), 0, 0)).toEqual(whole);
  });

  it('skips events folded already (a subscriber that asks again from an older seq)', () => {
    const m = new LiveModel();
    for (let i = 0; i < events.length; i += 200) m.fold(events.slice(Math.max(0, i - 50), i + 200));
    expect(viewFrom(m, 0, 0)).toEqual(whole);
  });

  it('counts the events a gap in seq left out', () => {
    const m = new LiveModel();
    m.fold(events.slice(0, 100));
    m.fold(events.slice(130, 200));
    expect(m.progress.missed).toBe(30);
    expect(m.progress.events).toBe(170);
  });
});

describe('windows', () => {
  const { events } = randomRun(22, 40_000);
  const full = inBatches(events, 200);

  it('trimBefore forgets the past and keeps the window as it was', () => {
    const m = inBatches(events, 200);
    const cut = Math.floor(m.atUs * 0.7);
    m.trimBefore(cut);
    expect(windowView(m, cut)).toEqual(windowView(full, cut));
    // What is left starts at the window (a span or point in force at its start may begin before).
    let spans = 0, fullSpans = 0;
    for (const { lane } of m.lanes.tree()) spans += lane.spans.length;
    for (const { lane } of full.lanes.tree()) fullSpans += lane.spans.length;
    expect(spans).toBeLessThan(fullSpans * 0.5);
    expect(m.arrows.length).toBeLessThan(full.arrows.length * 0.5);
    expect(m.transcript.length).toBeLessThan(full.transcript.length * 0.5);
  });

  it('retainUs keeps memory to the last N µs while the run goes on', () => {
    const keep = Math.floor(full.atUs / 20);
    const m = inBatches(events, 200, new LiveModel({ retainUs: keep }));
    expect(windowView(m, m.atUs - keep)).toEqual(windowView(full, m.atUs - keep));
    let points = 0, fullPoints = 0;
    for (const o of m.objects.all()) for (const s of Object.values(o.series)) points += s.length;
    for (const o of full.objects.all()) for (const s of Object.values(o.series)) fullPoints += s.length;
    // A window is a twentieth of the run; what is kept may reach back an eighth of a window more.
    expect(points).toBeLessThan(fullPoints / 8);
    expect(m.arrows.length).toBeLessThan(full.arrows.length / 8);
    expect(m.transcript.length).toBeLessThan(full.transcript.length / 8);
    // Snapshots do not depend on the window.
    expect(m.snapshot()).toEqual(full.snapshot());
  });
});
