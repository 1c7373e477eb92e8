// Every batch the kernel hands out is in seq order and the seqs of a run have no hole, even
// where an event is recorded while an earlier reserved seq waits (the cap's note inside the
// refused spawn): a live subscriber would otherwise take the late one as missed.
import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../../shared/events';
import { newHost, startRun } from '../../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());

describe('the order of recorded events', () => {
  it('is seq order in every batch, with no hole, when the process cap refuses a runaway\'s spawn', async () => {
    const h = startRun(host, { scenario: 'fork-loop', params: { childExits: false, iterations: 6, maxProcesses: 32, timeUnitMs: 20, seed: 3 }, timeoutS: 60 });
    const batches: number[][] = [];
    h.onEvents((batch: LabEvent[]) => { batches.push(batch.map((e) => e.seq)); });
    const report = await h.done;
    expect(report.notes.join(' ')).toMatch(/32 processes ran; the next start, by .*, was refused/);
    for (const b of batches) expect(b).toEqual([...b].sort((x, y) => x - y));
    const all = batches.flat();
    expect(all).toEqual(Array.from({ length: all.length }, (_, i) => all[0] + i));
    expect(all.at(-1)).toBe(report.eventCount);
  }, 90_000);
});
