// The live charts' drawing code in real Chromium, fed version-2 streams (every kind of link,
// values) and events recorded by real runs (today's kernel: version 1): lanes painted in each
// state's colour, arrows of every kind drawn and hoverable and gone when toggled off, tracks
// with their limits, tooltips naming the event, and a picture drawn bit by bit (only the new
// columns each frame, or shifted by whole pixels while following) equal to one drawn whole.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARROW_STYLES, STATE_COLOURS } from '../../shared/charts/palette';
import type { LabEvent } from '../../shared/events';
import { launchChromium } from '../support/chromium';
import { newHost, startRun } from '../support/lab-host';
import { openDrawingPage } from './support/drawing-page';
import type { Harness, MountOptions } from './support/drawing-harness';

let browser: Browser;
let page: Page;
let problems: string[];
let close: () => Promise<void>;

beforeAll(async () => {
  browser = await launchChromium();
  ({ page, problems, close } = await openDrawingPage(browser));
}, 60_000);
afterAll(async () => {
  await close?.();
  await browser?.close();
});

type H = { harness: Harness };
const mountStream = (stream: 'classroom' | 'massWake' | ['random', number], o: MountOptions = {}) =>
  page.evaluate(([s, opts]) => {
    const h = (window as unknown as H).harness;
    const events = s === 'classroom' ? h.streams.classroom() : s === 'massWake' ? h.streams.massWake() : h.streams.random(s[1]);
    return h.mount(events, opts);
  }, [stream, o] as const);
const pixels = (layer: string, colour?: string) => page.evaluate(([l, c]) => (window as unknown as H).harness.pixels(l as never, c), [layer, colour] as const);
const hover = (on: 'lanes' | 'tracks', x: number, y: number) => page.evaluate(([o, px, py]) => (window as unknown as H).harness.hover(o, px, py), [on, x, y] as const);

