// Every scenario's checks on runs that ended otherwise, cheaply: one real, complete run per
// scenario, then records cut from it as a stop, a time limit, a hang, the process cap or a host
// that died would have left them, and one with a process killed from outside. All are judged
// through judgeStored, the way a history reader judges an interrupted run.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExitHow, LabEvent } from '../../../shared/events';
import type { HangReport, InvariantResult, ProcessRecord, RunStatus } from '../../../shared/run-report';
import { judgeStored, type Judgement } from '../../../main/core/runs/build-report';
import type { RunRecord } from '../../../main/core/runs/run-record';
import type { ParamValues } from '../../../shared/params';
import { newHost, startRun } from '../../support/lab-host';
import { ENDING_SPECS, type EndingSpec } from './ending-spec';

const host = newHost(4);
afterAll(() => host.close());

interface Full { record: RunRecord; params: ParamValues }
const full = new Map<string, Full>();

beforeAll(async () => {
  for (const s of ENDING_SPECS) {
    const handle = startRun(host, { scenario: s.id, params: { ...s.fast, seed: 3 }, timeoutS: 60 });
    const report = await handle.done;
    // The cuts below are prefixes of a good run: every later claim of a violation would be false.
    expect(report.passed, `${s.id}: ${JSON.stringify(report.invariants)}`).toBe(true);
    full.set(s.id, { record: handle.record, params: report.params });
  }
}, 120_000);

type Ending = 'stopped' | 'timeout' | 'hung' | 'cap' | 'interrupted';
const ENDINGS: Ending[] = ['stopped', 'timeout', 'hung', 'cap', 'interrupted'];
/** What each ending's "not judged" reason must name. */
const CAUSE: Record<Ending, RegExp> = {
  stopped: /the user stopped the run/,
  timeout: /the lab ended the run at its 7 s wall-clock limit/,
  hung: /the run hung/,
  cap: /process cap ended the run/,
  interrupted: /host stopped during the run/,
};
const HANG: HangReport = { blocked: [], cycle: [], orphanedLocks: [], summary: 'made up' };

/** The record as it stood at event `upto`, ended as `ending` would end it. */
function cut(f: Full, spec: EndingSpec, upto: number, ending: Ending): Judgement {
  const events: LabEvent[] = f.record.events.filter((e) => e.seq <= upto);
  const created = new Set(events.filter((e) => e.life === 'created').map((e) => e.pid));
  const exited = new Set(events.filter((e) => e.life === 'exited').map((e) => e.pid));
  const last = events[events.length - 1];
  let seq = last.seq;
  const tEnd = last.t + 1000;
  if (ending === 'cap') events.push({ seq: ++seq, t: tEnd, pid: 0, ph: 'I', kind: 'note', op: 'cap', text: 'process cap reached' });
  // Everything still running is ended by the lab (or, for a host that died, never ended).
  const processes = f.record.processes.filter((p) => created.has(p.pid)).map((p): ProcessRecord => {
    if (exited.has(p.pid)) return p;
    if (ending === 'interrupted') return { ...p, exitCode: null, signal: null, how: null, endMs: null };
    events.push({ seq: ++seq, t: tEnd, pid: p.pid, ph: 'I', kind: 'life', life: 'exited', exitCode: null, signal: 'SIGKILL', how: 'stopped' });
    return { ...p, exitCode: null, signal: 'SIGKILL', how: 'stopped', endMs: tEnd / 1000 };
  });
  const status: RunStatus = ending === 'cap' ? 'completed' : ending;
  const j = judgeStored({ scenario: spec.id, params: f.params, status, events, processes, timeoutS: 7, ...(ending === 'hung' ? { hang: HANG } : {}) });
  if (!j.ok) throw new Error(j.error.message);
  return j.value;
}

function expectHonest(j: Judgement, spec: EndingSpec, ending: Ending, label: string): void {
  const ids = j.invariants.map((i) => i.id);
  expect([...ids].sort(), `${label}: every invariant is sorted into safety or completion`).toEqual([...spec.safety, ...spec.completion].sort());
  for (const i of j.invariants) {
    const where = `${label} ${i.id}: ${i.detail}`;
    expect(i.ok, `${where} (a prefix of a good run broke nothing)`).not.toBe(false);
    expect(i.detail, where).not.toMatch(/undefined|NaN/);
    if (spec.safety.includes(i.id)) {
      expect(i.ok, where).toBe(true);
      expect(i.detail, where).toContain(`(so far: `);
      expect(i.detail, where).toMatch(CAUSE[ending]);
    } else if (i.ok === null) {
      expect(i.detail, where).toMatch(CAUSE[ending]);
    }
  }
  // A capped run keeps the kernel's status 'completed' (the cap is fork-loop's lesson), so only
  // the other endings are sure to fail the passed rule.
  if (ending !== 'cap') expect(j.passed, label).toBe(false);
}

