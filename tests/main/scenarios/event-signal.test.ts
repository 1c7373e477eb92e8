import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';
import { RunRecord } from '../../../main/core/runs/run-record';
import { eventSignal } from '../../../main/scenarios/checks/event-signal';
import type { LabEvent } from '../../../shared/events';
import type { ProcessRecord } from '../../../shared/run-report';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;
const UNIT = 10;

interface Waits { setAtUs: number; block: { saw: string; returnedUs: number }; nonblock: { saw: string; beganUs: number; returnedUs: number; waitedUs: number }; expectedForParams: string; timedWaiterSaw: string }

describe('event-signal', () => {
  it(`holds both invariants over ${REPEATS} runs with a small time unit, and explains any run where timing beat the parameters`, async () => {
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'event-signal', params: { timeUnitMs: UNIT, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(['timed-wait', 'untimed-wait-after-set']);
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      const w = r.result as unknown as Waits;
      expect(w.expectedForParams).toBe('unset');
      expect(w.block.saw).toBe('set');
      expect(w.block.returnedUs).toBeGreaterThanOrEqual(w.setAtUs);
      expect(r.prediction).toEqual({ question: expect.stringContaining('timeout'), answer: w.timedWaiterSaw });
      if (w.timedWaiterSaw === 'unset') {
        expect(w.nonblock.waitedUs).toBeGreaterThanOrEqual(2 * UNIT * 1000);
        expect(w.nonblock.returnedUs).toBeLessThan(w.setAtUs);
        expect(r.notes.join(' ')).toMatch(/nonblock's wait ran out after \d+\.\d\d units and returned false/);
        // isSet() is asked a moment later: the parent may have set the flag in between.
        // The seed's line, the flag as Python prints a bool.
        expect(r.output.map((o) => o.text)).toContainEqual(expect.stringMatching(/^wait_for_event_timeout: e\.is_set\(\)-> (False|True)$/));
      } else {
        // A near-tie on a busy machine: the report must say the run differed from the parameters, and why.
        expect(r.notes.join(' ')).toMatch(/nonblock should see "unset", but this time it saw "set": its wait began at/);
      }
    }
  });

  it('with a roomy time unit the parameters decide: unset for timeout < delay, set for timeout > delay', async () => {
    for (let i = 0; i < 3; i++) {
      const r = await run(host, { scenario: 'event-signal', params: { timeoutUnits: 1, setAfterUnits: 4, timeUnitMs: 40, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants[0].description).toMatch(/returns unset at its timeout, before the set at 4 units/);
      expect(r.result).toMatchObject({ expectedForParams: 'unset', timedWaiterSaw: 'unset', nonblock: { saw: 'unset' } });
      expect(r.prediction?.answer).toBe('unset');
    }
    for (let i = 0; i < 3; i++) {
      const r = await run(host, { scenario: 'event-signal', params: { timeoutUnits: 8, setAfterUnits: 1, timeUnitMs: 40, seed: i } });
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.every((x) => x.ok)).toBe(true);
      expect(r.invariants[0].description).toMatch(/is woken by the set at 1 units and returns set/);
      const w = r.result as unknown as Waits;
      expect(w).toMatchObject({ expectedForParams: 'set', timedWaiterSaw: 'set', block: { saw: 'set' }, nonblock: { saw: 'set' } });
      expect(w.nonblock.returnedUs).toBeGreaterThanOrEqual(w.setAtUs);
      expect(w.nonblock.waitedUs).toBeLessThan(8 * 40 * 1000);
      expect(r.prediction?.answer).toBe('set');
      expect(r.notes).toEqual([]);
    }
  });

  it('equal timeout and delay are a tie; timeout 0 gives up at once', async () => {
    const tie = await run(host, { scenario: 'event-signal', params: { timeoutUnits: 3, setAfterUnits: 3, timeUnitMs: UNIT, seed: 1 } });
    expect(tie.status).toBe('completed');
    expect(tie.invariants.every((x) => x.ok)).toBe(true);
    expect(tie.result.expectedForParams).toBe('either');
    expect(['set', 'unset']).toContain(tie.prediction?.answer);
    const zero = await run(host, { scenario: 'event-signal', params: { timeoutUnits: 0, setAfterUnits: 2, timeUnitMs: UNIT, seed: 1 } });
    expect(zero.status).toBe('completed');
    expect(zero.result.timedWaiterSaw).toBe('unset');
  });

  it('refuses bad parameters, naming the parameter and its range', () => {
    for (const [params, message] of [
      [{ timeoutUnits: 21 }, 'parameter "timeoutUnits": 21 is out of range; allowed: an integer from 0 to 20'],
      [{ setAfterUnits: -1 }, 'parameter "setAfterUnits": -1 is out of range; allowed: an integer from 0 to 20'],
      [{ setAfterUnits: 1.5 }, 'parameter "setAfterUnits": 1.5 is not an integer; allowed: an integer from 0 to 20'],
    ] as const) {
      const r = host.start({ scenario: 'event-signal', params });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toBe(message);
    }
  });
});

describe('event-signal checks on a made-up record', () => {
  const params = { timeoutUnits: 2, setAfterUnits: 3, timeUnitMs: 10, seed: 0 };
  const proc = (pid: number, name: string, parentPid: number | null): ProcessRecord =>
    ({ pid, name, program: name, parentPid, daemon: false, exitCode: 0, signal: null, how: 'returned', startMs: 0, endMs: 1 });
  function record(nonblockEnd: { t: number; res: string; afterSet: boolean }): RunRecord {
    const rec = new RunRecord();
    rec.status = 'completed';
    rec.processes = [proc(1, 'MainProcess', null), proc(2, 'block', 1), proc(3, 'nonblock', 1)];
    const ev: Omit<LabEvent, 'seq'>[] = [
      { t: 0, pid: 1, ph: 'B', kind: 'op', obj: 'kernel', op: 'sleep' },
      { t: 1000, pid: 2, ph: 'B', kind: 'op', obj: 'event', op: 'wait' },
      { t: 1000, pid: 3, ph: 'B', kind: 'op', obj: 'event', op: 'wait' },
    ];
    const end = { t: nonblockEnd.t, pid: 3, ph: 'E' as const, kind: 'op' as const, obj: 'event', op: 'wait', res: nonblockEnd.res };
    if (!nonblockEnd.afterSet) ev.push(end);
    ev.push({ t: 30000, pid: 1, ph: 'X', kind: 'op', obj: 'event', op: 'set' }, { t: 30100, pid: 2, ph: 'E', kind: 'op', obj: 'event', op: 'wait', res: 'true' });
    if (nonblockEnd.afterSet) ev.push(end);
    rec.add(ev.map((e, i) => ({ ...e, seq: i + 1 }) as LabEvent));
    return rec;
  }

  it('fails a timed wait that returned unset before its timeout was up', () => {
    const c = eventSignal.check(record({ t: 15000, res: 'false', afterSet: false }), params);
    expect(c.invariants[0].ok).toBe(false);
    expect(c.invariants[0].detail).toMatch(/returned false \(unset\) after 14000 µs/);
    expect(c.invariants[1].ok).toBe(true);
  });

  it('accepts a set seen by a waiter that started late, and says why it differs from the parameters', () => {
    const c = eventSignal.check(record({ t: 30050, res: 'true', afterSet: true }), params);
    expect(c.invariants.every((i) => i.ok)).toBe(true);
    expect(c.result.timedWaiterSaw).toBe('set');
    expect(c.invariants[0].detail).toMatch(/returned true \(set\) after 29050 µs .*not what these parameters predict, but what this run's timing made right/);
    expect(c.notes?.join(' ')).toMatch(/nonblock should see "unset", but this time it saw "set": its wait began at 1000 µs, so its timeout was due at 21000 µs; the parent began its 3-unit sleep at 0 µs and set the event at 30000 µs/);
  });
});