describe('the live charts drawing a version-2 stream', () => {
  it('paints every lane in its states\' colours and an arrow of every kind', async () => {
    const m = await mountStream('classroom');
    expect(m.lanes).toBe(7);
    expect(m.arrows).toBeGreaterThan(20);
    expect(m.arrowsDrawn).toBe(m.arrows);
    expect(await pixels('spans')).toBeGreaterThan(2000);
    for (const colour of [STATE_COLOURS.running, STATE_COLOURS.blocked, STATE_COLOURS.sleeping]) expect(await pixels('spans', colour)).toBeGreaterThan(20);
    const kinds = new Set((await page.evaluate(() => (window as unknown as H).harness.arrowList())).map((a) => a.kind));
    expect([...kinds].sort()).toEqual(['exit', 'item', 'spawn', 'wake']);
    for (const k of ['item', 'wake', 'spawn', 'exit'] as const) expect(await pixels('arrows', ARROW_STYLES[k].colour), k).toBeGreaterThan(10);
    expect(await pixels('gutter')).toBeGreaterThan(500);
    expect(problems).toEqual([]);
  });

  it('names the event of a hovered arrow (put → get, release → acquire, spawn → child, exit → join), and drops arrows when they are hidden', async () => {
    await mountStream('classroom');
    const arrows = await page.evaluate(() => (window as unknown as H).harness.arrowList());
    const wanted: [string, string, RegExp][] = [
      ['item', 'q', /^put → get on q$/], ['item', 'pipe', /^send → recv on pipe$/], ['wake', 'lock', /^release → acquire on lock$/],
      ['wake', 'ready', /^set → wait on ready$/], ['spawn', '', /^spawn → child on /], ['exit', '', /^exit → (join|parent's exit) on /],
    ];
    for (const [kind, obj, title] of wanted) {
      const i = arrows.findIndex((a) => a.kind === kind && (obj === '' || a.obj === obj) && a.fromPid !== a.toPid);
      expect(i, `${kind} on ${obj}`).toBeGreaterThanOrEqual(0);
      const at = await page.evaluate((k) => (window as unknown as H).harness.arrowAt(k), i);
      const tip = await hover('lanes', at.x, at.y);
      expect(tip.hit, `${kind} on ${obj}`).toBe('arrow');
      expect(tip.title).toMatch(title);
      expect(tip.seqs).toEqual([arrows[i].fromSeq, arrows[i].toSeq]);
      const rows = Object.fromEntries(tip.rows!);
      expect(rows.from).toMatch(/\(pid \d+\) at \d+\.\d{6} s$/);
      expect(rows.cause).toBeDefined();
    }
    const i = arrows.findIndex((a) => a.kind === 'item' && a.obj === 'q');
    const at = await page.evaluate((k) => (window as unknown as H).harness.arrowAt(k), i);
    await page.evaluate(() => (window as unknown as H).harness.setArrows(false));
    expect((await hover('lanes', at.x, at.y)).hit).not.toBe('arrow');
    await page.evaluate(() => (window as unknown as H).harness.setArrows(true));
    expect((await hover('lanes', at.x, at.y)).hit).toBe('arrow');
  });

  it('hovering a span names its process, state and call; a track point names the event that changed it', async () => {
    const events: LabEvent[] = await page.evaluate(() => (window as unknown as H).harness.streams.classroom());
    await page.evaluate((e) => (window as unknown as H).harness.mount(e), events);
    // The consumer's first get blocked on the empty queue, until the producer's put.
    const b = events.find((e) => e.ph === 'B' && e.op === 'get' && e.obj === 'q')!;
    const end = events.find((e) => e.ph === 'E' && e.call === b.seq)!;
    const at = await page.evaluate(([pid, us]) => (window as unknown as H).harness.laneAt(pid, us), [b.pid, (b.t + end.t) / 2] as const);
    // The put's arrow ends on this span: with arrows hidden the pointer is on the span itself.
    await page.evaluate(() => (window as unknown as H).harness.setArrows(false));
    const tip = await hover('lanes', at.x, at.y);
    await page.evaluate(() => (window as unknown as H).harness.setArrows(true));
    expect(tip.hit).toBe('span');
    expect(tip.title).toMatch(new RegExp(`^consumer \\(pid ${b.pid}\\)$`));
    const rows = Object.fromEntries(tip.rows!);
    expect(rows.state).toBe('‖ blocked: get on q');
    expect(rows.call).toMatch(/get\(True, None\) on q$/);
    expect(rows.answer).toMatch(/get on q → 'a'$/);
    expect(tip.seqs).toEqual([b.seq, end.seq]);

    // The queue's depth: the put of "b" made it 1.
    const put = events.find((e) => e.op === 'put' && e.obj === 'q' && e.args?.[0] === 'b')!;
    const next = events.find((e) => e.seq > put.seq && e.obj === 'q' && e.state)!;
    const p = await page.evaluate(([us]) => (window as unknown as H).harness.trackAt('q', us), [(put.t + next.t) / 2] as const);
    const point = await hover('tracks', p.x, p.y);
    expect(point.hit).toBe('point');
    expect(point.title).toBe('q (Queue)');
    expect(Object.fromEntries(point.rows!)).toMatchObject({ size: '1', event: expect.stringMatching(/^producer \(pid \d+\) put\('b', True, None\) on q → None$/) });
  });

  it('draws a track per shared object with its limits (queue maxsize, semaphore bound), hidden locks left to their owners', async () => {
    const m = await mountStream('classroom');
    const byLabel = Object.fromEntries(m.trackRows.map((r) => [r.label, r]));
    expect(Object.keys(byLabel)).toEqual(['q', 'lock', 'cond', 'ready', 'pipe', 'tasks', 'names', 'ages', 'ns', 'counter', 'arr', 'sem']);
    expect(byLabel.q).toMatchObject({ kind: 'area', limit: 2 });
    expect(byLabel.sem).toMatchObject({ kind: 'area', limit: 2 });
    expect(byLabel.lock.kind).toBe('band');
    expect(byLabel.ready.kind).toBe('band');
    expect(byLabel.counter.kind).toBe('value');
    expect(await pixels('tracks')).toBeGreaterThan(2000);
    expect(await pixels('tracks-overlay')).toBeGreaterThan(500);
  });

  it('draws the same picture bit by bit as whole: new columns each frame, and a following window shifted by whole pixels', async () => {
    const events: LabEvent[] = await page.evaluate(() => (window as unknown as H).harness.streams.random(6000, 11));
    const last = events[events.length - 1].t, first = events[0].t;
    const cases: [string, MountOptions][] = [
      ['still, growing', { batch: 37, window: ['still', Math.ceil((last - first) / 1100) + 1, first] }],
      ['following', { batch: 23, window: ['follow', Math.max(1, Math.ceil((last - first) / 3000)), 0] }],
    ];
    for (const [name, o] of cases) {
      await page.evaluate(([e, opts]) => (window as unknown as H).harness.mount(e, opts), [events, o] as const);
      const { painted, differ, where } = await page.evaluate(() => (window as unknown as H).harness.compareWithRedraw('spans'));
      expect(painted, name).toBeGreaterThan(20_000);
      expect(differ / painted, `${name}: pixels that differ, per 32 columns: ${where.join(' ')}`).toBeLessThan(0.002);
    }
  }, 60_000);

  it('wakes many waiters at once (set, notify_all): an arrow to each, all drawn', async () => {
    const m = await mountStream('massWake');
    expect(m.lanes).toBe(41);
    const arrows = await page.evaluate(() => (window as unknown as H).harness.arrowList());
    expect(arrows.filter((a) => a.kind === 'wake' && a.obj === 'go').length).toBe(40);
    expect(m.arrowsDrawn).toBe(m.arrows);
  });
});

describe('the live charts drawing events recorded by a real run', () => {
  const host = newHost(4);
  let events: LabEvent[] = [];
  beforeAll(async () => {
    const h = startRun(host, { scenario: 'semaphore-pool', params: { timeUnitMs: 10, seed: 5, jobs: 5 } });
    await h.done;
    events = h.record.events;
  }, 60_000);
  afterAll(() => host.close());

  it('paints its lanes, tracks and the recorded links as far as its events say, and names a hovered span\'s call', async () => {
    const m = await page.evaluate((e) => (window as unknown as H).harness.mount(e, { batch: 20 }), events);
    expect(m.lanes).toBe(6);
    // One spawn arrow per child, and the releases that let a blocked acquire through.
    const spawns = events.filter((e) => e.life === 'created' && e.cause !== undefined).length;
    expect(spawns).toBe(5);
    const arrows = await page.evaluate(() => (window as unknown as H).harness.arrowList());
    expect(arrows.filter((a) => a.kind === 'spawn')).toHaveLength(spawns);
    expect(m.arrowsDrawn).toBe(m.arrows);
    expect(m.tracks).toBeGreaterThan(0);
    expect(await pixels('spans', STATE_COLOURS.running)).toBeGreaterThan(200);
    expect(await pixels('spans', STATE_COLOURS.blocked)).toBeGreaterThan(20);
    expect(await pixels('arrows')).toBeGreaterThan(0);
    expect(await pixels('tracks')).toBeGreaterThan(200);
    // The longest sleep, so the pointer is well inside it.
    const sleeps = events.filter((e) => e.ph === 'B' && e.op === 'sleep').map((b) => ({ b, end: events.find((e) => e.seq > b.seq && e.ph === 'E' && e.pid === b.pid)! }));
    const { b, end } = sleeps.sort((x, y) => (y.end.t - y.b.t) - (x.end.t - x.b.t))[0];
    const at = await page.evaluate(([pid, us]) => (window as unknown as H).harness.laneAt(pid, us), [b.pid, (b.t + end.t) / 2] as const);
    // An arrow may cross the lane there (arrows are hit first): with arrows off, the span answers.
    await page.evaluate(() => (window as unknown as H).harness.setArrows(false));
    const tip = await hover('lanes', at.x, at.y);
    expect(tip.hit).toBe('span');
    expect(Object.fromEntries(tip.rows!).state).toBe('☾ sleeping');
    expect(Object.fromEntries(tip.rows!).call).toMatch(/sleep\([\d.]+\) on (clock|kernel)$/);
    expect(problems).toEqual([]);
  });
});
