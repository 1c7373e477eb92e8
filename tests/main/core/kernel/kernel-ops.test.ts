import { afterAll, describe, expect, it } from 'vitest';
import { newHost, probe, survivors } from '../../../support/lab-host';

const host = newHost();
afterAll(() => host.close());

describe('process lifecycle', () => {
  it('at the parent\'s exit, terminates daemon children and waits for the others', async () => {
    const { report, record } = await probe(host, 'daemon', 50);
    expect(report.status).toBe('completed');
    expect(report.result.aliveAfterShortJoin).toBe(true);
    const daemon = report.processes.find((p) => p.name === 'daemon')!;
    const worker = report.processes.find((p) => p.name === 'worker')!;
    const main = report.processes.find((p) => p.name === 'MainProcess')!;
    expect(daemon.signal).toBe('SIGTERM');
    expect(daemon.how).toBe('daemon');
    expect(worker.exitCode).toBe(0);
    expect(worker.how).toBe('returned');
    expect(main.how).toBe('returned');
    expect(main.endMs!).toBeGreaterThanOrEqual(worker.endMs!);
    // The worker ran its 3 units; the daemon was stopped right after the parent's program returned.
    const parentDone = record.prints(main.pid).find((e) => e.text === 'parent done')!;
    expect(daemon.endMs! * 1000).toBeGreaterThan(parentDone.t);
    expect(daemon.endMs!).toBeLessThan(worker.endMs!);
  });

  it('reports exit codes like Python: 0, an explicit code, 1 for an exception, minus the signal number', async () => {
    const { report, record } = await probe(host, 'exit-codes');
    expect(report.result.codes).toEqual([0, 3, 1, -15]);
    expect(report.status).toBe('failed');
    expect(report.notes.join(' ')).toMatch(/three .* crashed: exit code 3/);
    expect(report.notes.join(' ')).toMatch(/boom .* crashed: exit code 1/);
    // terminate() is not a crash.
    expect(report.notes.join(' ')).not.toMatch(/terminated/);
    expect(record.events.some((e) => e.kind === 'error' && /deliberate failure/.test(e.text ?? ''))).toBe(true);
    // How each ended, as the exited events and the process table tell it.
    const how = (name: string) => report.processes.find((p) => p.name === name)!.how;
    expect([how('ok'), how('three'), how('boom'), how('terminated')]).toEqual(['returned', 'exit', 'raised', 'terminated']);
    const exited = record.events.filter((e) => e.life === 'exited');
    expect(exited.every((e) => e.how !== undefined)).toBe(true);
  });

  it('gives every process its own pid, and none is left when the run ends', async () => {
    const { report } = await probe(host, 'many');
    const pids = report.result.pids as number[];
    expect(new Set(pids).size).toBe(12);
    expect(pids).not.toContain(process.pid);
    expect(await survivors(report.processes.map((p) => p.pid))).toEqual([]);
  });
});
