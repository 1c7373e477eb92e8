// Rebuilding a run's process table and output from its events alone (what an interrupted
// run keeps): checked against the reports of real runs, and on event logs cut short.
import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../../shared/events';
import { outputFromEvents, processesFromEvents } from '../../../../main/core/runs/report-from-events';
import { newHost, startRun } from '../../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());

describe('processesFromEvents and outputFromEvents', () => {
  it.each([
    ['fork-loop', {}, true],
    ['producer-consumer', { ending: 'daemon', sleepMaxUnits: 2 }, true], // daemon consumers, spawned several at once
    ['producer-consumer', { ending: 'poison-pill', sleepMaxUnits: 2 }, true],
    // Pool workers are daemons; format 2's 'created' event says so (format 1 could not tell).
    ['pool-map', { inputs: 6, poolSize: 3 }, true],
    ['whoami', { children: 3 }, true],
  ])('give back what the report of a real %s run %j says', async (scenario, params, daemonKnown) => {
    const handle = startRun(host, { scenario, params: { ...params, timeUnitMs: 5, seed: 2 } });
    const report = await handle.done;
    const events = handle.record.events;
    const rebuilt = processesFromEvents(events);
    const byPid = (ps: typeof rebuilt) => [...ps].sort((a, b) => a.pid - b.pid);
    const keep = ({ pid, name, program, parentPid, daemon, exitCode, signal, how }: (typeof rebuilt)[number]) => ({ pid, name, program, parentPid, daemon, exitCode, signal, how });
    const told = daemonKnown ? report.processes : report.processes.map((p) => ({ ...p, daemon: p.program === '$pool-worker' ? false : p.daemon }));
    expect(byPid(rebuilt).map(keep)).toEqual(byPid(told).map(keep));
    for (const p of rebuilt) {
      // The times are those of the events, recorded just after the kernel's own stamps.
      const created = events.find((e) => e.kind === 'life' && e.life === 'created' && e.pid === p.pid)!;
      expect(p.startMs).toBe(created.t / 1000);
      expect(p.startMs).toBeGreaterThanOrEqual(report.processes.find((q) => q.pid === p.pid)!.startMs);
    }
    expect(outputFromEvents(events, rebuilt)).toEqual(report.output);
  }, 120_000);

  const ev = (seq: number, e: Partial<LabEvent>): LabEvent => ({ seq, t: seq * 1000, pid: 1, ph: 'I', kind: 'life', ...e });

  it('leaves what the log never said unknown: no exit for a process still running, no parent without the spawn reply', () => {
    const events: LabEvent[] = [
      ev(1, { pid: 10, life: 'created', arg: 'main', res: 'MainProcess' }),
      ev(2, { pid: 10, ph: 'B', kind: 'op', obj: 'kernel', op: 'spawn', arg: '["worker",[1],{"daemon":true}]' }),
      ev(3, { pid: 11, life: 'created', arg: 'worker', res: 'worker-11' }),
      ev(4, { pid: 10, ph: 'E', kind: 'op', obj: 'kernel', op: 'spawn', res: '{"pid":11,"name":"worker-11"}' }),
      ev(5, { pid: 11, kind: 'print', text: 'hello' }),
      ev(6, { pid: 11, kind: 'error', text: 'it broke' }),
      ev(7, { pid: 11, life: 'exited', exitCode: 1, signal: null, how: 'raised' }),
      ev(8, { pid: 10, ph: 'B', kind: 'op', obj: 'kernel', op: 'spawn', arg: '["worker",[2],{}]' }),
      ev(9, { pid: 12, life: 'created', arg: 'worker', res: 'worker-12' }),
      // the host died here: no reply to the second spawn, no exit of 10 and 12
    ];
    expect(processesFromEvents(events)).toEqual([
      { pid: 10, name: 'MainProcess', program: 'main', parentPid: null, daemon: false, exitCode: null, signal: null, how: null, startMs: 1, endMs: null },
      { pid: 11, name: 'worker-11', program: 'worker', parentPid: 10, daemon: true, exitCode: 1, signal: null, how: 'raised', startMs: 3, endMs: 7 },
      { pid: 12, name: 'worker-12', program: 'worker', parentPid: null, daemon: false, exitCode: null, signal: null, how: null, startMs: 9, endMs: null },
    ]);
    expect(outputFromEvents(events, processesFromEvents(events))).toEqual([
      { tMs: 5, pid: 11, name: 'worker-11', text: 'hello' },
      { tMs: 6, pid: 11, name: 'worker-11', text: '[error] it broke' },
    ]);
  });

  it('does not guess daemon from spawns under way together, nor from arguments cut short', () => {
    const events: LabEvent[] = [
      ev(1, { pid: 10, life: 'created', arg: 'main', res: 'MainProcess' }),
      ev(2, { pid: 10, ph: 'B', kind: 'op', obj: 'kernel', op: 'spawn', arg: '["worker",[1],{"daemon":true}]' }),
      ev(3, { pid: 10, ph: 'B', kind: 'op', obj: 'kernel', op: 'spawn', arg: '["worker",[2],{}]' }),
      ev(4, { pid: 11, life: 'created', arg: 'worker', res: 'w1' }),
      ev(5, { pid: 12, life: 'created', arg: 'worker', res: 'w2' }),
      ev(6, { pid: 10, ph: 'E', kind: 'op', obj: 'kernel', op: 'spawn', res: '{"pid":12,"name":"w2"}' }),
      ev(7, { pid: 10, ph: 'E', kind: 'op', obj: 'kernel', op: 'spawn', res: '{"pid":11,"name":"w1"}' }),
      ev(8, { pid: 11, ph: 'B', kind: 'op', obj: 'kernel', op: 'spawn', arg: '["worker",[{"a":"a long argument that the summary cut short"}],{"da...' }),
      ev(9, { pid: 13, life: 'created', arg: 'worker', res: 'w3' }),
      ev(10, { pid: 11, ph: 'E', kind: 'op', obj: 'kernel', op: 'spawn', res: '{"pid":13,"name":"w3"}' }),
      ev(11, { pid: 13, life: 'exited', exitCode: null, signal: 'SIGTERM', how: 'daemon' }),
    ];
    const ps = processesFromEvents(events);
    expect(ps.map((p) => [p.pid, p.parentPid, p.daemon])).toEqual([[10, null, false], [11, 10, false], [12, 10, false], [13, 11, true]]);
  });
});
