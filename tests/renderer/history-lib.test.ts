// The history views' plain modules: parameters changed from the defaults, the date filters
// in the student's time zone, durations, a stored run's transcript and process table from its
// report, and the compare rows as the view shows them. (The replay's reading of a run's
// events is tested in replay-engine.test.ts.)
import { afterAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../main/core/service/compare-runs';
import { scenarioList } from '../../main/core/service/scenario-list';
import { compareSections } from '../../renderer/app/lib/compare-rows';
import { changedParams, formatDuration, localDayEnd, localDayStart } from '../../renderer/app/lib/history-entry';
import { rowsFromRecords, transcriptFromOutput } from '../../renderer/app/lib/stored-run';
import { exportedRun } from '../support/exported-run';
import { newHost } from '../support/lab-host';

const host = newHost(2);
afterAll(() => host.close());
const forkLoop = scenarioList().find((s) => s.id === 'fork-loop')!;

describe('changedParams', () => {
  it('lists the parameters that are not the scenario\'s defaults, never the seed', () => {
    const defaults = Object.fromEntries(forkLoop.params.map((p) => [p.name, p.default]));
    expect(changedParams({ ...defaults, seed: 42 }, forkLoop)).toEqual([]);
    expect(changedParams({ ...defaults, iterations: 2, childExits: false, seed: 1 }, forkLoop)).toEqual(['iterations=2', 'childExits=false']);
    // A scenario the catalogue does not list (an internal one): every parameter but the seed.
    expect(changedParams({ metric: 'queue-1-1', n: 5, seed: 3 }, undefined)).toEqual(['metric=queue-1-1', 'n=5']);
  });
});

describe('the date filters', () => {
  it('take a day of the student\'s calendar, to its end included, as ISO times', () => {
    const start = localDayStart('2026-03-29')!;
    expect(new Date(start).getTime()).toBe(new Date(2026, 2, 29).getTime());
    expect(new Date(localDayEnd('2026-03-29')!).getTime()).toBe(new Date(2026, 2, 30).getTime());
    expect(new Date(localDayEnd('2026-12-31')!).getTime()).toBe(new Date(2027, 0, 1).getTime());
    expect(localDayStart('29/03/2026')).toBeNull();
    expect(localDayEnd('')).toBeNull();
  });

  it('formatDuration reads ms, seconds and minutes; none for a run never ended', () => {
    expect(formatDuration(null)).toBe('–');
    expect(formatDuration(12.4)).toBe('12 ms');
    expect(formatDuration(1234)).toBe('1.23 s');
    expect(formatDuration(125_000)).toBe('2 min 05 s');
  });
});

describe('a stored run from its report', () => {
  it('gives the transcript of its output (errors marked) and its processes, an unended one as such', async () => {
    const run = await exportedRun(host, { scenario: 'probe', params: { case: 'bad-messages', timeUnitMs: 20, seed: 1 } });
    const lines = transcriptFromOutput(run.report.output);
    expect(lines.length).toBeGreaterThanOrEqual(run.report.output.length);
    const errors = run.report.output.filter((o) => o.text.startsWith('[error] '));
    expect(errors.length).toBeGreaterThan(0);
    expect(lines.filter((l) => l.kind === 'error').map((l) => l.text).join('\n')).toBe(errors.map((o) => o.text.slice(8)).join('\n'));
    const rows = rowsFromRecords(run.report.processes);
    expect(rows.map((r) => r.pid)).toEqual([...run.report.processes].sort((a, b) => a.startMs - b.startMs).map((p) => p.pid));
    expect(rows.every((r) => r.state === 'exited')).toBe(true);
    const cut = rowsFromRecords(run.report.processes.map((p) => ({ ...p, exitCode: null, signal: null, how: null, endMs: null })));
    expect(cut.every((r) => r.state === 'unended')).toBe(true);
  });
});

describe('compareSections', () => {
  it('groups the rows, names the run facts and invariants, and reads each value', async () => {
    const a = (await exportedRun(host, { scenario: 'fork-loop', params: { iterations: 2, timeUnitMs: 5, seed: 1 } })).report;
    const b = (await exportedRun(host, { scenario: 'fork-loop', params: { iterations: 3, timeUnitMs: 5, seed: 1 } })).report;
    const sections = compareSections({ a, b, rows: compareRuns(a, b) });
    expect(sections.map((s) => s.id)).toEqual(['run', 'param', 'invariant', 'result']);
    const run = sections[0].rows;
    expect(run.find((r) => r.key === 'passed')).toMatchObject({ label: 'Ended as expected', a: '✓ yes', b: '✓ yes', differs: false });
    expect(run.find((r) => r.key === 'durationMs')!.label).toBe('Duration');
    expect(sections[1].rows.find((r) => r.key === 'iterations')).toMatchObject({ a: '2', b: '3', differs: true });
    const inv = sections[2].rows[0];
    expect(inv.label).toBe(a.invariants[0].description);
    expect(inv.a).toBe(`✓ held: ${a.invariants[0].detail}`);
  });
});
