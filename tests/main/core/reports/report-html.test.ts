/// <reference lib="dom" />
// The HTML report in real Chromium with no network, and the PDF printed from it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportHtml } from '../../../../main/core/reports/html/report-html';
import { printPdf } from '../../../../main/core/reports/pdf/print-pdf';
import type { RunExport } from '../../../../main/core/reports/run-export';
import { launchChromium, requireChromium, requireTool } from '../../../support/chromium';
import { newHost, startRun } from '../../../support/lab-host';

const host = newHost(4);
let run: RunExport;
// Launched by the first test that needs it, not in beforeAll: a missing Chromium must fail
// each of these tests with the install line, where a failed hook would only skip them.
let launched: Promise<Browser> | undefined;
const browserFor = () => (launched ??= launchChromium());

beforeAll(async () => {
  const handle = startRun(host, { scenario: 'semaphore-pool', params: { timeUnitMs: 10, seed: 5 } });
  run = { report: await handle.done, events: handle.record.events };
}, 60_000);
afterAll(async () => { await launched?.then((b) => b.close(), () => undefined); await host.close(); });

describe('HTML report', () => {
  it('opens offline with no request at all and draws its three charts', async () => {
    const page = await (await browserFor()).newPage();
    const requests: string[] = [];
    await page.route('**/*', (route) => { requests.push(route.request().url()); return route.abort(); });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.setContent(reportHtml(run), { waitUntil: 'load' });
    await page.waitForSelector('body[data-charts-drawn="3"]', { timeout: 10_000 });
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    // Each canvas has really been painted.
    const painted = await page.$$eval('canvas', (canvases) => canvases.map((c) => {
      const ctx = (c as HTMLCanvasElement).getContext('2d')!;
      const { data } = ctx.getImageData(0, 0, (c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height);
      let n = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
      return n;
    }));
    expect(painted).toHaveLength(3);
    for (const n of painted) expect(n).toBeGreaterThan(2000);
    await page.close();
  });

  it('shows the run: status, parameters, invariants, explanation, a transcript coloured by process, and the raw data', async () => {
    const page = await (await browserFor()).newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(reportHtml(run), { waitUntil: 'load' });
    expect(await page.textContent('h1')).toBe('A semaphore limits the active jobs');
    expect(await page.textContent('.status')).toMatch(/^completed — ended as expected/);
    expect(await page.$$eval('.invariants li .ok', (xs) => xs.length)).toBe(run.report.invariants.length);
    expect(await page.textContent('body')).toContain('What this example shows');
    const colours = await page.$$eval('.transcript span', (spans) => spans.map((s) => (s as HTMLElement).style.color));
    expect(colours).toHaveLength(run.report.output.length);
    expect(new Set(colours).size).toBeGreaterThan(3);
    const embedded = JSON.parse((await page.textContent('#lab-data'))!);
    expect(embedded).toEqual({ report: run.report, events: run.events });
    await page.close();
  });

  it('escapes what programs printed', async () => {
    const hostile: RunExport = { ...run, report: { ...run.report, output: [{ tMs: 1, pid: 1, name: '<b>x</b>', text: '</script><script>alert(1)</script>' }] } };
    const page = await (await browserFor()).newPage();
    const dialogs: string[] = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.dismiss(); });
    await page.setContent(reportHtml(hostile), { waitUntil: 'load' });
    await page.waitForSelector('body[data-charts-drawn]');
    expect(dialogs).toEqual([]);
    expect(await page.textContent('.transcript')).toContain('</script><script>alert(1)</script>');
    await page.close();
  });
});

describe('PDF report', () => {
  it('is printed by Chromium, and its pages render with the report in them', async () => {
    requireChromium();
    for (const tool of ['pdfinfo', 'pdftoppm', 'pdftotext']) requireTool(tool);
    const pdf = await printPdf(reportHtml(run));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-pdf-'));
    const file = path.join(dir, 'report.pdf');
    writeFileSync(file, pdf);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(1);
    execFileSync('pdftoppm', ['-r', '40', '-png', file, path.join(dir, 'page')]);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('A semaphore limits the active jobs');
    expect(text).toContain('each job activates exactly once');
    expect(execFileSync('ls', [dir], { encoding: 'utf8' })).toMatch(/page-1\.png/);
  }, 60_000);
});
