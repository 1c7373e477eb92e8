import { afterAll, describe, expect, it } from 'vitest';
import { blockedMs, newHost, probe } from '../../../../support/lab-host';

const host = newHost();
afterAll(() => host.close());

describe('Event', () => {
  it('a timed wait returns false at its timeout; an untimed one returns true after set()', async () => {
    const { report, record } = await probe(host, 'event', 20);
    expect(report.result).toEqual({ 'wait-timed': false, 'wait-untimed': true, isSet: true, cleared: false });
    const timed = report.processes.find((p) => p.name === 'timed')!.pid;
    const untimed = report.processes.find((p) => p.name === 'untimed')!.pid;
    const [waited] = blockedMs(record, timed, 'e', 'wait');
    expect(waited).toBeGreaterThanOrEqual(40);
    expect(waited).toBeLessThan(40 + 150);
    const set = record.ops('e', 'set')[0];
    const wake = record.events.find((x) => x.pid === untimed && x.op === 'wait' && x.ph === 'E')!;
    expect(wake.seq).toBeGreaterThan(set.seq);
  });
});

describe('Pipe', () => {
  it('carries objects both ways and raises EOFError once every copy of the other end is closed', async () => {
    const { report } = await probe(host, 'pipe');
    expect(report.result).toEqual({ first: ['spam', 42], talkerGot: { reply: 'hello' }, second: 'bye', stillOpen: false, eof: 'EOFError', sendToClosed: 'BrokenPipeError' });
  });
  it('keeps a recv() waiting while its own process still holds a copy of the other end: the run hangs, naming it', async () => {
    const { report } = await probe(host, 'pipe-held');
    expect(report.status).toBe('hung');
    const main = report.processes.find((p) => p.name === 'MainProcess')!;
    expect(report.hang!.blocked).toEqual([{ pid: main.pid, name: 'MainProcess', op: 'recv', obj: 'pipe', objKind: 'Pipe', waitsFor: [main.pid] }]);
    expect(report.hang!.cycle).toEqual([main.pid]);
  });

});

describe('Manager objects', () => {
  it('a namespace hands out copies; dict and list follow Python', async () => {
    const { report } = await probe(host, 'manager');
    expect(report.result).toEqual({
      missing: 'AttributeError', afterLocalPush: [1], afterAssign: [1, 2],
      dict: { 0: 0, 1: 2, 2: 4, 3: 6 }, keyError: 'KeyError', list: ['a', 'b'], removeMissing: 'ValueError',
    });
  });
});

describe('Value and Array', () => {
  it('locked read-modify-write loses nothing; unlocked can lose updates for real', async () => {
    const { report } = await probe(host, 'value-race');
    expect(report.result.withLock).toBe(report.result.expected);
    expect(report.result.withoutLock as number).toBeLessThan(report.result.expected as number);
    expect(report.result.array).toEqual([0, 5, 0]);
    expect(report.result.arrayOutOfRange).toBe('IndexError');
  });
});
