// queue-object (seed 001's first example): an Errand crosses a Queue by its class name and its
// fields, is rebuilt in the worker and its method runs there. Real runs, side by side with our
// Python program doing the same with pickle; and the checks shown to fail on records that lie.
import { afterAll, describe, expect, it } from 'vitest';
import type { LabEvent } from '../../../shared/events';
import type { RunReport } from '../../../shared/run-report';
import { queueObjectMeta } from '../../../shared/scenarios/queue-object';
import { judgeStored } from '../../../main/core/runs/build-report';
import type { RunRecord } from '../../../main/core/runs/run-record';
import { Errand, queueObjectPrograms } from '../../../main/scenarios/programs/queue-object';
import { encodeValue, registerClasses, reviveValue } from '../../../main/worker/codec';
import type { KernelClient } from '../../../main/worker/kernel-client';
import { newHost, startRun, survivors } from '../../support/lab-host';
import { describeRun, runPythonProgram } from '../../support/python-runner';

const host = newHost(4);
afterAll(() => host.close());
const RUNS = 4;
const LINE = 'Doing something fancy in Process-1 for Fancy Dan!';
const ERRAND = { $py: 'object', cls: 'Errand', fields: { client: 'Fancy Dan' } };
const IDS = ['arrives-as-class', 'method-runs-in-worker', 'close-then-join-thread', 'put-after-close-refused', 'worker-exit-0'];

async function labRun(seed: number): Promise<{ report: RunReport; record: RunRecord }> {
  const handle = startRun(host, { scenario: 'queue-object', params: { timeUnitMs: 10, seed } });
  return { report: await handle.done, record: handle.record };
}

describe('queue-object', () => {
  it(`holds every invariant over ${RUNS} runs: the object arrives as an Errand and its method names the worker`, async () => {
    for (let i = 0; i < RUNS; i++) {
      const { report: r } = await labRun(i);
      expect(r.status, JSON.stringify(r.invariants)).toBe('completed');
      expect(r.invariants.map((x) => x.id)).toEqual(IDS);
      expect(r.invariants.every((x) => x.ok), JSON.stringify(r.invariants)).toBe(true);
      expect(r.passed).toBe(true);
      const worker = r.processes.find((p) => p.program === 'worker')!;
      expect(worker.name).toBe('Process-1');
      expect(r.output.map((o) => [o.pid, o.text])).toEqual([[worker.pid, LINE]]);
      expect(r.result.sent).toEqual(ERRAND);
      expect(r.result.arrived).toEqual(ERRAND);
      expect(r.result.putAfterClose).toMatch(/^ValueError: Queue \S+ is closed$/);
      expect(r.prediction?.answer).toBe('Process-1');
      expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
    }
  });

  it('prints what Python prints, and both refuse a put after close() with ValueError', async () => {
    const py = await runPythonProgram('queue-object', { timeUnitMs: 10 }, { runs: 3 });
    for (const p of py) {
      expect(p.code, describeRun(p)).toBe(0);
      expect(p.leftovers).toEqual([]);
      expect(p.lines).toEqual([LINE]);
      expect(p.stderr).toMatch(/^put after close: ValueError: Queue .* is closed$/m);
    }
    for (let i = 0; i < 3; i++) {
      const { report: r } = await labRun(100 + i);
      expect(r.output.map((o) => o.text)).toEqual(py[i].lines);
      expect(String(r.result.putAfterClose).split(':')[0]).toBe('ValueError');
    }
  });

  it('the object travels as its class: listed with the programs, sent as name and fields, rebuilt with its method', async () => {
    expect(queueObjectPrograms.classes).toContain(Errand);
    registerClasses(queueObjectPrograms.classes);
    const wire = JSON.parse(JSON.stringify(encodeValue(new Errand('Fancy Dan')))) as unknown;
    expect(wire).toEqual(ERRAND);
    const back = reviveValue(undefined as unknown as KernelClient, wire) as Errand;
    expect(back).toBeInstanceOf(Errand);
    expect(back.client).toBe('Fancy Dan');
    expect(typeof back.runErrand).toBe('function');
    // A real run's queue carried exactly that.
    const { record } = await labRun(7);
    const put = record.ops('queue', 'put').find((e) => e.ph === 'X' && e.pid === record.root()!.pid)!;
    expect(put.args?.[0]).toEqual(ERRAND);
  });

  it('a lambda cannot travel: the lab refuses it with the words the explanation quotes', () => {
    let message = '';
    try { encodeValue(() => 'fancy'); } catch (e) { message = (e as Error).message; }
    expect(message).toMatch(/^a function cannot travel between processes \(Python cannot pickle a lambda either\); send /);
    expect(queueObjectMeta.explanation).toContain('"a function cannot travel between processes"');
  });

  describe('its checks fail on a record that shows otherwise', () => {
    let good: { report: RunReport; record: RunRecord };
    const judge = (events: LabEvent[]) => {
      const j = judgeStored({ scenario: 'queue-object', params: good.report.params, status: 'completed', events, processes: good.record.processes });
      if (!j.ok) throw new Error(j.error.message);
      return Object.fromEntries(j.value.invariants.map((i) => [i.id, i.ok]));
    };
    const failing = (verdicts: Record<string, boolean | null>) => Object.keys(verdicts).filter((id) => verdicts[id] !== true);

    it('the untouched record passes', async () => {
      good = await labRun(11);
      expect(failing(judge(structuredClone(good.record.events)))).toEqual([]);
    });

    it('an object of another class, or with other fields, did not arrive as sent', () => {
      const other = structuredClone(good.record.events).map((e) => (e.op === 'get' && e.ph !== 'B' ? { ...e, value: { ...ERRAND, cls: 'Parcel' } } : e));
      expect(failing(judge(other))).toEqual(['arrives-as-class']);
      const fields = structuredClone(good.record.events).map((e) => (e.op === 'get' && e.ph !== 'B' ? { ...e, value: { ...ERRAND, fields: { client: 'Plain Jane' } } } : e));
      expect(failing(judge(fields))).toEqual(['arrives-as-class']);
    });

    it('a line naming the parent (the method run where the object was made) is refused', () => {
      const events = structuredClone(good.record.events).map((e) => (e.kind === 'print' ? { ...e, text: LINE.replace('Process-1', 'MainProcess') } : e));
      expect(failing(judge(events))).toEqual(['method-runs-in-worker']);
    });

    it('no close() before join_thread(), or a put after close() that went through, is refused', () => {
      const noClose = structuredClone(good.record.events).filter((e) => e.op !== 'close');
      expect(failing(judge(noClose))).toEqual(['close-then-join-thread']);
      const accepted = structuredClone(good.record.events).filter((e) => !(e.kind === 'note' && e.op === 'result'));
      expect(failing(judge(accepted))).toEqual(['put-after-close-refused']);
    });
  });
});
