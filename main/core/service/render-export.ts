// Renders a run in one export format into a sink. CSV, JSON and the Chrome trace are written
// in chunks as they are made (never one string: a big run's text would not fit in one); the
// HTML report embeds a bounded part of the run and says what it left out; the PDF is that
// report printed by whichever PdfPrinter the host has (Chromium, or Electron's own).
import type { ExportFormat } from '../../../shared/contract';
import { eventsCsvChunks, outputCsvChunks } from '../reports/export-csv';
import { runJsonChunks } from '../reports/export-json';
import { chromeTraceChunks } from '../reports/export-trace';
import { reportHtml } from '../reports/html/report-html';
import { PdfUnavailable, type PdfPrinter } from '../reports/pdf/pdf-printer';
import type { RunExport } from '../reports/run-export';
import type { ExportPart, ExportSink } from './export-sink';

const MIME: Record<ExportFormat, string> = {
  html: 'text/html', pdf: 'application/pdf', csv: 'text/csv', json: 'application/json', trace: 'application/json',
};
const EXTENSION: Record<ExportFormat, string> = { html: 'html', pdf: 'pdf', csv: 'csv', json: 'json', trace: 'trace.json' };

export function exportFileName(run: Pick<RunExport, 'report'>, format: ExportFormat, role: 'main' | 'output' = 'main'): string {
  return `${run.report.scenario}-${run.report.runId}${role === 'output' ? '.output' : ''}.${EXTENSION[format]}`;
}

/** The file name of two runs compared (an HTML page). */
export function compareFileName(a: string, b: string): string {
  return `compare-${a}-vs-${b}.html`;
}

/** Writes each chunk into a new part of the sink; answers the bytes written. */
export async function writePart(sink: ExportSink, part: ExportPart, chunks: Iterable<string | Uint8Array>): Promise<number> {
  const stream = await sink.open(part);
  let bytes = 0;
  for (const chunk of chunks) {
    await stream.write(chunk);
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
  }
  await stream.end();
  return bytes;
}

export async function renderExport(run: RunExport, format: ExportFormat, sink: ExportSink, printer: PdfPrinter): Promise<{ bytes: number }> {
  let bytes = 0;
  const write = async (role: 'main' | 'output', chunks: Iterable<string | Uint8Array>) => {
    bytes += await writePart(sink, { role, mime: MIME[format], fileName: exportFileName(run, format, role) }, chunks);
  };
  switch (format) {
    case 'html': await write('main', [reportHtml(run)]); break;
    case 'json': await write('main', runJsonChunks(run.report, run.events)); break;
    case 'trace': await write('main', chromeTraceChunks(run)); break;
    case 'csv': await write('main', eventsCsvChunks(run.report, run.events)); await write('output', outputCsvChunks(run.report)); break;
    case 'pdf':
      try {
        await write('main', [await printer.print(reportHtml(run))]);
      } catch (e) {
        if (e instanceof PdfUnavailable) throw Object.assign(new Error(e.message), { code: 'unavailable' });
        throw e;
      }
  }
  return { bytes };
}
