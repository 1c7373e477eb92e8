// CSV export (RFC 4180: CRLF line ends, fields with a quote, comma or line break are quoted
// and their quotes doubled): one row per event, and the printed output.
import type { LabEvent } from '../../../shared/events';
import { errorOf, isV2, processInfoOf } from '../../../shared/event-values';
import { summarizeValue } from '../../../shared/values';
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

/** One row per event. A field the event does not have, or that is null (a free lock's owner), is empty. */
export function eventsCsv(run: RunExport): string {
  const names = processNames(run);
  const row = (e: LabEvent): Cell[] => {
    const s = e.state ?? {};
    return [
      e.seq, e.t, e.pid, names.get(e.pid), e.ph, e.kind, e.obj, e.op, argText(e), resultText(e),
      s.size, s.unfinished, s.value, s.owner, s.flag, s.waiters, e.text, e.life, e.exitCode, e.signal,
      e.call, e.cause, e.item, e.how,
    ];
  };
  return csv(EVENT_COLUMNS, run.events.map(row));
}

/** The printed lines (and error lines) as the report lists them. */
export function outputCsv(run: RunExport): string {
  return csv(['t_ms', 'pid', 'name', 'text'], run.report.output.map((o) => [o.tMs, o.pid, o.name, o.text]));
}

function csv(header: string[], rows: Cell[][]): string {
  return [header, ...rows].map((r) => r.map(field).join(',') + '\r\n').join('');
}

function field(v: Cell): string {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
