// Issue 8's "done when": on real runs of every scenario of the catalogue (and the probes that
// reach the links the catalogue may not: a put let in by a get, notify, timeouts, a daemon, a
// deadlock), every link the kernel recorded points at an event that really could cause it,
// and every arrow and lane of the live model and of the trace export comes from those links.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromeTrace } from '../../../main/core/reports/export-trace';
import type { RunExport } from '../../../main/core/reports/run-export';
import type { ChromeTrace } from '../../../main/core/reports/trace-event';
import { SCENARIOS } from '../../../main/scenarios/checks/registry';
import type { LabEvent } from '../../../shared/events';
import { LiveModel } from '../../../shared/live';
import { exportedRun } from '../../support/exported-run';
import { newHost } from '../../support/lab-host';
import { traceProblems } from '../../support/trace-format';
import { linkProblems, modelProblems, traceLinkProblems } from './link-checks';

/** Small parameters for each catalogue scenario: few processes, few items. */
const CATALOGUE: Record<string, Record<string, unknown>> = {
  'fork-loop': { iterations: 3 },
  'semaphore-pool': { jobs: 6, slots: 2 },
  'manager-namespace': { variant: 'mutable-gotcha' },
  'producer-consumer': { producers: 2, consumersPerProducer: 1, sleepMaxUnits: 2, ending: 'joinable' },
  'task-queue': { tasks: 6, consumers: 2 },
  'event-signal': {},
  lock: { workers: 3 },
  whoami: { children: 3 },
  condition: { stage2Workers: 3 },
  'manager-dict': { workers: 4 },
  'pool-map': { inputs: 6, poolSize: 2 },
  pipe: {},
  'shared-memory': { procs: 2, raceIncrements: 20, useLock: true },
  'queue-polling': { counters: 2, steps: 2 },
  'queue-object': {},
  'end-signal': { variant: 'joinable-daemons' },
};

/** More runs: the other endings of producer-consumer, and probes. */
const MORE: Record<string, { scenario: string; params: Record<string, unknown> }> = {
  'producer-consumer daemon': { scenario: 'producer-consumer', params: { producers: 2, consumersPerProducer: 2, sleepMaxUnits: 2, ending: 'daemon' } },
  'producer-consumer poison-pill': { scenario: 'producer-consumer', params: { producers: 2, consumersPerProducer: 1, sleepMaxUnits: 2, ending: 'poison-pill' } },
  'producer-consumer none (hung)': { scenario: 'producer-consumer', params: { producers: 1, consumersPerProducer: 2, sleepMaxUnits: 1, ending: 'none' } },
  'end-signal none-per-consumer': { scenario: 'end-signal', params: { variant: 'none-per-consumer' } },
  'end-signal no-signal (hung)': { scenario: 'end-signal', params: { variant: 'no-signal' } },
  ...Object.fromEntries(['queue-bounded', 'queue-timeouts', 'condition', 'lock-fifo', 'lock-timeout', 'event', 'joinable', 'daemon', 'deadlock', 'value-race']
    .map((c) => [`probe ${c}`, { scenario: 'probe', params: { case: c } }])),
};

const host = newHost(4);
afterAll(() => host.close());
const runs = new Map<string, RunExport>();

beforeAll(async () => {
  const all = [
    ...Object.entries(CATALOGUE).map(([scenario, params]) => [scenario, { scenario, params }] as const),
    ...Object.entries(MORE),
  ];
  // Two runs at a time: the machine's two cores.
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < all.length) {
      const [name, req] = all[next++];
      runs.set(name, await exportedRun(host, { ...req, params: { timeUnitMs: 5, seed: 7, ...req.params } }));
    }
  };
  await Promise.all([worker(), worker()]);
}, 120_000);

const names = [...Object.keys(CATALOGUE), ...Object.keys(MORE)];

/** Folds as a live view does: in pushes of a few dozen events. */
function foldLive(events: readonly LabEvent[]): LiveModel {
  const m = new LiveModel();
  for (let i = 0; i < events.length; i += 37) m.fold(events.slice(i, i + 37));
  return m;
}

