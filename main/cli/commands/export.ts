// `lab export <runId> --format html|pdf|csv|json|trace --out FILE`: a kept run as a file,
// rendered by the service into a FileSink. csv writes the events to FILE and the output
// lines beside it (FILE with .output.csv). `--out -` writes to standard output (not for csv:
// one stream cannot hold its two tables). Where FILE is a link, a device or a FIFO, see
// write-file-atomic.ts: it is never replaced.
import path from 'node:path';
import { EXPORT_FORMATS, type ExportFormat } from '../../../shared/contract';
import { planWrite, WriteRefused, type WritePlan } from '../../core/write-file-atomic';
import { keptRun } from '../answers';
import { parseCommand } from '../args';
import { FileSink, type Destination } from '../file-sink';
import type { Io } from '../io';
import { withLab } from '../open-lab';
import { UsageError } from '../usage-error';

export const EXPORT_USAGE = `lab export <runId> --format ${EXPORT_FORMATS.join('|')} --out FILE|- [--db PATH]`;

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseCommand(argv, { format: { type: 'string' }, out: { type: 'string' }, db: { type: 'string' } }, EXPORT_USAGE);
  if (positionals.length !== 1) throw new UsageError(`export needs one run id\nusage: ${EXPORT_USAGE}`);
  const format = values.format as ExportFormat | undefined;
  if (!format || !EXPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${EXPORT_FORMATS.join(', ')}${values.format ? `, not "${values.format}"` : ''}`);
  const out = values.out;
  if (!out) throw new UsageError(`--out FILE is needed (or --out - for standard output)\nusage: ${EXPORT_USAGE}`);
  // Checked before the run is read and rendered (a PDF takes seconds), and checked again when written.
  const first = out === '-' ? undefined : plan(out, format);
  const toStdout = !first || first.how === 'stdout';
  if (toStdout && format === 'csv') throw new UsageError(`--out ${out} writes one stream, and csv is two files (the events and FILE.output.csv): give a file name, or use --format json`);
  if (format === 'csv' && first?.how === 'in-place' && first.kind !== 'hard-linked file') {
    throw new UsageError(`cannot write ${out}: csv writes two files (the events and FILE.output.csv), so FILE must be a regular file's name, not a ${first.kind}`);
  }
  const main: Destination = toStdout ? 'stdout' : { file: out, plan: first! };
  const output = format === 'csv' ? { file: outputCsvName(out), plan: plan(outputCsvName(out), format) } : undefined;
  const sink = new FileSink({ main, output }, io);
  return withLab(io, { db: values.db, history: 'read' }, async (lab) => {
    const done = await lab.export(positionals[0], format, sink);
    if (!done.ok && sink.refused) throw new UsageError(refusal(sink.refused.file, sink.refused.error, format));
    keptRun(done);
    if (main === 'stdout') {
      // When the reader went away (`| head`), the CLI ends with 141 and says nothing more.
      if (!sink.stdoutGone) io.err(`wrote the ${format} export to standard output`);
      return 0;
    }
    const written = [main, ...(output ? [output] : [])];
    io.err(`wrote ${written.map(({ file, plan: p }) => (path.resolve(file) === p.file ? file : `${file} (into ${p.file})`)).join(' and ')}`);
    return 0;
  });
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
