/// <reference lib="dom" />
// A run stored in event format 1 (before the kernel recorded links: real runs of the last
// format-1 kernel, tests/fixtures/events-v1) still exports: a valid Chrome trace with its
// lanes, op slices and counters and no arrows (its metadata says why), and an HTML report
// whose charts draw in real Chromium.
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { chromeTrace } from '../../../../main/core/reports/export-trace';
import { reportHtml } from '../../../../main/core/reports/html/report-html';
import type { ChromeTrace } from '../../../../main/core/reports/trace-event';
import { runChartConfigs } from '../../../../shared/charts/chart-configs';
import { LiveModel } from '../../../../shared/live';
import { V1_RUNS, v1Run } from '../../../fixtures/events-v1/load';
import { launchChromium } from '../../../support/chromium';
import { traceProblems } from '../../../support/trace-format';

let launched: Promise<Browser> | undefined;
const browserFor = () => (launched ??= launchChromium());
afterAll(async () => { await launched?.then((b) => b.close(), () => undefined); });

/** The trace through JSON, as a viewer gets it. */
const traceOf = (name: string): ChromeTrace => JSON.parse(JSON.stringify(chromeTrace(v1Run(name)))) as ChromeTrace;

describe('exports of a format-1 run', () => {
  it.each(V1_RUNS)('give a valid trace with lanes, op slices and counters, and no arrows (%s)', (name) => {
    const run = v1Run(name);
    const t = traceOf(name);
    expect(traceProblems(t)).toEqual([]);
    expect(t.metadata).toMatchObject({ runId: run.report.runId, eventFormat: 1, links: expect.stringMatching(/^none: this run was recorded in event format 1/) });
    expect(t.traceEvents.filter((e) => e.ph === 's' || e.ph === 'f')).toEqual([]);
    for (const p of run.report.processes) {
      const states = t.traceEvents.filter((e) => e.ph === 'X' && e.cat === 'state' && e.pid === p.pid);
      const created = run.events.find((e) => e.pid === p.pid && e.life === 'created')!;
      const exited = run.events.find((e) => e.pid === p.pid && e.life === 'exited')!;
      expect(states[0].ts, p.name).toBe(created.t);
      for (let i = 1; i < states.length; i++) expect(states[i].ts).toBe(states[i - 1].ts + states[i - 1].dur!);
      expect(states.at(-1)!.ts + states.at(-1)!.dur!).toBe(exited.t);
      expect(t.traceEvents).toContainEqual(expect.objectContaining({ ph: 'X', cat: 'life', pid: p.pid, ts: exited.t, name: exited.signal ? `exited (killed by ${exited.signal})` : `exited (exit code ${exited.exitCode})` }));
    }
    // One op slice per op event, with the summaries format 1 recorded.
    const ops = run.events.filter((e) => e.kind === 'op' && e.pid !== 0);
    const slices = new Map(t.traceEvents.filter((e) => e.cat === 'op' && e.ph === 'X').map((s) => [s.args!.seq as number, s]));
    expect(slices.size).toBe(ops.length);
    for (const e of ops) {
      const want: Record<string, unknown> = { seq: e.seq, phase: e.ph };
      if (e.arg !== undefined) want.arg = e.arg;
      if (e.res !== undefined) want.res = e.res;
      if (e.state !== undefined) want.state = e.state;
      expect(slices.get(e.seq)).toMatchObject({ name: `${e.op} ${e.obj}`, ts: e.t, pid: e.pid, args: want });
    }
    const counted = new Set(t.traceEvents.filter((e) => e.ph === 'C').map((e) => e.name));
    expect(counted).toEqual(new Set(run.events.filter((e) => e.kind === 'op' && e.state && e.obj).map((e) => e.obj)));
  });

  it('show the getters of queue-fifo blocked in get on w from their B to their E, and a hung waiter to its end', () => {
    const run = v1Run('queue');
    const t = traceOf('queue');
    for (const proc of ['A', 'B', 'C']) {
      const pid = run.report.processes.find((p) => p.name === proc)!.pid;
      const b = run.events.find((e) => e.pid === pid && e.ph === 'B' && e.op === 'get')!;
      const e = run.events.find((x) => x.pid === pid && x.ph === 'E' && x.op === 'get')!;
      expect(t.traceEvents.filter((x) => x.pid === pid && x.name === 'blocked: get on w')).toEqual([expect.objectContaining({ ts: b.t, dur: e.t - b.t })]);
    }
    const hung = traceOf('missing-wakeup');
    const waiter = v1Run('missing-wakeup').report.processes.find((p) => p.name === 'waiter')!.pid;
    expect(hung.traceEvents.filter((x) => x.pid === waiter && x.cat === 'state').at(-1)!.name).toBe('blocked: wait on never');
  });

  it.each(['semaphore-pool', 'condition'])('give an HTML report whose three charts draw offline in Chromium (%s)', async (name) => {
    const run = v1Run(name);
    // The charts' data: a row per process, a track per object with a state.
    const model = new LiveModel();
    model.fold(run.events);
    const configs = runChartConfigs(model, { toUs: run.report.durationMs * 1000 });
    expect(configs.timeline.data.labels).toHaveLength(run.report.processes.length);
    expect(configs.timeline.data.datasets.find((d) => d.label === 'blocked')!.data.length).toBeGreaterThan(0);
    const page = await (await browserFor()).newPage();
    const requests: string[] = [];
    await page.route('**/*', (route) => { requests.push(route.request().url()); return route.abort(); });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(reportHtml(run), { waitUntil: 'load' });
    await page.waitForSelector('body[data-charts-drawn="3"]', { timeout: 10_000 });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    const painted = await page.$$eval('canvas', (canvases) => canvases.map((c) => {
      const { data } = (c as HTMLCanvasElement).getContext('2d')!.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    }));
    expect(painted).toHaveLength(3);
    for (const n of painted) expect(n).toBeGreaterThan(2000);
    await page.close();
  });
});
