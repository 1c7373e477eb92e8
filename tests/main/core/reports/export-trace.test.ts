import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeTrace } from '../../../../main/core/reports/export-trace';
import type { RunExport } from '../../../../main/core/reports/run-export';
import type { ChromeTrace, TraceEvent } from '../../../../main/core/reports/trace-event';
import type { LabEvent } from '../../../../shared/events';
import { newHost } from '../../../support/lab-host';
import { exportedRun, probeRun } from '../../../support/exported-run';
import { modelClock, resolveFlows, traceProblems } from '../../../support/trace-format';

const host = newHost(4);
afterAll(() => host.close());

const runs = new Map<string, RunExport>();
const traces = new Map<string, ChromeTrace>();
const clocks = new Map<string, Map<number, number>>();

beforeAll(async () => {
  const all: [string, Promise<RunExport>][] = [
    ['queue-fifo', probeRun(host, 'queue-fifo')],
    ['event', probeRun(host, 'event')],
    ['condition', probeRun(host, 'condition')],
    ['pipe', probeRun(host, 'pipe')],
    ['queue-bounded', probeRun(host, 'queue-bounded')],
    ['missing-wakeup', probeRun(host, 'missing-wakeup')],
    ['lock-fifo', probeRun(host, 'lock-fifo')],
    ['semaphore-pool', exportedRun(host, { scenario: 'semaphore-pool', params: { jobs: 6, timeUnitMs: 10, seed: 4 } })],
    ['manager-namespace', exportedRun(host, { scenario: 'manager-namespace', params: { timeUnitMs: 10, seed: 1 } })],
    ['fork-loop', exportedRun(host, { scenario: 'fork-loop', params: { timeUnitMs: 5, seed: 1 } })],
  ];
  for (const [name, run] of all) {
    const r = await run;
    runs.set(name, r);
    clocks.set(name, modelClock(r.events));
    // Through JSON, as a viewer gets it.
    traces.set(name, JSON.parse(JSON.stringify(chromeTrace(r))) as ChromeTrace);
  }
}, 60_000);

const trace = (name: string): ChromeTrace => traces.get(name)!;
const pidOf = (name: string, proc: string): number => runs.get(name)!.report.processes.find((p) => p.name === proc)!.pid;
const nameOf = (name: string, pid: number): string | undefined => runs.get(name)!.report.processes.find((p) => p.pid === pid)?.name;
/** When the trace shows event `e` of run `name`: its t on the live model's clock. */
const tsOf = (name: string, e: LabEvent): number => clocks.get(name)!.get(e.seq)!;
const events = (name: string, f: (e: LabEvent) => boolean): LabEvent[] => runs.get(name)!.events.filter(f);

/** The flows of one kind on one object: [sending slice, receiving slice]. */
function flows(name: string, kind: string, obj: string): [TraceEvent, TraceEvent][] {
  return resolveFlows(trace(name))
    .filter((f) => f.name === kind && f.start.args?.obj === obj)
    .sort((a, b) => a.start.ts - b.start.ts || a.finish.ts - b.finish.ts)
    .map((f) => [f.from!, f.to!]);
}

/** A series with equal neighbours merged (the counters sample every change of any field). */
const changes = (xs: number[]): number[] => xs.filter((x, i) => i === 0 || x !== xs[i - 1]);

