// The renderer's plain modules: the SSE reader, the process table fold, the form's checks,
// the home screen's grouping, the token in the address.
import { describe, expect, it } from 'vitest';
import type { LabEvent, ResolvedParam } from '../../shared/contract';
import { SCENARIO_CATALOGUE } from '../../shared/scenarios';
import { scenarioList } from '../../main/core/service/scenario-list';
import { checkField, initialInput } from '../../renderer/app/lib/param-field';
import { describeExit, describeState, ProcessTable } from '../../renderer/app/lib/process-table';
import { groupScenarios } from '../../renderer/app/lib/scenario-groups';
import { SseParser, type SseMessage } from '../../renderer/app/lib/sse-parser';
import { transcriptLines } from '../../renderer/app/lib/transcript';
import { tokenFromHash } from '../../renderer/app/lib/transport';

describe('SseParser', () => {
  it('reads messages split anywhere, with CRLF, comments and multi-line data', () => {
    const got: SseMessage[] = [];
    const p = new SseParser((m) => got.push(m));
    const text = 'event: session\r\ndata: {"session":"a"}\r\n\r\n: keep-alive\n\nevent: push\ndata: line1\ndata: line2\n\ndata:x\n\n';
    for (const ch of text) p.feed(ch);
    expect(got).toEqual([
      { event: 'session', data: '{"session":"a"}' },
      { event: 'push', data: 'line1\nline2' },
      { event: 'message', data: 'x' },
    ]);
  });
});

describe('ProcessTable', () => {
  const ev = (e: Partial<LabEvent> & { seq: number }): LabEvent => ({ t: e.seq * 1000, pid: 1, ph: 'I', kind: 'life', ...e });
  it('folds format-1 events: names, parents from the spawn answer, blocked and sleeping, exits', () => {
    const t = new ProcessTable();
    t.fold([
      ev({ seq: 1, pid: 10, life: 'created', arg: 'main', res: 'MainProcess' }),
      ev({ seq: 2, pid: 10, life: 'started' }),
      ev({ seq: 3, pid: 10, kind: 'op', ph: 'B', obj: 'kernel', op: 'spawn' }),
      ev({ seq: 4, pid: 11, life: 'created', arg: 'child', res: 'child-11' }),
      ev({ seq: 5, pid: 10, kind: 'op', ph: 'E', obj: 'kernel', op: 'spawn', res: '{"pid":11,"name":"child-11"}' }),
      ev({ seq: 6, pid: 11, life: 'started' }),
      ev({ seq: 7, pid: 11, kind: 'op', ph: 'B', obj: 'q', op: 'get' }),
      ev({ seq: 8, pid: 10, kind: 'op', ph: 'B', obj: 'kernel', op: 'sleep' }),
    ]);
    const [main, child] = t.list();
    expect(main).toMatchObject({ pid: 10, name: 'MainProcess', parentPid: null, state: 'sleeping', index: 0 });
    expect(child).toMatchObject({ pid: 11, name: 'child-11', program: 'child', parentPid: 10, state: 'blocked', index: 1 });
    expect(describeState(child)).toBe('blocked: get on q');
    t.fold([ev({ seq: 9, pid: 11, life: 'exited', exitCode: null, signal: 'SIGTERM', how: 'daemon' })]);
    expect(describeExit(t.list()[1])).toBe('signal SIGTERM (daemon)');
  });

  it('takes parents from format-2 created events', () => {
    const t = new ProcessTable();
    t.fold([ev({ seq: 1, pid: 12, life: 'created', proc: { name: 'w', program: 'worker', parentPid: 3, daemon: false } })]);
    expect(t.list()[0]).toMatchObject({ name: 'w', parentPid: 3, state: 'created' });
  });

  it('splits printed blocks into lines for the transcript', () => {
    expect(transcriptLines([ev({ seq: 1, kind: 'print', text: 'a\nb' }), ev({ seq: 2, kind: 'error', text: 'boom' })]).map((l) => [l.text, l.kind]))
      .toEqual([['a', 'print'], ['b', 'print'], ['boom', 'error']]);
  });
});

describe('the parameter form checks what the back end checks', () => {
  const int: ResolvedParam = { name: 'iterations', type: 'int', default: 4, min: 1, max: 20, description: '' };
  const seed: ResolvedParam = { name: 'seed', type: 'int', default: 0, min: 0, max: 2 ** 31 - 1, description: '' };
  it.each([
    ['4', { ok: true, value: 4 }],
    ['99', { ok: false, message: 'parameter "iterations": 99 is out of range; allowed: an integer from 1 to 20' }],
    ['2.5', { ok: false, message: 'parameter "iterations": "2.5" is not an integer; allowed: an integer from 1 to 20' }],
    ['', { ok: false, message: 'parameter "iterations": a value is needed; allowed: an integer from 1 to 20' }],
  ])('iterations = %j', (text, expected) => {
    expect(checkField(int, text)).toEqual(expected);
  });
  it('leaves an empty seed to the lab (a random one)', () => {
    expect(initialInput(seed)).toBe('');
    expect(checkField(seed, '')).toEqual({ ok: true, value: undefined });
  });
});

describe('groupScenarios', () => {
  it('puts the three flagships first, then every other scenario once, by topic', () => {
    const { flagship, groups } = groupScenarios(scenarioList(4));
    expect(flagship.map((s) => s.id)).toEqual(['fork-loop', 'semaphore-pool', 'manager-namespace']);
    const rest = groups.flatMap((g) => g.scenarios.map((s) => s.id));
    expect([...flagship.map((s) => s.id), ...rest].sort()).toEqual(SCENARIO_CATALOGUE.map((s) => s.id).sort());
    expect(groups.map((g) => g.title)).toEqual(['Processes', 'Passing messages', 'Synchronization', 'Shared state', 'Pools']);
  });
});

describe('tokenFromHash', () => {
  it('finds the token, or nothing', () => {
    expect(tokenFromHash('#token=abc_-9')).toBe('abc_-9');
    expect(tokenFromHash('#x=1&token=abc')).toBe('abc');
    expect(tokenFromHash('#tokens=abc')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });
});
