// Renders a run in one export format into a sink.
import type { ExportFormat } from '../../../shared/contract';
import { eventsCsv, outputCsv } from '../reports/export-csv';
import { runJson } from '../reports/export-json';
import { chromeTrace } from '../reports/export-trace';
import { reportHtml } from '../reports/html/report-html';
import { printPdf, PdfUnavailable } from '../reports/pdf/print-pdf';
import type { RunExport } from '../reports/run-export';
import type { ExportSink } from './export-sink';

const MIME: Record<ExportFormat, string> = {
  html: 'text/html', pdf: 'application/pdf', csv: 'text/csv', json: 'application/json', trace: 'application/json',
};
const EXTENSION: Record<ExportFormat, string> = { html: 'html', pdf: 'pdf', csv: 'csv', json: 'json', trace: 'trace.json' };

export function exportFileName(run: RunExport, format: ExportFormat, role: 'main' | 'output' = 'main'): string {
  return `${run.report.scenario}-${run.report.runId}${role === 'output' ? '.output' : ''}.${EXTENSION[format]}`;
}

export async function renderExport(run: RunExport, format: ExportFormat, sink: ExportSink): Promise<{ bytes: number }> {
  let bytes = 0;
  const write = async (role: 'main' | 'output', data: string | Uint8Array) => {
    const stream = await sink.open({ role, mime: MIME[format], fileName: exportFileName(run, format, role) });
    await stream.write(data);
    await stream.end();
    bytes += typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength;
  };
  switch (format) {
    case 'html': await write('main', reportHtml(run)); break;
    case 'json': await write('main', runJson(run)); break;
    case 'trace': await write('main', JSON.stringify(chromeTrace(run))); break;
    case 'csv': await write('main', eventsCsv(run)); await write('output', outputCsv(run)); break;
    case 'pdf':
      try {
        await write('main', await printPdf(reportHtml(run)));
      } catch (e) {
        if (e instanceof PdfUnavailable) throw Object.assign(new Error(e.message), { code: 'unavailable' });
        throw e;
      }
  }
  return { bytes };
}
