import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../../shared/events';
import { summarizeValue } from '../../../../shared/values';
import { eventsCsv, outputCsv } from '../../../../main/core/reports/export-csv';
import type { RunExport } from '../../../../main/core/reports/run-export';
import { newHost } from '../../../support/lab-host';
import { parseCsv } from '../../../support/csv';
import { exportedRun, probeRun } from '../../../support/exported-run';

const host = newHost(4);
afterAll(() => host.close());

const HEADER = ['seq', 't_us', 'pid', 'process', 'phase', 'kind', 'object', 'op', 'arg', 'res',
  'size', 'unfinished', 'value', 'owner', 'flag', 'waiters', 'text', 'life', 'exitCode', 'signal', 'call', 'cause', 'item', 'how'];

const cell = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** The arg and res columns: the call's arguments and what it returned or raised, as short JSON. */
function argRes(e: LabEvent): [unknown, unknown] {
  if (e.life === 'created') return [e.proc!.program, e.proc!.name];
  if (e.object) return [e.object.kind, 'value' in e ? summarizeValue(e.value, 200) : undefined];
  const res = e.error ? `${e.error.code}: ${e.error.message}` : 'value' in e ? summarizeValue(e.value, 200) : undefined;
  return [e.args ? summarizeValue(e.args, 200) : undefined, res];
}

/** What each column must hold for an event, read straight from the event. */
function expectedRow(e: LabEvent, names: Map<number, string>): string[] {
  const s = e.state ?? {};
  return [e.seq, e.t, e.pid, names.get(e.pid), e.ph, e.kind, e.obj, e.op, ...argRes(e),
    s.size, s.unfinished, s.value, s.owner, s.flag, s.waiters, e.text, e.life, e.exitCode, e.signal, e.call, e.cause, e.item, e.how].map(cell);
}

function checkCsv(run: RunExport): void {
  const names = new Map(run.report.processes.map((p) => [p.pid, p.name]));
  const rows = parseCsv(eventsCsv(run));
  expect(rows[0]).toEqual(HEADER);
  expect(rows).toHaveLength(run.events.length + 1);
  rows.slice(1).forEach((row, i) => expect(row).toEqual(expectedRow(run.events[i], names)));
  const out = parseCsv(outputCsv(run));
  expect(out[0]).toEqual(['t_ms', 'pid', 'name', 'text']);
  expect(out.slice(1)).toEqual(run.report.output.map((o) => [String(o.tMs), String(o.pid), o.name, o.text]));
}

describe('eventsCsv and outputCsv', () => {
  it('parse back (strict RFC 4180) to one row per event with the same values, for real runs', async () => {
    const runs = await Promise.all([
      exportedRun(host, { scenario: 'semaphore-pool', params: { jobs: 6, timeUnitMs: 10, seed: 2 } }),
      exportedRun(host, { scenario: 'manager-namespace', params: { timeUnitMs: 10, seed: 1 } }),
      exportedRun(host, { scenario: 'fork-loop', params: { timeUnitMs: 5, seed: 1 } }),
      probeRun(host, 'pipe'),
      probeRun(host, 'bad-messages'),
    ]);
    for (const run of runs) checkCsv(run);
    // The runs really exercise the quoting: summaries hold commas and quotes.
    const all = runs.map(eventsCsv).join('');
    expect(all).toContain('""');
    expect(all).toMatch(/"\[true,null\]"/);
    expect(runs.some((r) => r.report.output.some((o) => /[",]/.test(o.text)))).toBe(true);
  });

  it('quotes line breaks, carriage returns and quotes inside a field', async () => {
    const run = await probeRun(host, 'event');
    const tricky = 'say "hi",\r\nthen\nbye\r';
    const events = run.events.map((e, i) => (i === 0 ? { ...e, text: tricky } : e));
    const output = [...run.report.output, { tMs: 1.5, pid: 1, name: 'a,b', text: tricky }];
    checkCsv({ report: { ...run.report, output }, events });
    expect(parseCsv(eventsCsv({ report: run.report, events }))[1][16]).toBe(tricky);
  });
});