const firstChild = (r: RunRecord) => {
  const root = r.events.find((e) => e.life === 'created')!.pid;
  return r.events.find((e) => e.life === 'created' && e.pid !== root)!.seq;
};

describe.each(ENDING_SPECS)('$id, on records ended otherwise', (spec) => {
  it.each(ENDINGS)('%s: cut right after the first child was created, no completion property is judged', (ending) => {
    const f = full.get(spec.id)!;
    const j = cut(f, spec, firstChild(f.record), ending);
    expectHonest(j, spec, ending, `${spec.id} ${ending}`);
    for (const id of spec.completion) expect(j.invariants.find((i) => i.id === id)!.ok, `${spec.id} ${ending} ${id}`).toBeNull();
    expect(j.status).toBe(ending === 'cap' ? 'completed' : ending);
    expect(j.prediction, `${spec.id}: a run cut this early answers no prediction`).toBeUndefined();
    if (ending === 'interrupted') expect(j.notes[0]).toMatch(/^The lab's host stopped during this run; these checks read the \d+ events it had stored/);
  });

  it.each(ENDINGS)('%s: cut a third and two thirds of the way, nothing is claimed that the cut record cannot show', (ending) => {
    const f = full.get(spec.id)!;
    const n = f.record.events.length;
    for (const at of [Math.floor(n / 3), Math.floor((2 * n) / 3)]) {
      const j = cut(f, spec, f.record.events[at].seq, ending);
      expectHonest(j, spec, ending, `${spec.id} ${ending} at ${at}/${n}`);
    }
  });

  it(`a ${spec.victim} process killed from outside: ${spec.perProcess.join(', ') || 'nothing'} not judged for it, nothing false`, () => {
    const f = full.get(spec.id)!;
    const victim = f.record.processes.find((p) => p.program === spec.victim)!;
    const how: ExitHow = 'crashed';
    const processes = f.record.processes.map((p) => (p === victim ? { ...p, how, exitCode: null, signal: 'SIGKILL' } : p));
    const events = f.record.events.map((e) => (e.life === 'exited' && e.pid === victim.pid ? { ...e, how, exitCode: null, signal: 'SIGKILL' } : e));
    const j = judgeStored({ scenario: spec.id, params: f.params, status: 'failed', events, processes });
    if (!j.ok) throw new Error(j.error.message);
    const byId = (id: string): InvariantResult => j.value.invariants.find((i) => i.id === id)!;
    for (const i of j.value.invariants) {
      if (spec.perProcess.includes(i.id)) {
        expect(i.ok, `${i.id}: ${i.detail}`).toBeNull();
        expect(i.detail).toContain(`${victim.name} (pid ${victim.pid}) crashed (killed by SIGKILL)`);
      } else {
        // It was killed after doing all its work: every other property holds as in the real run.
        expect(i.ok, `${i.id}: ${i.detail}`).toBe(true);
      }
    }
    for (const id of spec.perProcess) expect(byId(id)).toBeDefined();
    expect(j.value.status).toBe('failed');
    expect(j.value.passed).toBe(false);
  });
});

describe('judgeStored', () => {
  it('refuses an unknown scenario, naming the valid ids', () => {
    const j = judgeStored({ scenario: 'nosuch', params: {}, status: 'interrupted', events: [], processes: [] });
    expect(j.ok).toBe(false);
    if (!j.ok) expect(j.error.message).toMatch(/^unknown scenario "nosuch"; valid ids: fork-loop, semaphore-pool/);
  });

  it('a complete stored run is judged as it was live', () => {
    const f = full.get('producer-consumer')!;
    const j = judgeStored({ scenario: 'producer-consumer', params: f.params, status: 'completed', events: f.record.events, processes: f.record.processes });
    if (!j.ok) throw new Error(j.error.message);
    expect(j.value.invariants.every((i) => i.ok === true)).toBe(true);
    expect(j.value.passed).toBe(true);
    expect(j.value.prediction?.answer).toBe((j.value.result as { lostCount: number }).lostCount);
  });
});
