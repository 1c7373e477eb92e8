// `lab export <runId> --format html|pdf|csv|json|trace --out FILE`: a kept run as a file.
// csv writes the events to FILE and the output lines beside it (FILE with .output.csv).
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { RunStore } from '../../core/store/run-store';
import { writeFileAtomic } from '../../core/write-file-atomic';
import { eventsCsv, outputCsv } from '../../core/reports/export-csv';
import { runJson } from '../../core/reports/export-json';
import { chromeTrace } from '../../core/reports/export-trace';
import { reportHtml } from '../../core/reports/html/report-html';
import { printPdf, PdfUnavailable } from '../../core/reports/pdf/print-pdf';
import type { RunExport } from '../../core/reports/run-export';
import { parseCommand } from '../args';
import { openStore } from '../open-store';
import { UsageError } from '../usage-error';
import { findRun } from './show';
import type { Io } from './run';

export const EXPORT_FORMATS = ['html', 'pdf', 'csv', 'json', 'trace'] as const;
export const EXPORT_USAGE = `lab export <runId> --format ${EXPORT_FORMATS.join('|')} --out FILE [--db PATH]`;

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { format: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } }, EXPORT_USAGE);
  if (positionals.length !== 1) throw new UsageError(`export needs one run id\nusage: ${EXPORT_USAGE}`);
  const format = values.format as (typeof EXPORT_FORMATS)[number] | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${values.format ? `, not "${values.format}"` : ''}`);
  if (!values.out) throw new UsageError(`--out FILE is needed\nusage: ${EXPORT_USAGE}`);
  const folder = path.dirname(path.resolve(values.out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`cannot write ${values.out}: the folder ${folder} does not exist`);
  const store = openStore(values.db, io.err, { readOnly: true });
  let run: RunExport;
  try {
    run = loadExport(store, positionals[0]);
  } finally {
    await store.close();
  }
  const files = await render(format, run, values.out);
  try {
    for (const [file, data] of files) writeFileAtomic(file, data);
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code === 'EACCES' ? 'permission denied' : (e as Error).message;
    throw new UsageError(`cannot write ${files.map(([f]) => f).join(' and ')}: ${why}`);
  }
  io.err(`wrote ${files.map(([f]) => f).join(' and ')}`);
  return 0;
}

function loadExport(store: RunStore, runId: string): RunExport {
  return { report: findRun(store, runId), events: store.queries.events(runId) };
}

async function render(format: (typeof EXPORT_FORMATS)[number], run: RunExport, out: string): Promise<[string, string | Uint8Array][]> {
  switch (format) {
    case 'html': return [[out, reportHtml(run)]];
    case 'json': return [[out, runJson(run)]];
    case 'trace': return [[out, JSON.stringify(chromeTrace(run))]];
    case 'csv': return [[out, eventsCsv(run)], [out.replace(/(\.csv)?$/i, '.output.csv'), outputCsv(run)]];
    case 'pdf':
      try {
        return [[out, await printPdf(reportHtml(run))]];
      } catch (e) {
        if (e instanceof PdfUnavailable) throw new UsageError(e.message);
        throw e;
      }
  }
}
