/// <reference lib="dom" />
// Two runs compared, exported by the service as one self-contained HTML page, opened in real
// Chromium with no network: both runs' facts, their parameters, invariants and result values
// side by side, every differing row marked (≠ and a word), nothing requested, no script.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Comparison, RunReport } from '../../../../shared/contract';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import type { ExportPart, ExportSink } from '../../../../main/core/service/export-sink';
import { LabService } from '../../../../main/core/service/lab-service';
import { launchChromium } from '../../../support/chromium';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-compare-html-'));
const service = new LabService({ port: new NodeForkPort(), history: { file: path.join(dir, 'lab.sqlite') }, warmWorkers: 0 });
let a: RunReport;
let b: RunReport;
let launched: Promise<Browser> | undefined;

async function runToEnd(params: Record<string, number | string | boolean>): Promise<RunReport> {
  const started = service.start({ scenario: 'manager-namespace', params });
  if (!started.ok) throw new Error(started.error.message);
  const done = await service.finished(started.value.runId);
  if (!done.ok) throw new Error(done.error.message);
  return done.value;
}

beforeAll(async () => {
  a = await runToEnd({ timeUnitMs: 10, seed: 1 });
  b = await runToEnd({ variant: 'mutable-gotcha', timeUnitMs: 10, seed: 2 });
}, 60_000);
afterAll(async () => { await launched?.then((x) => x.close(), () => undefined); await service.close(); });

async function exportCompare(x: string, y: string): Promise<{ html: string; part: ExportPart | null; answer: Awaited<ReturnType<LabService['exportCompare']>> }> {
  let text = '';
  let part: ExportPart | null = null;
  const sink: ExportSink = { open: async (p) => { part = p; return { write: async (c) => { text += String(c); }, end: async () => {} }; } };
  const answer = await service.exportCompare(x, y, sink);
  return { html: text, part, answer };
}

describe('the compare export', () => {
  it('is one HTML page named after both runs, with the same rows as the compare answer', async () => {
    const { html, part, answer } = await exportCompare(a.runId, b.runId);
    expect(answer).toMatchObject({ ok: true, value: { bytes: Buffer.byteLength(html) } });
    expect(part).toEqual({ role: 'main', mime: 'text/html', fileName: `compare-${a.runId}-vs-${b.runId}.html` });
    const compared = await service.compare(a.runId, b.runId);
    if (!compared.ok) throw new Error(compared.error.message);
    const c: Comparison = compared.value;

    const page = await (await (launched ??= launchChromium())).newPage();
    const requests: string[] = [];
    await page.route('**/*', (r) => { requests.push(r.request().url()); return r.abort(); });
    await page.setContent(html, { waitUntil: 'load' });
    expect(requests).toEqual([]);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.textContent('h1')).toBe('A shared namespace and its copies: two runs compared');
    expect(await page.textContent('[data-run="A"]')).toContain(a.runId);
    expect(await page.textContent('[data-run="B"]')).toContain(b.runId);

    const rows = await page.$$eval('tr[data-key]', (trs) => trs.map((tr) => ({
      section: tr.getAttribute('data-section'), key: tr.getAttribute('data-key'), differs: tr.getAttribute('data-differs') === 'true',
      mark: tr.querySelector('.mark')!.textContent, a: tr.children[1].textContent, b: tr.children[2].textContent,
    })));
    expect(rows.map((r) => [r.section, r.key, r.differs])).toEqual(c.rows.map((r) => [r.section, r.key, r.differs]));
    for (const r of rows) expect(r.mark).toBe(r.differs ? 'differs' : 'same');
    expect(rows.find((r) => r.key === 'variant')).toMatchObject({ differs: true, a: 'value', b: 'mutable-gotcha' });
    expect(rows.find((r) => r.key === 'timeUnitMs')).toMatchObject({ differs: false, a: '10', b: '10' });
    // The invariants read as the run report reads them: their description, ✓ / ✗ / – and the detail.
    for (const inv of a.invariants) {
      const row = rows.find((r) => r.section === 'invariant' && r.key === inv.id)!;
      expect(row.a).toContain(inv.ok === null ? '– not judged' : inv.ok ? '✓ held' : '✗ broken');
      expect(row.a).toContain(inv.detail);
    }
    expect(await page.textContent('.summary')).toBe(`${c.rows.filter((r) => r.differs).length} of ${c.rows.length} compared values differ; each is marked ≠.`);
    expect(await page.textContent('body')).toContain('Both runs\' charts on one time axis come with the app\'s replay');
    await page.close();
  }, 60_000);

  it('escapes what the runs hold', async () => {
    // A result value with markup in it comes from a real run's report, changed as a hostile program could print it.
    const { compareHtml } = await import('../../../../main/core/reports/html/compare-html');
    const hostile: RunReport = { ...a, result: { ...a.result, evil: '</td><script>alert(1)</script>' } };
    const html = compareHtml({ a: hostile, b, rows: [{ section: 'result', key: 'evil', a: hostile.result.evil, b: null, differs: true }] });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&#60;/td&#62;&#60;script&#62;alert(1)&#60;/script&#62;');
  });

  it('answers not-found, naming the run, and writes nothing when a run is not kept', async () => {
    const { html, part, answer } = await exportCompare(a.runId, 'no-such-run');
    expect(answer).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('"no-such-run"') } });
    expect(part).toBeNull();
    expect(html).toBe('');
  });
});
