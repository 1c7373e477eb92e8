// end-signal (seed 004's own programs): how the consumers learn that nothing more comes, in
// four variants. Real runs hold every invariant and leave nothing behind; side by side with our
// Python program, the same lines come out in the orders Python's give, and no-signal hangs in both.
import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../shared/events';
import type { RunReport } from '../../../shared/run-report';
import { judgeStored } from '../../../main/core/runs/build-report';
import { newHost, run, startRun, survivors } from '../../support/lab-host';
import { HANG_EXIT_CODE, describeRun, runPythonProgram } from '../../support/python-runner';

const host = newHost(6);
afterAll(() => host.close());
const VARIANTS = ['no-signal', 'one-none', 'none-per-consumer', 'joinable-daemons'] as const;
type Variant = (typeof VARIANTS)[number];
const RUNS = 3;
/** Real processes on a shared machine: the repeated runs get room beyond the default 30 s. */
const LONG = 90_000;
const COMMON = ['no-dish-twice', 'eaten-after-cooked', 'each-eaten-once'];
const EXTRA: Record<Variant, string[]> = {
  'no-signal': ['main-line-at-once', 'consumer-blocked'],
  'one-none': ['main-line-after-joins', 'none-after-joins', 'one-none-each', 'left-after-none'],
  'none-per-consumer': ['main-line-after-joins', 'none-after-joins', 'one-none-each', 'left-after-none'],
  'joinable-daemons': ['main-line-after-joins', 'done-before-join', 'eaten-before-main-line', 'daemons-ended'],
};
const small = (v: Variant) => v === 'no-signal' || v === 'one-none';
const dishes = (v: Variant) => (small(v) ? ['plum'] : ['plum', 'fig']).flatMap((f) => [0, 1, 2].map((i) => `${f} ${i}`));
const MAIN = 'Main process';

interface EsResult { variant: Variant; endsOnItsOwn: boolean | null; eaten: Record<string, string>; notEaten: string[]; nonesPut: number; mainLine: number | null }

const labRun = (variant: Variant, seed: number, timeUnitMs = 5): Promise<RunReport> =>
  run(host, { scenario: 'end-signal', params: { variant, timeUnitMs, seed } });

