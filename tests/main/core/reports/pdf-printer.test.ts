// The PdfPrinter interface, with the implementation the CLI and the browser shell use
// (Chromium through playwright-core): it prints the report, the service prints with the
// printer its host gives it (the desktop app gives Electron's), and without any browser the
// export answers 'unavailable' with the install line.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LabEvent, RunReport } from '../../../../shared/contract';
import { reportHtml } from '../../../../main/core/reports/html/report-html';
import { NO_CHROMIUM_MESSAGE } from '../../../../main/core/reports/pdf/find-chromium';
import type { PdfPrinter } from '../../../../main/core/reports/pdf/pdf-printer';
import { chromiumPdfPrinter } from '../../../../main/core/reports/pdf/print-pdf';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import type { ExportSink } from '../../../../main/core/service/export-sink';
import { LabService } from '../../../../main/core/service/lab-service';
import { requireChromium, requireTool } from '../../../support/chromium';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-pdf-printer-'));
const file = path.join(dir, 'lab.sqlite');
/** The printer the service is given: Chromium's, counting what it is asked to print. */
const asked: string[] = [];
const chromium = chromiumPdfPrinter();
const counting: PdfPrinter = { print: (html) => { asked.push(html); return chromium.print(html); } };
const service = new LabService({ port: new NodeForkPort(), history: { file }, warmWorkers: 0, pdfPrinter: counting });
let run: RunReport;

beforeAll(async () => {
  const started = service.start({ scenario: 'semaphore-pool', params: { timeUnitMs: 10, seed: 5 } });
  if (!started.ok) throw new Error(started.error.message);
  const done = await service.finished(started.value.runId);
  if (!done.ok) throw new Error(done.error.message);
  run = done.value;
}, 60_000);
afterAll(() => service.close());

function bytesSink(): { sink: ExportSink; bytes: () => Buffer } {
  const chunks: Buffer[] = [];
  return {
    sink: { open: async () => ({ write: async (c) => { chunks.push(Buffer.from(c)); }, end: async () => {} }) },
    bytes: () => Buffer.concat(chunks),
  };
}

describe('PdfPrinter', () => {
  it('Chromium\'s prints the report: a PDF whose text is the report\'s', async () => {
    requireChromium();
    requireTool('pdftotext');
    // The report as the export makes it, from the run and its events kept in the history.
    const json = bytesSink();
    expect((await service.export(run.runId, 'json', json.sink)).ok).toBe(true);
    const { events, ...report } = JSON.parse(json.bytes().toString('utf8')) as RunReport & { events: LabEvent[] };
    const pdf = await chromium.print(reportHtml({ report, events }));
    expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const out = path.join(dir, 'direct.pdf');
    writeFileSync(out, pdf);
    const text = execFileSync('pdftotext', [out, '-'], { encoding: 'utf8' });
    expect(text).toContain('A semaphore limits the active jobs');
    expect(text).toContain(run.runId);
  }, 60_000);

  it('is what the service prints a PDF export with: the run\'s HTML report, once', async () => {
    requireChromium();
    const before = asked.length;
    const { sink, bytes } = bytesSink();
    const r = await service.export(run.runId, 'pdf', sink);
    expect(r).toMatchObject({ ok: true, value: { bytes: bytes().length } });
    expect(asked.length).toBe(before + 1);
    expect(asked.at(-1)).toContain(`<code>${run.runId}</code>`);
    expect(asked.at(-1)).toMatch(/^<!doctype html>/);
    expect(bytes().subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 60_000);

  it('without a browser, the export answers unavailable with the install line, and the other formats still work', async () => {
    const saved = process.env.PROCESS_LAB_CHROMIUM;
    process.env.PROCESS_LAB_CHROMIUM = path.join(dir, 'no-browser-here');
    try {
      const r = await service.export(run.runId, 'pdf', bytesSink().sink);
      expect(r).toEqual({ ok: false, error: { code: 'unavailable', message: NO_CHROMIUM_MESSAGE } });
      expect((await service.export(run.runId, 'html', bytesSink().sink)).ok).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.PROCESS_LAB_CHROMIUM; else process.env.PROCESS_LAB_CHROMIUM = saved;
    }
  });
});
