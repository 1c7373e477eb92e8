import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../shared/run-report';
import { newHost, run } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;
const DEFAULT_REPEATS = 2;
// Each run starts 10 to 14 processes; give the 20-run race room on a busy machine.
const RACE_TIMEOUT_MS = 60_000;
type Seen = { label: string; name: string; pid: number; global: number };

function expectGlobals(r: RunReport, procs: number): void {
  const seen = r.result.globalsSeen as Seen[];
  const root = r.processes.find((p) => p.parentPid === null)!.pid;
  expect(seen.filter((s) => s.pid === root).map((s) => [s.label, s.global])).toEqual([['parent start', 0], ['parent temp', 2 * procs], ['parent end', 2 * procs]]);
  const children = seen.filter((s) => s.pid !== root);
  expect(children).toHaveLength(1 + 4 * procs);
  for (const s of children) expect(s.global).toBe(s.name.startsWith('loop3') || s.name.startsWith('loop4') ? 1 : 0);
}

describe('shared-memory', () => {
  it(`ends with value 12 and array [8, 8, 8], children never seeing the parent's global, over ${DEFAULT_REPEATS} runs`, async () => {
    for (let i = 0; i < DEFAULT_REPEATS; i++) {
      const r = await run(host, { scenario: 'shared-memory', params: { timeUnitMs: 2, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['array-final', 'value-final', 'lost-updates-explained', 'globals-not-shared', 'children-see-updates']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.result).toMatchObject({ value: 12, array: [8, 8, 8], expectedValue: 12, lostUpdates: 0 });
      expect(r.prediction?.answer).toBe(12);
      expectGlobals(r, 3);
      // Serial children (loop1) see exactly the parent's updates so far.
      const loop1 = r.output.filter((o) => o.name.startsWith('loop1-')).map((o) => o.text.replace(/pid:\d+/, 'pid:X'));
      expect(loop1).toEqual([
        'process 0   : pid:X, global:0, value:1, array:[1, 0, 0]',
        'process 1   : pid:X, global:0, value:2, array:[1, 1, 0]',
        'process 2   : pid:X, global:0, value:3, array:[1, 1, 1]',
      ]);
      expect(r.output.find((o) => o.text.startsWith('parent temp'))!.text).toMatch(/global:6, value:9, array:\[5, 5, 5\]$/);
    }
  });

  it(`loses updates without the lock, and the report names them, over ${REPEATS} runs`, async () => {
    const lost: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'shared-memory', params: { procs: 2, raceIncrements: 200, timeUnitMs: 2, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      const { value, expectedValue, lostUpdates, array } = r.result as { value: number; expectedValue: number; lostUpdates: number; array: number[] };
      expect(expectedValue).toBe(4 * 2 + 2 * 2 * 200);
      expect(array).toEqual([6, 6]);
      expect(value + lostUpdates).toBe(expectedValue);
      expect(r.prediction?.answer).toBe(value);
      expectGlobals(r, 2);
      lost.push(lostUpdates);
      if (lostUpdates > 0) {
        expect(r.notes.join(' ')).toContain(`Lost updates: expected ${expectedValue} but the Value ended at ${value}: ${lostUpdates} increments were lost.`);
        expect(r.notes.join(' ')).toMatch(/Writes made over such a stale read: loop4-\d \(pid \d+\) \d+/);
      }
    }
    // Two racers doing 200 unlocked increments each, started together, collide in every run.
    expect(lost.filter((n) => n === 0), `lost per run: ${lost.join(', ')}`).toEqual([]);
  }, RACE_TIMEOUT_MS);

  it('loses nothing when each increment holds the lock', async () => {
    for (let i = 0; i < 2; i++) {
      const r = await run(host, { scenario: 'shared-memory', params: { procs: 2, raceIncrements: 50, useLock: true, timeUnitMs: 2, seed: i } });
      expect(r.status).toBe('completed');
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.result).toMatchObject({ value: 208, expectedValue: 208, lostUpdates: 0, array: [6, 6] });
      expect(r.notes).toEqual(['No update was lost: the Value ended at the expected 208, because every increment held the lock.']);
    }
  });

  it.each([
    ['procs', 0, 'parameter "procs": 0 is out of range; allowed: an integer from 1 to 8'],
    ['raceIncrements', 1001, 'parameter "raceIncrements": 1001 is out of range; allowed: an integer from 0 to 1000'],
    ['useLock', 'yes', 'parameter "useLock": "yes" is not a boolean; allowed: true or false'],
  ])('refuses %s=%j, naming the allowed values', (name, value, message) => {
    const r = host.start({ scenario: 'shared-memory', params: { [name]: value } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe(message);
  });
});