describe('end-signal', () => {
  it.each(VARIANTS)(`%s: holds every invariant over ${RUNS} runs, and leaves no process behind`, async (variant) => {
    for (let i = 0; i < RUNS; i++) {
      const r = await labRun(variant, i);
      const res = r.result as unknown as EsResult;
      expect(r.status, JSON.stringify(r.invariants)).toBe(variant === 'no-signal' ? 'hung' : 'completed');
      expect(r.expectedStatus).toBe(r.status);
      expect(r.invariants.map((x) => x.id)).toEqual([...COMMON, ...EXTRA[variant]]);
      expect(r.invariants.every((x) => x.ok), JSON.stringify(r.invariants)).toBe(true);
      expect(r.passed).toBe(true);
      expect(Object.keys(res.eaten).sort()).toEqual(dishes(variant).sort());
      expect(res.endsOnItsOwn).toBe(variant !== 'no-signal');
      expect(r.prediction?.answer).toBe(variant !== 'no-signal');
      // Python's names: the producers first, then the consumers, Process-N in the order started.
      const producers = r.processes.filter((p) => p.program === 'producer');
      const consumers = r.processes.filter((p) => p.program === 'consumer');
      const n = small(variant) ? 1 : 2;
      expect(producers.map((p) => p.name)).toEqual(['Process-1', 'Process-2'].slice(0, n));
      expect(consumers.map((p) => p.name)).toEqual(small(variant) ? ['Process-2'] : ['Process-3', 'Process-4', 'Process-5']);
      const texts = r.output.map((o) => o.text);
      expect(texts.filter((t) => t === MAIN)).toHaveLength(1);
      if (variant === 'no-signal') {
        expect(texts[0]).toBe(MAIN);
        const c = consumers[0];
        expect(r.hang!.blocked).toContainEqual(expect.objectContaining({ pid: c.pid, name: 'Process-2', op: 'get', obj: 'queue' }));
        expect(r.hang!.summary).toContain(`Process-2 (pid ${c.pid}) waits in get() on queue`);
        expect(r.notes.find((x) => x.startsWith('Nothing told the consumer to stop'))).toContain(`Process-2 (pid ${c.pid})`);
      } else if (variant === 'joinable-daemons') {
        expect(texts.at(-1)).toBe(MAIN);
        expect(consumers.every((p) => p.daemon && p.how === 'daemon')).toBe(true);
      } else {
        expect(res.nonesPut).toBe(consumers.length);
        expect(consumers.map((p) => p.exitCode)).toEqual(consumers.map(() => 0));
      }
      expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
    }
  }, LONG);

  it('refuses an unknown variant, naming the allowed ones', () => {
    const r = host.start({ scenario: 'end-signal', params: { variant: 'two-nones' } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toBe('parameter "variant": "two-nones" is not allowed; allowed: one of no-signal, one-none, none-per-consumer, joinable-daemons');
  });
});

/** What both sides print, reduced to what must agree whatever the interleaving. */
interface Shape {
  /** Every "Produced" line and every dish eaten, sorted. */
  produced: string[];
  eaten: string[];
  lines: number;
}
/** Where "Main process" is: first, after every "Produced" line, last. */
interface MainAt { mainFirst: boolean; mainAfterProduced: boolean; mainLast: boolean }

function shape(lines: readonly string[]): Shape {
  return {
    produced: lines.filter((l) => l.includes(' Produced ')).sort(),
    eaten: lines.filter((l) => l.includes(' Ate ')).map((l) => l.split(' Ate ')[1]).sort(),
    lines: lines.length,
  };
}

function mainAt(lines: readonly string[]): MainAt {
  const at = lines.indexOf(MAIN);
  return {
    mainFirst: at === 0,
    mainAfterProduced: at >= 0 && lines.every((l, i) => !l.includes(' Produced ') || i < at),
    mainLast: at >= 0 && at === lines.length - 1,
  };
}

/** Where each variant's structure puts "Main process" (what its joins make sure of); the rest may vary. */
const MAIN_AT: Record<Variant, Partial<MainAt>> = {
  'no-signal': { mainFirst: true, mainAfterProduced: false }, // it joins nobody; the first dish takes a unit
  'one-none': { mainAfterProduced: true }, // after joining the producer; the consumer may still be eating
  'none-per-consumer': { mainAfterProduced: true },
  'joinable-daemons': { mainAfterProduced: true, mainLast: true }, // join() returned: every dish was eaten
};

describe('end-signal side by side with Python (end-signal.py)', () => {
  it.each(VARIANTS)('%s: the same lines, "Main process" where Python puts it, each cook and each lone eater in order', async (variant) => {
    const hangs = variant === 'no-signal';
    const py = await runPythonProgram('end-signal', { variant, timeUnitMs: 20, ...(hangs ? { hangAfterS: 1 } : {}) }, { runs: 2 });
    const lab: RunReport[] = [];
    for (let i = 0; i < 2; i++) lab.push(await labRun(variant, 50 + i, 20));
    for (const p of py) {
      expect(p.code, describeRun(p)).toBe(hangs ? HANG_EXIT_CODE : 0);
      expect(p.leftovers).toEqual([]);
    }
    if (hangs) for (const p of py) expect(p.stderr).toMatch(/hangAfterS: still running after[\s\S]*Process-2 \(pid \d+\)/);
    for (const r of lab) expect(r.status).toBe(hangs ? 'hung' : 'completed');
    const sides = [...py.map((p) => ({ side: 'python', lines: p.lines })), ...lab.map((r) => ({ side: 'lab', lines: r.output.map((o) => o.text) }))];
    const expected = shape(sides[0].lines);
    expect(expected.eaten).toEqual(dishes(variant).sort());
    expect(expected.lines).toBe(2 * dishes(variant).length + 1);
    for (const { side, lines } of sides) {
      const where = `${side}: ${lines.join(' | ')}`;
      expect(shape(lines), where).toEqual(expected);
      expect(mainAt(lines), where).toMatchObject(MAIN_AT[variant]);
      // Each cook's dishes come out in its own order; a lone eater eats them in that order too.
      for (const cook of ['nora', 'ned']) {
        const mine = lines.filter((l) => l.startsWith(`${cook} Produced`));
        expect(mine, where).toEqual([...mine].sort());
      }
      const ate = lines.filter((l) => l.includes(' Ate '));
      if (small(variant)) expect(ate, where).toEqual(['otto Ate plum 0', 'otto Ate plum 1', 'otto Ate plum 2']);
      else for (const l of ate) expect(['otto', 'olga', 'omar'], where).toContain(l.split(' Ate ')[0]);
    }
  }, LONG);
});

describe('end-signal\'s checks fail on a record that shows otherwise', () => {
  const recorded = async (variant: Variant) => {
    const handle = startRun(host, { scenario: 'end-signal', params: { variant, timeUnitMs: 5, seed: 9 } });
    const report = await handle.done;
    expect(report.passed, JSON.stringify(report.invariants)).toBe(true);
    return { report, record: handle.record };
  };
  const failing = (g: Awaited<ReturnType<typeof recorded>>, events: LabEvent[], hang = g.record.hang) => {
    const j = judgeStored({ scenario: 'end-signal', params: g.report.params, status: g.report.status, events, processes: g.record.processes, hang });
    if (!j.ok) throw new Error(j.error.message);
    return j.value.invariants.filter((i) => i.ok !== true).map((i) => i.id);
  };

  it('a dish taken twice, or a None put before the producers were joined', async () => {
    const g = await recorded('none-per-consumer');
    expect(failing(g, structuredClone(g.record.events))).toEqual([]);
    const events = structuredClone(g.record.events);
    const take = events.find((e) => e.op === 'get' && e.ph !== 'B' && typeof e.value === 'string')!;
    const last = events[events.length - 1].seq;
    expect(failing(g, [...events, { ...take, seq: last + 1, call: undefined }])).toEqual(['no-dish-twice', 'each-eaten-once']);
    const unjoined = structuredClone(g.record.events).filter((e) => !(e.op === 'join' && e.pid === g.record.root()!.pid));
    expect(failing(g, unjoined)).toEqual(['main-line-after-joins', 'none-after-joins']);
  });

  it('a join() that returned with dishes unfinished', async () => {
    const g = await recorded('joinable-daemons');
    const events = structuredClone(g.record.events).map((e) => (e.op === 'join' && e.obj === 'queue' && e.ph !== 'B' ? { ...e, state: { ...e.state, unfinished: 1 } } : e));
    expect(failing(g, events)).toEqual(['done-before-join']);
  });

  it('no-signal: a hang that does not name the consumer blocked in get()', async () => {
    const g = await recorded('no-signal');
    const hang = structuredClone(g.record.hang)!;
    hang.blocked = hang.blocked.filter((b) => b.op !== 'get');
    expect(failing(g, structuredClone(g.record.events), hang)).toEqual(['consumer-blocked']);
  });
});