describe('chromeTrace', () => {
  it('is a valid Trace Event Format object for every run: fields, nesting, paired and bound flows', () => {
    expect([...runs.values()].map((r) => r.report.status)).toEqual(['completed', 'completed', 'completed', 'completed', 'completed', 'hung', 'completed', 'completed', 'completed', 'completed']);
    for (const [name, t] of traces) {
      expect(traceProblems(t), name).toEqual([]);
      expect(t.metadata, name).toMatchObject({ runId: runs.get(name)!.report.runId, eventFormat: 2, links: expect.stringMatching(/^\d+ arrows from the recorded links$/) });
    }
  });

  it('names every process and its thread, and groups the counters under "shared objects"', () => {
    for (const [name, run] of runs) {
      const meta = trace(name).traceEvents.filter((e) => e.ph === 'M');
      for (const p of run.report.processes) {
        expect(meta).toContainEqual(expect.objectContaining({ name: 'process_name', pid: p.pid, args: { name: `${p.name} (pid ${p.pid})` } }));
        expect(meta).toContainEqual(expect.objectContaining({ name: 'thread_name', pid: p.pid, tid: p.pid, args: { name: p.name } }));
      }
      expect(meta).toContainEqual(expect.objectContaining({ name: 'process_name', pid: 0, args: { name: 'shared objects' } }));
      expect(trace(name).traceEvents.filter((e) => e.ph === 'C').every((e) => e.pid === 0)).toBe(true);
    }
  });

  it('draws each process as back-to-back state slices from creation to exit', () => {
    for (const [name, run] of runs) {
      for (const p of run.report.processes) {
        const states = trace(name).traceEvents.filter((e) => e.ph === 'X' && e.cat === 'state' && e.pid === p.pid);
        const created = run.events.find((e) => e.pid === p.pid && e.life === 'created')!;
        const exited = run.events.find((e) => e.pid === p.pid && e.life === 'exited')!;
        expect(states[0].ts).toBe(tsOf(name, created));
        for (let i = 1; i < states.length; i++) expect(states[i].ts).toBe(states[i - 1].ts + states[i - 1].dur!);
        const last = states[states.length - 1];
        expect(last.ts + last.dur!).toBe(tsOf(name, exited));
        // After its atexit is answered, a process is shutting down.
        if (run.events.some((e) => e.pid === p.pid && e.ph === 'E' && e.op === 'atexit')) expect(last.name).toBe('exiting');
        expect(trace(name).traceEvents).toContainEqual(expect.objectContaining({ ph: 'X', cat: 'life', pid: p.pid, ts: tsOf(name, exited) }));
      }
    }
  });

  it('draws one 1 µs op slice per op event, with what the event recorded as its args', () => {
    for (const [name, run] of runs) {
      const ops = trace(name).traceEvents.filter((e) => e.cat === 'op' && e.ph === 'X');
      const recorded = run.events.filter((e) => e.kind === 'op' && e.pid !== 0);
      expect(ops.map((s) => s.args!.seq).sort((a, b) => (a as number) - (b as number)), name).toEqual(recorded.map((e) => e.seq));
      const bySeq = new Map(ops.map((s) => [s.args!.seq as number, s]));
      for (const e of recorded) {
        const s = bySeq.get(e.seq)!;
        expect(s).toMatchObject({ name: `${e.op} ${e.obj}`, ts: tsOf(name, e), dur: 1, pid: e.pid });
        const want: Record<string, unknown> = { seq: e.seq, phase: e.ph, call: e.call };
        for (const k of ['cause', 'item', 'args', 'error', 'timedOut', 'state', 'object'] as const) if (e[k] !== undefined) want[k] = e[k];
        if (e.value !== undefined) want.value = e.value;
        expect(s.args).toEqual(want);
      }
    }
    // The end of a Condition wait is that wait, on the condition, whatever lock it re-acquired.
    const ends = trace('condition').traceEvents.filter((e) => e.cat === 'op' && e.args!.phase === 'E' && e.pid === pidOf('condition', 'A'));
    expect(ends.map((e) => e.name)).toContain('wait cond');
    const put = trace('queue-fifo').traceEvents.find((e) => e.name === 'put w')!;
    expect(put.args).toMatchObject({ phase: 'X', args: ['x', true, null], value: null });
  });

  it('shows the getters of queue-fifo blocked in get on w from their B to their E', () => {
    for (const proc of ['A', 'B', 'C']) {
      const pid = pidOf('queue-fifo', proc);
      const [b] = events('queue-fifo', (e) => e.pid === pid && e.ph === 'B' && e.op === 'get');
      const [e] = events('queue-fifo', (x) => x.pid === pid && x.ph === 'E' && x.call === b.call);
      const blocked = trace('queue-fifo').traceEvents.filter((x) => x.pid === pid && x.name === 'blocked: get on w');
      expect(blocked).toEqual([expect.objectContaining({ ph: 'X', ts: tsOf('queue-fifo', b), dur: tsOf('queue-fifo', e) - tsOf('queue-fifo', b), args: { state: 'blocked', obj: 'w', op: 'get', call: b.call } })]);
    }
    // The parent sleeps between spawns and waits in join at the end.
    const main = trace('queue-fifo').traceEvents.filter((x) => x.pid === pidOf('queue-fifo', 'MainProcess') && x.cat === 'state');
    expect(main.filter((x) => x.name === 'sleeping')).toHaveLength(3);
    expect(main.some((x) => x.name === `blocked: join on proc:${pidOf('queue-fifo', 'A')}`)).toBe(true);
  });

  it('has counters for queue size and waiters, semaphore value, lock held and event flag', () => {
    const counters = (name: string, obj: string, field: string): number[] =>
      trace(name).traceEvents.filter((e) => e.ph === 'C' && e.name === obj).map((e) => e.args![field] as number);
    expect(changes(counters('queue-fifo', 'q', 'size'))).toEqual([0, 1, 2, 3, 4, 5, 4, 3, 2, 1, 0]);
    expect(Math.max(...counters('queue-fifo', 'w', 'waiters'))).toBe(3);
    expect(counters('queue-fifo', 'w', 'waiters').at(-1)).toBe(0);
    const slots = counters('semaphore-pool', 'slots', 'value');
    expect(slots[0]).toBe(3); // the default slots
    expect(Math.min(...slots)).toBe(0);
    expect(new Set(counters('semaphore-pool', 'active-lock', 'held'))).toEqual(new Set([0, 1]));
    expect(changes(counters('event', 'e', 'flag'))).toEqual([0, 1, 0]);
    expect(Math.max(...counters('semaphore-pool', 'active', 'size'))).toBeLessThanOrEqual(3);
    // Each sample is the object's state after the last event on it at that time.
    for (const [name, run] of runs) {
      for (const c of trace(name).traceEvents.filter((e) => e.ph === 'C')) {
        const last = run.events.filter((e) => e.obj === c.name && e.state && tsOf(name, e) <= c.ts).at(-1)!;
        if (last.state!.size !== undefined) expect(c.args!.size, `${name} ${c.name}`).toBe(last.state!.size);
        if (last.state!.owner !== undefined) expect(c.args!.held).toBe(last.state!.owner === null ? 0 : 1);
      }
    }
  });

  it('links each put on queue-fifo to the get that took its item: x → A, y → B, z → C', () => {
    const w = flows('queue-fifo', 'item', 'w');
    expect(w.map(([put, get]) => [put.name, (put.args!.args as unknown[])[0], get.name, nameOf('queue-fifo', get.pid), get.args!.value]))
      .toEqual([['put w', 'x', 'get w', 'A', 'x'], ['put w', 'y', 'get w', 'B', 'y'], ['put w', 'z', 'get w', 'C', 'z']]);
    for (const [put, get] of w) expect(get.args!.item).toBe(put.args!.seq);
    const q = flows('queue-fifo', 'item', 'q');
    expect(q.map(([put, get]) => [(put.args!.args as unknown[])[0], get.args!.value])).toEqual([1, 2, 3, 4, 5].map((n) => [n, n]));
  });

  it('links a blocked put to its get when the put gets in, and the get that made room to the put (queue-bounded)', () => {
    const q = flows('queue-bounded', 'item', 'q');
    expect(q.map(([, get]) => get.args!.value)).toEqual([0, 1, 2, 3, 4]);
    // A put that blocked (maxsize 2) hands its item over when it ends, after a get made room:
    // the arrow starts at that 'E'. How many block depends on timing; the first two never do.
    const blockedPuts = events('queue-bounded', (e) => e.ph === 'E' && e.op === 'put');
    expect(q.map(([put]) => put.args!.phase).filter((ph) => ph === 'E')).toHaveLength(blockedPuts.length);
    expect(q.slice(0, 2).map(([put]) => put.args!.phase)).toEqual(['X', 'X']);
    for (const [put] of q.filter(([p]) => p.args!.phase === 'E')) expect(blockedPuts.map((e) => tsOf('queue-bounded', e))).toContain(put.ts);
    const made = flows('queue-bounded', 'wake', 'q');
    expect(made.map(([get, put]) => [get.name, nameOf('queue-bounded', get.pid), put.name, put.args!.phase, put.args!.seq]))
      .toEqual(blockedPuts.map((e) => ['get q', 'consumer', 'put q', 'E', e.seq]));
  });

  it('links Event.set to the wait it woke, and not to the wait that timed out', () => {
    const wakes = flows('event', 'wake', 'e');
    expect(wakes.map(([set, wait]) => [set.name, nameOf('event', set.pid), wait.name, nameOf('event', wait.pid), wait.args!.value]))
      .toEqual([['set e', 'MainProcess', 'wait e', 'untimed', true]]);
    const timed = trace('event').traceEvents.filter((x) => x.pid === pidOf('event', 'timed') && x.name === 'blocked: wait on e');
    expect(timed).toHaveLength(1);
  });

  it('links notify to the first waiter and notify_all to the rest, at the end of their wait', () => {
    const all = flows('condition', 'wake', 'cond');
    const wakes = all.filter(([from]) => from.name.startsWith('notify')).map(([from, to]) => [from.name, nameOf('condition', to.pid), to.name, to.args!.phase]);
    expect(wakes).toEqual([
      ['notify cond', 'A', 'wait cond', 'E'],
      ['notify_all cond', 'B', 'wait cond', 'E'],
      ['notify_all cond', 'C', 'wait cond', 'E'],
    ]);
    // The lock each waiter re-acquired was handed over by a release (or another's wait).
    // Which one depends on timing: a process blocked in acquire may also be handed the lock by a
    // waiter that went to sleep, so only the shape is fixed.
    const handed = all.filter(([from]) => !from.name.startsWith('notify'));
    const toWaits = handed.filter(([, to]) => to.name === 'wait cond');
    expect(toWaits.map(([, to]) => nameOf('condition', to.pid)).sort()).toEqual(['A', 'B', 'C']);
    for (const [from, to] of handed) {
      expect(['release cond', 'wait cond']).toContain(from.name);
      expect(['wait cond', 'acquire cond']).toContain(to.name);
    }
    // Each notified waiter shows the moment it was notified.
    for (const proc of ['A', 'B', 'C']) {
      expect(trace('condition').traceEvents.filter((x) => x.pid === pidOf('condition', proc) && x.name === 'notified cond')).toHaveLength(1);
    }
    // From the notify on, a waiter waits for the lock, not for the notify.
    const a = trace('condition').traceEvents.filter((x) => x.pid === pidOf('condition', 'A') && x.cat === 'state').map((x) => x.name);
    expect(a).toEqual(expect.arrayContaining(['blocked: wait on cond', 'blocked: re-acquire on cond.lock']));
    // The parent's timed wait ends without a notify: no wake arrow reaches it.
    const main = pidOf('condition', 'MainProcess');
    expect(resolveFlows(trace('condition')).filter((f) => f.to?.pid === main && f.to.name === 'wait cond')).toEqual([]);
    expect(trace('condition').traceEvents.filter((x) => x.pid === main && x.name === 'wait-timeout cond')).toHaveLength(1);
  });

  it('links each lock release to the blocked acquire it handed the lock to', () => {
    const wakes = flows('lock-fifo', 'wake', 'lock').map(([from, to]) => [nameOf('lock-fifo', from.pid), from.name, nameOf('lock-fifo', to.pid), to.name]);
    expect(wakes).toEqual([
      ['MainProcess', 'release lock', 'A', 'acquire lock'],
      ['A', 'release lock', 'B', 'acquire lock'],
      ['B', 'release lock', 'C', 'acquire lock'],
    ]);
    // On semaphore-pool too, every acquire that blocked was woken by one release.
    const woken = resolveFlows(trace('semaphore-pool')).filter((f) => f.name === 'wake' && f.start.args?.obj === 'slots');
    expect(woken.map((f) => [f.from!.name, f.to!.pid, f.to!.ts]).sort())
      .toEqual(events('semaphore-pool', (e) => e.ph === 'E' && e.obj === 'slots').map((e) => ['release slots', e.pid, tsOf('semaphore-pool', e)]).sort());
  });

  it('links each pipe send to the recv on the other end that got it', () => {
    const items = flows('pipe', 'item', 'pipe').map(([send, recv]) => [nameOf('pipe', send.pid), send.args!.args, nameOf('pipe', recv.pid), recv.args!.value]);
    expect(items).toEqual([
      ['talker', [1, ['spam', 42]], 'MainProcess', ['spam', 42]],
      ['MainProcess', [0, { reply: 'hello' }], 'talker', { reply: 'hello' }],
      ['talker', [1, 'bye'], 'MainProcess', 'bye'],
    ]);
  });

  it('links each spawn to the child it created and each exit to the join it woke', () => {
    const run = runs.get('fork-loop')!;
    const root = run.report.processes.find((p) => p.parentPid === null)!;
    const spawns = resolveFlows(trace('fork-loop')).filter((f) => f.name === 'spawn');
    expect(spawns.map((f) => [f.from!.pid, f.from!.name, f.from!.args!.phase, f.to!.pid, f.finish.ts]).sort())
      .toEqual(run.report.processes.filter((p) => p.parentPid !== null).map((p) => {
        const created = run.events.find((e) => e.pid === p.pid && e.life === 'created')!;
        return [root.pid, 'spawn kernel', 'B', p.pid, tsOf('fork-loop', created)];
      }).sort());
    // A join that blocked ends when the child exits; one on a child already gone never blocked.
    const blockedJoins = events('queue-fifo', (e) => e.ph === 'E' && e.op === 'join');
    expect(blockedJoins.length).toBeGreaterThan(0);
    const joins = resolveFlows(trace('queue-fifo')).filter((f) => f.name === 'exit' && f.to?.name.startsWith('join'));
    expect(joins.map((f) => [f.from!.pid, f.from!.cat, f.to!.ts])).toEqual(blockedJoins.map((e) => [Number(e.obj!.slice(5)), 'life', tsOf('queue-fifo', e)]));
  });

  it('ends a hung run with the waiter still blocked until it is killed', () => {
    const run = runs.get('missing-wakeup')!;
    const pid = pidOf('missing-wakeup', 'waiter');
    const states = trace('missing-wakeup').traceEvents.filter((x) => x.pid === pid && x.cat === 'state');
    expect(states.at(-1)!.name).toBe('blocked: wait on never');
    expect(states.at(-1)!.ts + states.at(-1)!.dur!).toBe(tsOf('missing-wakeup', run.events.find((e) => e.pid === pid && e.life === 'exited')!));
    expect(trace('missing-wakeup').traceEvents).toContainEqual(expect.objectContaining({ pid, cat: 'life', name: 'exited (killed by SIGKILL)' }));
  });
});
