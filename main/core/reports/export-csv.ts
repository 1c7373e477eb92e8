// CSV export (RFC 4180: CRLF line ends, fields with a quote, comma or line break are quoted
// and their quotes doubled): one row per event, and the printed output. Made row by row into
// chunks (export-chunks.ts), never as one string: a big run's text would not fit in one.
import type { LabEvent } from '../../../shared/events';
import { errorOf, isV2, processInfoOf } from '../../../shared/event-values';
import type { RunReport } from '../../../shared/run-report';
import { summarizeValue } from '../../../shared/values';
import { chunked } from './export-chunks';
import { processNames, type RunExport } from './run-export';

type Cell = string | number | boolean | null | undefined;

const EVENT_COLUMNS = [
  'seq', 't_us', 'pid', 'process', 'phase', 'kind', 'object', 'op', 'arg', 'res',
  'size', 'unfinished', 'value', 'owner', 'flag', 'waiters', 'text', 'life', 'exitCode', 'signal',
  // The links (format 2): the call a B/E/X belongs to, what woke it, whose item it received.
  'call', 'cause', 'item', 'how',
];

/** The arguments, as one short text (JSON). */
function argText(e: LabEvent): string | undefined {
  if (!isV2(e)) return e.arg;
  if (e.life === 'created') return processInfoOf(e)?.program;
  if (e.object) return e.object.kind;
  return e.args ? summarizeValue(e.args, 200) : undefined;
}

/** What the call returned or raised, as one short text. */
function resultText(e: LabEvent): string | undefined {
  if (!isV2(e)) return e.res;
  if (e.life === 'created') return processInfoOf(e)?.name;
  const err = errorOf(e);
  if (err) return `${err.code}: ${err.message}`;
  return 'value' in e ? summarizeValue(e.value, 200) : undefined;
}

/** One row per event, in chunks. A field the event does not have, or that is null (a free lock's owner), is empty. */
export function eventsCsvChunks(report: RunReport, events: Iterable<LabEvent>): Iterable<string> {
  const names = processNames({ report });
  const row = (e: LabEvent): Cell[] => {
    const s = e.state ?? {};
    return [
      e.seq, e.t, e.pid, names.get(e.pid), e.ph, e.kind, e.obj, e.op, argText(e), resultText(e),
      s.size, s.unfinished, s.value, s.owner, s.flag, s.waiters, e.text, e.life, e.exitCode, e.signal,
      e.call, e.cause, e.item, e.how,
    ];
  };
  return chunked(csvRows(EVENT_COLUMNS, mapped(events, row)));
}

/** The printed lines (and error lines) as the report lists them, in chunks. */
export function outputCsvChunks(report: RunReport): Iterable<string> {
  return chunked(csvRows(['t_ms', 'pid', 'name', 'text'], mapped(report.output, (o) => [o.tMs, o.pid, o.name, o.text])));
}

/** The whole events text at once: for small runs and the tests (exports use the chunks). */
export function eventsCsv(run: RunExport): string {
  return [...eventsCsvChunks(run.report, run.events)].join('');
}

export function outputCsv(run: RunExport): string {
  return [...outputCsvChunks(run.report)].join('');
}

function* mapped<T>(items: Iterable<T>, f: (item: T) => Cell[]): Generator<Cell[]> {
  for (const item of items) yield f(item);
}

function* csvRows(header: string[], rows: Iterable<Cell[]>): Generator<string> {
  yield line(header);
  for (const r of rows) yield line(r);
}

const line = (r: Cell[]): string => `${r.map(field).join(',')}\r\n`;

function field(v: Cell): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
