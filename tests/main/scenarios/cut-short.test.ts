// Every scenario, really run and cut short: by its wall-clock limit (the scenarios that wait on
// time), and by the user's stop right after the first child was created (all of them: those that
// never wait on time can finish before any limit, so only a stop is sure to cut them). No
// completion property may show ✓, each one not judged says why, and safety ones say "so far".
import { afterAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../../../shared/run-report';
import { newHost, startRun, survivors } from '../../support/lab-host';
import { ENDING_SPECS, type EndingSpec } from './ending-spec';

const host = newHost(4);
afterAll(() => host.close());

/** `cause`: the words every reason must start with (after "so far: " for a safety property). */
function expectCutShort(r: RunReport, spec: EndingSpec, cause: string, early: string[]): void {
  const quoted = cause.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect([...r.invariants.map((i) => i.id)].sort()).toEqual([...spec.safety, ...spec.completion].sort());
  for (const i of r.invariants) {
    const where = `${spec.id} ${i.id}: ${i.detail}`;
    expect(i.ok, where).not.toBe(false);
    expect(i.detail, where).not.toMatch(/undefined|NaN/);
    if (spec.safety.includes(i.id)) {
      expect(i.ok, where).toBe(true);
      expect(i.detail, where).toMatch(new RegExp(`\\(so far: ${quoted}[^)]*\\)$`));
    } else if (!early.includes(i.id)) {
      expect(i.ok, where).toBeNull();
      expect(i.detail.startsWith(cause), where).toBe(true);
    }
  }
  expect(r.passed).toBe(false);
}

describe.each(ENDING_SPECS)('$id, really cut short', (spec) => {
  it('stopped by the user right after its first child was created', async () => {
    const handle = startRun(host, { scenario: spec.id, params: { ...spec.fast, seed: 1 }, timeoutS: 60 });
    let root = 0;
    let stopping: Promise<RunReport> | undefined;
    handle.onEvents((batch) => {
      for (const e of batch) {
        if (e.life !== 'created' || stopping) continue;
        if (!root) root = e.pid;
        else stopping = handle.stop();
      }
    });
    const r = await handle.done;
    expect(stopping, 'the run was stopped, not finished').toBeDefined();
    expect(r.status).toBe('stopped');
    expectCutShort(r, spec, 'the user stopped the run', []);
    expect(r.prediction).toBeUndefined();
    expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
  });
});

// Only the scenarios that wait on time: the others may finish before any limit.
describe.each(ENDING_SPECS.filter((s) => s.slow !== null))('$id, really cut short by its wall-clock limit', (spec) => {
  it('ended by a 0.5 s wall-clock limit', async () => {
    const r = await startRun(host, { scenario: spec.id, params: { ...spec.slow, seed: 1 }, timeoutS: 0.5 }).done;
    expect(r.status).toBe('timeout');
    expectCutShort(r, spec, 'the lab ended the run at its 0.5 s wall-clock limit', spec.early ?? []);
    expect(await survivors(r.processes.map((p) => p.pid))).toEqual([]);
  });
});
