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

/**
 * The globals the children showed. Under fork (the default) a child starts with a copy of the
 * parent's count as it is at start(): Process-1 (the first child) 0, loop 1's 1..p, loop 2's
 * p+1..2p, and each updater 2p plus its own += 1. Under spawn every child starts at 0.
 */
function expectGlobals(r: RunReport, procs: number, method: 'fork' | 'spawn' = 'fork'): void {
  const seen = r.result.globalsSeen as Seen[];
  const root = r.processes.find((p) => p.parentPid === null)!.pid;
  expect(seen.filter((s) => s.pid === root).map((s) => [s.label, s.global])).toEqual([['parent start', 0], ['parent temp', 2 * procs], ['parent end', 2 * procs]]);
  const children = seen.filter((s) => s.pid !== root).sort((a, b) => Number(a.name.slice(8)) - Number(b.name.slice(8)));
  expect(children.map((s) => s.name)).toEqual(Array.from({ length: 1 + 4 * procs }, (_, i) => `Process-${i + 1}`));
  const readers = children.filter((s) => s.label !== 'updater');
  const updaters = children.filter((s) => s.label === 'updater');
  expect(readers).toHaveLength(1 + 2 * procs);
  expect(readers.map((s) => s.global)).toEqual(readers.map((_, j) => (method === 'fork' ? j : 0)));
  expect(updaters.map((s) => s.global)).toEqual(updaters.map(() => (method === 'fork' ? 2 * procs + 1 : 1)));
}

describe('shared-memory', () => {
  it(`ends with value 12 and array [8.0, 8.0, 8.0], each child's global its own copy, over ${DEFAULT_REPEATS} runs`, async () => {
    for (let i = 0; i < DEFAULT_REPEATS; i++) {
      const r = await run(host, { scenario: 'shared-memory', params: { timeUnitMs: 2, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['array-final', 'value-final', 'lost-updates-explained', 'globals-not-shared', 'children-see-updates']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.result).toMatchObject({ value: 12, array: [8, 8, 8], expectedValue: 12, lostUpdates: 0 });
      expect(r.prediction?.answer).toBe(12);
      expectGlobals(r, 3);
      // Serial children (loop1) see exactly the parent's updates so far, and under fork its count
      // as it was when they started; the Array's slots are floats, as Python prints an Array('d').
      const loop1 = r.output.filter((o) => ['Process-2', 'Process-3', 'Process-4'].includes(o.name)).map((o) => o.text.replace(/pid:\s*\d+/, 'pid:X'));
      expect(loop1).toEqual([
        'process 0   : pid:X, global:1, value:1, array:[1.0, 0.0, 0.0]',
        'process 1   : pid:X, global:2, value:2, array:[1.0, 1.0, 0.0]',
        'process 2   : pid:X, global:3, value:3, array:[1.0, 1.0, 1.0]',
      ]);
      expect(r.output.find((o) => o.text.startsWith('parent temp'))!.text).toMatch(/global:6, value:9, array:\[5\.0, 5\.0, 5\.0\]$/);
      expect(r.output.at(-1)!.text).toMatch(/^parent end  : pid:\s*\d+, global:6, value:12, array:\[8\.0, 8\.0, 8\.0\]$/);
      // The seed's blank line before each loop's title.
      expect(r.output.filter((o) => o.text === '')).toHaveLength(4);
    }
  });

  it('under spawn every child starts with the global at 0; the shared objects end the same', async () => {
    const r = await run(host, { scenario: 'shared-memory', params: { startMethod: 'spawn', timeUnitMs: 2, seed: 5 } });
    expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
    expect(r.invariants.every((x) => x.ok)).toBe(true);
    expect(r.result).toMatchObject({ value: 12, array: [8, 8, 8] });
    expectGlobals(r, 3, 'spawn');
    expect(r.invariants.find((x) => x.id === 'globals-not-shared')!.detail).toMatch(/^13 children: global 0 in every reader, 1 in every updater/);
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
        expect(r.notes.join(' ')).toMatch(/Writes made over such a stale read: Process-\d+ \(pid \d+\) \d+/);
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
