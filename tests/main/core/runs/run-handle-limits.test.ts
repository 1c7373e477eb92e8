// Issue 7: a run with a wall-clock limit always ends, even when its worker ignores signals
// and its kill is never reported; and the process caps a run gets by default.
import { describe, expect, it } from 'vitest';
import { RunHandle } from '../../../../main/core/runs/run-handle';
import { checkRunRequest } from '../../../../main/core/runs/run-request';
import { DEFAULT_MAX_PROCESSES, MAX_PROCESSES_PER_RUN } from '../../../../main/protocol/limits';
import { FakeWorker } from '../kernel/support/fake-worker';

function config(scenario: string, params: Record<string, unknown>, timeoutS: number) {
  const c = checkRunRequest({ scenario, params, timeoutS });
  if (!c.ok) throw new Error(c.error.message);
  return c.value;
}

/** Workers on demand only: no preparation (the run's processes start when asked). */
function source(take: () => Promise<FakeWorker>) {
  return { reserve: async () => ({ take: () => undefined, release: () => {} }), take };
}

/** A worker that never answers, ignores every signal, and whose exit is never reported. */
function deafWorker(): FakeWorker {
  const w = new FakeWorker();
  w.onKill = () => {};
  return w;
}

describe('RunHandle', () => {
  it('ends at its wall-clock limit although its worker ignores SIGKILL and never exits', async () => {
    const workers: FakeWorker[] = [];
    const run = new RunHandle('deaf', config('probe', { case: 'queue-fifo', seed: 1 }, 0.3), source(async () => { const w = deafWorker(); workers.push(w); return w; }));
    run.begin();
    const report = await run.done;
    expect(report.status).toBe('timeout');
    expect(report.notes.join(' ')).toMatch(/stopped after the 0.3 s wall-clock limit/);
    expect(workers[0].signals).toEqual(['SIGKILL']);
  });

  it('stop() also ends it, whatever the worker does', async () => {
    const run = new RunHandle('deaf2', config('probe', { case: 'queue-fifo', seed: 1 }, 60), source(async () => deafWorker()));
    run.begin();
    const report = await run.stop();
    expect(report.status).toBe('stopped');
  });

  it(`allows ${DEFAULT_MAX_PROCESSES} processes alive at once and ${MAX_PROCESSES_PER_RUN} in all by default; a scenario's maxProcesses caps both and ends a runaway`, () => {
    const take = source(async () => new FakeWorker());
    const plain = new RunHandle('a', config('pool-map', {}, 10), take);
    expect(plain.kernel.opts).toMatchObject({ maxProcesses: 64, maxProcessesTotal: 1024, processCapEndsRun: false });
    const host = new RunHandle('b', config('pool-map', {}, 10), take, { maxProcesses: 8 });
    expect(host.kernel.opts.maxProcesses).toBe(8);
    const fork = new RunHandle('c', config('fork-loop', { maxProcesses: 200 }, 10), take);
    expect(fork.kernel.opts).toMatchObject({ maxProcesses: 64, maxProcessesTotal: 200, processCapEndsRun: true });
  });
});
