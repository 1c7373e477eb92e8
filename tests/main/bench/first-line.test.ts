// The bench's first-printed-line rows, run small: each scenario runs, prints, and the figure
// is the run clock's time to its first line, read from the run's own record.
// (How soon that is, is the bench's job, not a test's.)
import { afterAll, describe, expect, it } from 'vitest';
import { FIRST_LINE_SCENARIOS, measureFirstLine } from '../../../main/bench/first-line';
import { newHost } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());

describe('first printed line', () => {
  it.each(FIRST_LINE_SCENARIOS)('%s: the run clock\'s time to the first line, over 2 runs', async (scenario) => {
    const f = await measureFirstLine(host, scenario, 2);
    expect(f).toMatchObject({ scenario, runs: 2 });
    expect(f.minMs).toBeGreaterThan(0);
    expect(f.minMs).toBeLessThanOrEqual(f.medianMs);
    expect(f.medianMs).toBeLessThanOrEqual(f.maxMs);
  });

  it('names a scenario that cannot run', async () => {
    await expect(measureFirstLine(host, 'no-such-scenario', 1)).rejects.toThrow(/^first line of no-such-scenario: /);
  });
});