describe('recorded links, on real runs', () => {
  it('cover every scenario of the catalogue', () => {
    expect(Object.keys(CATALOGUE).sort()).toEqual(SCENARIOS.map((s) => s.meta.id).sort());
    expect(runs.get('producer-consumer none (hung)')!.report.status).toBe('hung');
    expect(runs.get('end-signal no-signal (hung)')!.report.status).toBe('hung');
    expect(runs.get('probe deadlock')!.report.status).toBe('hung');
  });

  it.each(names)('are dense, each E ends a B of its process, each item and cause is one that could be (%s)', (name) => {
    const { events } = runs.get(name)!;
    expect(events.length).toBeGreaterThan(10);
    expect(linkProblems(events)).toEqual([]);
  });

  it.each(names)('are all the live model draws: arrows and lanes (%s)', (name) => {
    const { events } = runs.get(name)!;
    expect(modelProblems(events, foldLive(events))).toEqual([]);
  });

  it.each(names)('are all the trace export draws: flows and blocked slices, in a valid trace (%s)', (name) => {
    const run = runs.get(name)!;
    const trace = JSON.parse(JSON.stringify(chromeTrace(run))) as ChromeTrace;
    expect(traceProblems(trace)).toEqual([]);
    expect(traceLinkProblems(run.events, trace)).toEqual([]);
  });

  it('reach every kind of link across the runs', () => {
    const seen = new Set<string>();
    for (const { events } of runs.values()) {
      const bySeq = new Map(events.map((e) => [e.seq, e]));
      for (const e of events) {
        if (e.item !== undefined) seen.add(`item ${bySeq.get(e.item)!.op}→${e.op}`);
        if (e.cause !== undefined && e.cause !== e.item) {
          const c = bySeq.get(e.cause)!;
          seen.add(`cause ${c.kind === 'life' ? c.life : c.op}→${e.kind === 'life' ? e.life : e.op}`);
        }
      }
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining([
      'item put→get', 'item send→recv',
      'cause release→acquire', 'cause release→wait', 'cause notify→notified', 'cause notify_all→notified', 'cause set→wait',
      'cause task_done→join', 'cause get→put', 'cause exited→join', 'cause exited→atexit', 'cause created→spawn', 'cause spawn→created',
    ]));
  });
});

// The checks above can fail: each wrong link below, put into a real run, is named.
describe('the link checks', () => {
  const copy = (name: string): LabEvent[] => structuredClone(runs.get(name)!.events);
  const find = (events: LabEvent[], f: (e: LabEvent) => boolean): LabEvent => events.find(f)!;

  it('name a get whose item is another put, a wake from the wrong object, a broken call, a gap and a spawn that is not the parent\'s', () => {
    const q = copy('probe queue-bounded');
    const gets = q.filter((e) => e.op === 'get' && e.item !== undefined);
    [gets[0].item, gets[1].item] = [gets[1].item, gets[0].item];
    // The second get names the first put's item; the first may name a put that came after it
    // (a put that blocked until that get made room), which is named as such.
    expect(linkProblems(q).join('\n')).toMatch(/got 1 but its item .* carried 0/);

    const lock = copy('probe lock-fifo');
    const acquired = find(lock, (e) => e.ph === 'E' && e.op === 'acquire');
    acquired.cause = find(lock, (e) => e.op === 'create' && e.obj === 'order').seq;
    expect(linkProblems(lock).join('\n')).toMatch(/must be handed lock by a release of it/);

    const cond = copy('probe condition');
    const notified = find(cond, (e) => e.op === 'notified');
    notified.cause = find(cond, (e) => e.op === 'acquire' && e.seq < notified.seq).seq;
    const end = find(cond, (e) => e.ph === 'E' && e.op === 'wait');
    end.call = end.call! + 1;
    expect(linkProblems(cond).join('\n')).toMatch(/a notified waiter must name a notify[\s\S]*(names no earlier B|its call \d+ is)/);

    const event = copy('probe event');
    event.splice(5, 1);
    const child = find(event, (e) => e.life === 'created' && e.cause !== undefined);
    child.cause = child.cause! - 1;
    const untimed = find(event, (e) => e.ph === 'E' && e.op === 'wait' && !e.timedOut);
    delete untimed.cause;
    const problems = linkProblems(event).join('\n');
    expect(problems).toMatch(/seqs are not dense/);
    expect(problems).toMatch(/must name its parent's spawn B/);
    expect(problems).toMatch(/ended with no cause and not by its timeout/);
  });

  it('name an arrow, a flow or a lane that no recorded link gives', () => {
    const name = 'probe queue-bounded';
    const real = runs.get(name)!;
    const tampered = copy(name);
    const get = find(tampered, (e) => e.op === 'get' && e.item !== undefined);
    const put = find(tampered, (e) => e.seq === get.item);
    delete get.item;
    delete get.cause;
    // The model and the trace drew the real run; the events now say otherwise.
    expect(modelProblems(tampered, foldLive(real.events)).join('\n')).toContain(`arrow item ${put.seq}→${get.seq}`);
    const trace = chromeTrace(real);
    expect(traceLinkProblems(tampered, trace).join('\n')).toContain(`flow item ${put.seq}→${get.seq} is no recorded link`);
    // A lane that says it waits on another object than its call.
    const locks = copy('probe lock-fifo');
    find(locks, (e) => e.ph === 'B' && e.op === 'acquire').obj = 'elsewhere';
    expect(modelProblems(locks, foldLive(runs.get('probe lock-fifo')!.events)).join('\n')).toMatch(/acquire on lock \[.*its call is #\d+ B acquire elsewhere/);
  });
});
