import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../shared/run-report';
import { newHost, run, survivors } from '../../support/lab-host';

const host = newHost(10);
afterAll(() => host.close());
const REPEATS = 20;
/** Real processes on a shared machine: the repeated runs get room beyond the default 30 s. */
const LONG = 90_000;
const ENDINGS = ['daemon', 'poison-pill', 'joinable', 'none'];
const EXTRA: Record<string, string[]> = {
  'daemon': ['daemons-ended', 'lost-listed'],
  'poison-pill': ['each-once', 'one-pill-each'],
  'joinable': ['all-done-before-join', 'each-once'],
  'none': ['consumers-blocked', 'each-once'],
};
const NAMES = ['Ada', 'Basil', 'Cora', 'Dmitri', 'Elsa', 'Femi', 'Gwen', 'Hugo', 'Ines', 'Jonas', 'Keiko', 'Luca', 'Mira', 'Nico'];
const COMMON = ['all-put', 'no-name-twice', 'none-before-put', 'one-console-holder'];

interface PcResult { ending: string; consumed: Record<string, number>; lost: string[]; consumedCount: number; lostCount: number; producedCount: number }

/** What holds for every ending: the checks, and consumed + lost = every name, once. */
function expectConsistent(r: RunReport, names = NAMES): PcResult {
  const res = r.result as unknown as PcResult;
  expect(r.invariants.every((x) => x.ok), JSON.stringify(r.invariants)).toBe(true);
  expect(r.passed).toBe(true);
  expect(r.status).toBe(r.expectedStatus);
  expect([...Object.keys(res.consumed), ...res.lost].sort()).toEqual([...names].sort());
  expect(res.consumedCount + res.lostCount).toBe(names.length);
  expect(res.producedCount).toBe(names.length);
  expect(r.prediction?.answer).toBe(res.lostCount);
  const consumers = new Set(r.processes.filter((p) => p.program === 'consumer').map((p) => p.pid));
  for (const pid of Object.values(res.consumed)) expect(consumers.has(pid)).toBe(true);
  return res;
}

describe('producer-consumer', () => {
  it(`holds every invariant over ${REPEATS} runs, cycling through the endings at two sizes`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const ending = ENDINGS[i % 4];
      const small = Math.floor(i / 4) % 2 === 1; // 2 producers and 2 consumers instead of 3 and 6
      const names = small ? NAMES.slice(0, 9) : NAMES;
      const size = small ? { producers: 2, consumersPerProducer: 1 } : {};
      const r = await run(host, { scenario: 'producer-consumer', params: { ending, ...size, timeUnitMs: 2, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe(ending === 'none' ? 'hung' : 'completed');
      expect(r.invariants.map((x) => x.id).sort()).toEqual([...COMMON, ...EXTRA[ending]].sort());
      const res = expectConsistent(r, names);
      const consumers = r.processes.filter((p) => p.program === 'consumer');
      expect(consumers).toHaveLength(small ? 2 : 6);
      if (ending === 'daemon') {
        // Whatever was left in the queue is reported lost, in the result and in a note.
        expect(consumers.every((p) => p.daemon && p.signal === 'SIGTERM')).toBe(true);
        expect(r.notes.join(' ')).toMatch(res.lostCount ? new RegExp(`still in the queue \\(${res.lost.join(', ')}\\)`) : /none was lost/);
        continue;
      }
      expect(res.lost).toEqual([]);
      // Each consumer printed what it took, under its own pid.
      for (const [name, pid] of Object.entries(res.consumed)) expect(r.output.some((o) => o.pid === pid && o.text === `${pid} got ${name}`)).toBe(true);
      if (ending !== 'none') continue;
      // The hang names every consumer, blocked in get(), and the note says no end signal was sent.
      for (const c of consumers) {
        expect(r.hang!.blocked).toContainEqual(expect.objectContaining({ pid: c.pid, name: c.name, op: 'get', obj: 'names' }));
        expect(r.notes.find((n) => n.startsWith('No end signal was sent'))).toContain(`${c.name} (pid ${c.pid})`);
      }
      expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
    }
  }, LONG);

  it('ending=daemon loses every name when the parent exits before any consumer wakes (seed 683)', async () => {
    // With seed 683 the producer's four pauses add up to 2 units and the consumer's first pause
    // is 10: the parent exits about 8 units (800 ms) before the consumer would call get().
    const r = await run(host, { scenario: 'producer-consumer', params: { producers: 1, consumersPerProducer: 1, timeUnitMs: 100, seed: 683 } });
    expect(r.status).toBe('completed');
    const res = expectConsistent(r, NAMES.slice(0, 4));
    expect(res.lost).toEqual(['Ada', 'Basil', 'Cora', 'Dmitri']);
    expect(r.prediction?.answer).toBe(4);
    expect(r.notes).toContain('The parent exited with 4 name(s) still in the queue (Ada, Basil, Cora, Dmitri); its daemon consumers were terminated with it, so those names were lost.');
    expect(r.invariants.find((x) => x.id === 'lost-listed')!.detail).toBe('4 left in the queue, 4 listed as lost: Ada, Basil, Cora, Dmitri');
  });

  it('more producers than lists reuse the list lengths, with numbered names, and end cleanly with pills', async () => {
    const r = await run(host, { scenario: 'producer-consumer', params: { producers: 5, consumersPerProducer: 1, ending: 'poison-pill', timeUnitMs: 2, seed: 7 } });
    expect(r.status).toBe('completed');
    const extra = ['Ada 2', 'Basil 2', 'Cora 2', 'Dmitri 2', 'Elsa 2', 'Femi 2', 'Gwen 2', 'Hugo 2', 'Ines 2'];
    expectConsistent(r, [...NAMES, ...extra]);
    expect(r.processes.filter((p) => p.program === 'consumer').map((p) => p.exitCode)).toEqual([0, 0, 0, 0, 0]);
  });

  it.each([
    [{ producers: 0 }, 'parameter "producers": 0 is out of range; allowed: an integer from 1 to 8'],
    [{ consumersPerProducer: 5 }, 'parameter "consumersPerProducer": 5 is out of range; allowed: an integer from 1 to 4'],
    [{ sleepMaxUnits: 1.5 }, 'parameter "sleepMaxUnits": 1.5 is not an integer; allowed: an integer from 0 to 20'],
    [{ ending: 'later' }, 'parameter "ending": "later" is not allowed; allowed: one of daemon, poison-pill, joinable, none'],
  ])('refuses %j, naming the parameter and its allowed values', (params, message) => {
    const r = host.start({ scenario: 'producer-consumer', params });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
  });
});
