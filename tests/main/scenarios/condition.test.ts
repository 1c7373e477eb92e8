import { afterAll, describe, expect, it } from 'vitest';
import { newHost, run } from '../../support/lab-host';
import { RunRecord } from '../../../main/core/runs/run-record';
import { condition } from '../../../main/scenarios/checks/condition';
import type { LabEvent } from '../../../shared/events';
import type { ProcessRecord } from '../../../shared/run-report';

const host = newHost(4);
afterAll(() => host.close());
const REPEATS = 20;
// The seed leaves one unit between the last stage-2 start and stage 1, and nothing more: as in
// Python, a stage-2 process that has not reached wait() by the notify misses it and waits for
// ever (the lost wake-up). A unit of 50 ms is ample on a quiet machine; on a busy one a run may
// hang, and then the report must say who missed the notify. Either way every run is judged.
const UNIT = 50;

describe('condition', () => {
  it(`no stage-2 process runs before stage 1's notify_all, over ${REPEATS} runs`, async () => {
    let completed = 0;
    for (let i = 0; i < REPEATS; i++) {
      const r = await run(host, { scenario: 'condition', params: { timeUnitMs: UNIT, seed: i } });
      expect(r.invariants.map((x) => x.id)).toEqual(['running-after-notify', 'all-stage2-woke']);
      expect(r.invariants[0].ok, r.invariants[0].detail).toBe(true);
      expect(r.result.runningBeforeNotify).toBe(0);
      expect(r.prediction?.answer).toBe(0);
      if (r.status === 'hung') {
        // The seed's one-unit head start was not enough on a busy machine: the report must say who missed the notify.
        expect(r.hang?.blocked.map((b) => `${b.name} ${b.op} ${b.obj}`)).toContainEqual(expect.stringMatching(/^stage_2\[\d\] wait cond$/));
        expect(r.notes.join(' ')).toMatch(/stage_2\[\d\] (began waiting only after s1's notify_all|never reached wait\(\))/);
        continue;
      }
      completed++;
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants[1].ok).toBe(true);
      const order = r.result.order as string[];
      expect([...order].sort()).toEqual(['Starting s1', 'Starting stage_2[1]', 'Starting stage_2[2]', 's1 done and ready for stage 2', 'stage_2[1] running', 'stage_2[2] running']);
      // The "done" line comes after s1 starts, and both "running" lines after it (the order of the two is the order they began waiting).
      expect(order.slice(order.indexOf('Starting s1') + 1, order.indexOf('Starting s1') + 2)).toEqual(['s1 done and ready for stage 2']);
      expect(order.slice(-2).sort()).toEqual(['stage_2[1] running', 'stage_2[2] running']);
      expect([...(r.result.woke as string[])].sort()).toEqual(['stage_2[1]', 'stage_2[2]']);
      expect(r.notes).toEqual([]);
    }
    // The head start is a unit, not a guarantee: most runs, not all, get past it on a loaded machine.
    expect(completed).toBeGreaterThanOrEqual(REPEATS / 2);
  });

  it('more stage-2 workers: all wake after the notify, in the order they began waiting', async () => {
    const r = await run(host, { scenario: 'condition', params: { stage2Workers: 4, timeUnitMs: 2 * UNIT, seed: 4 } });
    expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
    expect(r.invariants.every((x) => x.ok)).toBe(true);
    expect(r.result.woke).toEqual(['stage_2[1]', 'stage_2[2]', 'stage_2[3]', 'stage_2[4]']);
    const order = r.result.order as string[];
    expect(order.indexOf('s1 done and ready for stage 2')).toBe(5);
  });

  it('refuses bad parameters, naming the parameter and its range', () => {
    const r = host.start({ scenario: 'condition', params: { stage2Workers: 11 } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('parameter "stage2Workers": 11 is out of range; allowed: an integer from 1 to 10');
  });

  it('names a waiter that started waiting after the notify (the lost wake-up), on a made-up record', () => {
    const proc = (pid: number, name: string, program: string): ProcessRecord =>
      ({ pid, name, program, parentPid: pid === 1 ? null : 1, daemon: false, exitCode: 0, signal: null, how: 'returned', startMs: 0, endMs: 1 });
    const rec = new RunRecord();
    // The missed waiter waits for ever: the run hangs, and the lab ends the hung processes.
    rec.status = 'hung';
    rec.hang = { blocked: [{ pid: 3, name: 'stage_2[2]', op: 'wait', obj: 'cond', objKind: 'Condition', waitsFor: [] }], cycle: [], orphanedLocks: [], summary: 'stage_2[2] waits in wait() on cond' };
    rec.processes = [proc(1, 'MainProcess', 'main'), proc(2, 'stage_2[1]', 'stage2'), { ...proc(3, 'stage_2[2]', 'stage2'), how: 'stopped', exitCode: null, signal: 'SIGKILL' }, proc(4, 's1', 'stage1')];
    const ev: Omit<LabEvent, 'seq'>[] = [
      { t: 10, pid: 2, ph: 'B', kind: 'op', obj: 'cond', op: 'wait' },
      { t: 20, pid: 4, ph: 'X', kind: 'op', obj: 'cond', op: 'notify_all' },
      { t: 30, pid: 2, ph: 'I', kind: 'print', text: 'stage_2[1] running' },
      { t: 40, pid: 3, ph: 'B', kind: 'op', obj: 'cond', op: 'wait' },
    ];
    rec.add(ev.map((e, i) => ({ ...e, seq: i + 1 }) as LabEvent));
    const c = condition.check(rec, { stage2Workers: 2, timeUnitMs: 10, seed: 0 });
    expect(c.invariants[0]).toMatchObject({ ok: true, detail: 'notify_all at 20 µs; 1 "running" lines, all after it (so far: the run hung)' });
    // Broken for good: the only notify_all came before stage_2[2] waited, so nothing can wake it.
    expect(c.invariants[1]).toMatchObject({ ok: false, detail: 'not woken: stage_2[2]' });
    expect(c.result).toMatchObject({ woke: ['stage_2[1]'], runningBeforeNotify: 0 });
    expect(c.notes).toEqual(["stage_2[2] began waiting only after s1's notify_all, so no notification was left for it: a notify wakes only the processes already waiting."]);
  });
});
