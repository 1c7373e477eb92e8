import { afterAll, describe, expect, it } from 'vitest';
import { runJson } from '../../../../main/core/reports/export-json';
import { newHost } from '../../../support/lab-host';
import { exportedRun, probeRun } from '../../../support/exported-run';

const host = newHost();
afterAll(() => host.close());

describe('runJson', () => {
  it('parses back to the report plus its events, the report as `lab run --json` prints it', async () => {
    const runs = [
      await exportedRun(host, { scenario: 'manager-namespace', params: { timeUnitMs: 10, seed: 1 } }),
      await probeRun(host, 'condition'),
    ];
    for (const run of runs) {
      const back = JSON.parse(runJson(run)) as Record<string, unknown>;
      expect(back).toEqual({ ...run.report, events: run.events });
      const { events, ...report } = back;
      expect(report).toEqual(JSON.parse(JSON.stringify(run.report)));
      expect(events).toHaveLength(run.report.eventCount);
    }
  });
});
