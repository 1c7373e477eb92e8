// `lab export <runId> --format html|pdf|csv|json|trace --out FILE`: a kept run as a file.
// csv writes the events to FILE and the output lines beside it (FILE with .output.csv).
// `--out -` writes to standard output (not for csv: one stream cannot hold its two tables).
// Where FILE is a link, a device or a FIFO, see write-file-atomic.ts: it is never replaced.
import path from 'node:path';
import type { RunStore } from '../../core/store/run-store';
import { planWrite, writeFileAtomic, WriteRefused, type WritePlan } from '../../core/write-file-atomic';
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
import type { Io } from '../io';

export const EXPORT_FORMATS = ['html', 'pdf', 'csv', 'json', 'trace'] as const;
export const EXPORT_USAGE = `lab export <runId> --format ${EXPORT_FORMATS.join('|')} --out FILE|- [--db PATH]`;

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { format: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } }, EXPORT_USAGE);
  if (positionals.length !== 1) throw new UsageError(`export needs one run id\nusage: ${EXPORT_USAGE}`);
  const format = values.format as (typeof EXPORT_FORMATS)[number] | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${values.format ? `, not "${values.format}"` : ''}`);
  if (!values.out) throw new UsageError(`--out FILE is needed (or --out - for standard output)\nusage: ${EXPORT_USAGE}`);
  // Checked before the run is read and rendered (a PDF takes seconds), and checked again when written.
  const first = values.out === '-' ? undefined : plan(values.out, format);
  const toStdout = !first || first.how === 'stdout';
  if (toStdout && format === 'csv') throw new UsageError(`--out ${values.out} writes one stream, and csv is two files (the events and FILE.output.csv): give a file name, or use --format json`);
  const targets: (readonly [string, WritePlan])[] = first && !toStdout ? [[values.out, first]] : [];
  if (format === 'csv' && first?.how === 'in-place' && first.kind !== 'hard-linked file') {
    throw new UsageError(`cannot write ${values.out}: csv writes two files (the events and FILE.output.csv), so FILE must be a regular file's name, not a ${first.kind}`);
  }
  if (format === 'csv') targets.push([outputCsvName(values.out), plan(outputCsvName(values.out), format)]);
  const store = openStore(values.db, io.err, { readOnly: true });
  let run: RunExport;
  try {
    run = loadExport(store, positionals[0]);
  } finally {
    await store.close();
  }
  const data = await render(format, run);
  if (toStdout) {
    // When the reader went away (`| head`), the CLI ends with 141 and says nothing more.
    if (await io.write(data[0])) io.err(`wrote the ${format} export to standard output`);
    return 0;
  }
  for (const [i, [file]] of targets.entries()) {
    try {
      writeFileAtomic(file, data[i], plan(file, format));
    } catch (e) {
      if (e instanceof WriteRefused) throw new UsageError(refusal(file, e, format));
      throw e;
    }
  }
  io.err(`wrote ${targets.map(([f, p]) => (path.resolve(f) === p.file ? f : `${f} (into ${p.file})`)).join(' and ')}`);
  return 0;
}

function plan(file: string, format: string): WritePlan {
  try {
    return planWrite(file);
  } catch (e) {
    if (e instanceof WriteRefused) throw new UsageError(refusal(file, e, format));
    throw e;
  }
}

function refusal(file: string, e: WriteRefused, format: string): string {
  const example = e.folder ? `, e.g. ${path.join(file, `run.${format === 'trace' ? 'trace.json' : format}`)}` : '';
  return `cannot write ${file}: ${e.message}${example}`;
}

const outputCsvName = (file: string) => file.replace(/(\.csv)?$/i, '.output.csv');

function loadExport(store: RunStore, runId: string): RunExport {
  return { report: findRun(store, runId), events: store.queries.events(runId) };
}

/** The file's contents (csv: the events, then the output lines). */
async function render(format: (typeof EXPORT_FORMATS)[number], run: RunExport): Promise<(string | Uint8Array)[]> {
  switch (format) {
    case 'html': return [reportHtml(run)];
    case 'json': return [runJson(run)];
    case 'trace': return [JSON.stringify(chromeTrace(run))];
    case 'csv': return [eventsCsv(run), outputCsv(run)];
    case 'pdf':
      try {
        return [await printPdf(reportHtml(run))];
      } catch (e) {
        if (e instanceof PdfUnavailable) throw new UsageError(e.message);
        throw e;
      }
  }
}
