import { afterAll, describe, expect, it } from 'vitest';
import { processTimelines, stateKind } from '../../../shared/analysis/process-timelines';
import { newHost, probe } from '../../support/lab-host';

const host = newHost();
afterAll(() => host.close());

describe('processTimelines', () => {
  it('tiles each process\'s life with its states, blocked getters included', async () => {
    const { report, record } = await probe(host, 'queue-fifo', 50);
    const timelines = processTimelines(record.events, report.durationMs * 1000);
    expect([...timelines.keys()].sort()).toEqual(report.processes.map((p) => p.pid).sort());
    for (const p of report.processes) {
      const spans = timelines.get(p.pid)!;
      for (let i = 1; i < spans.length; i++) expect(spans[i].start).toBe(spans[i - 1].end);
      expect(spans[0].start).toBe(record.life(p.pid, 'created')!.t);
      expect(spans.at(-1)!.end).toBe(record.life(p.pid, 'exited')!.t);
    }
    for (const name of ['A', 'B', 'C']) {
      const pid = report.processes.find((p) => p.name === name)!.pid;
      expect(timelines.get(pid)!.map((s) => s.label)).toContain('blocked: get on w');
    }
    const main = report.processes.find((p) => p.name === 'MainProcess')!.pid;
    expect(timelines.get(main)!.map((s) => stateKind(s.label))).toEqual(expect.arrayContaining(['running', 'sleeping', 'blocked']));
  });
});
