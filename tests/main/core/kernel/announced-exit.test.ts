// A program's exit is recorded once its last call (atexit, exit()) is answered, not when its
// Node worker is finally gone (about 3 ms later, a teardown a forked Python child does not
// have): a join() answers as soon as Python's would. The process itself is still reaped
// before the run ends, and a worker that then ends differently from what it announced is told.
import { describe, expect, it } from 'vitest';
import { RunHandle } from '../../../../main/core/runs/run-handle';
import { checkRunRequest } from '../../../../main/core/runs/run-request';
import { FakeWorker, fakeRun, turns } from './support/fake-worker';

async function parentAndChild() {
  const run = fakeRun();
  await run.kernel.startRoot([]);
  const parent = run.workers[0];
  parent.emit({ t: 'calls', ack: 1, c: [[1, '$k', 'spawn', ['child', [], {}]]] });
  await turns();
  const child = run.workers[1];
  parent.emit({ t: 'calls', ack: parent.lastSeq, c: [[2, '$k', 'join', [child.pid, null]]] });
  await turns();
  return { ...run, parent, child };
}

describe('a process exit recorded when the program announces it', () => {
  it('answers join() once the child\'s last answer is sent, while its worker is still tearing down', async () => {
    const { parent, child, events } = await parentAndChild();
    expect(parent.replies().get(2)).toBeUndefined();
    child.emit({ t: 'calls', ack: 1, c: [[1, '$k', 'atexit', [0]]] });
    await turns(4);
    expect(child.exited).toBe(false);
    expect(child.replies().get(1)).toEqual([1, 1, null]);
    expect(parent.replies().get(2)).toEqual([2, 1, { exitCode: 0, signal: null }]);
    const exited = events.filter((e) => e.life === 'exited' && e.pid === child.pid);
    expect(exited).toMatchObject([{ exitCode: 0, signal: null, how: 'returned' }]);
    // The worker's real exit, as announced, adds nothing.
    child.exit(0);
    await turns();
    expect(events.filter((e) => e.pid === child.pid && (e.life === 'exited' || e.kind === 'error'))).toHaveLength(1);
  });

  it('does the same for exit(code), with that code', async () => {
    const { parent, child, events } = await parentAndChild();
    child.emit({ t: 'calls', ack: 1, c: [[1, '$k', 'exit', [3]]] });
    await turns(4);
    expect(parent.replies().get(2)).toEqual([2, 1, { exitCode: 3, signal: null }]);
    expect(events.find((e) => e.life === 'exited' && e.pid === child.pid)).toMatchObject({ exitCode: 3, how: 'exit' });
  });

  it('tells a worker that ended differently from what it announced', async () => {
    const { child, events } = await parentAndChild();
    child.emit({ t: 'calls', ack: 1, c: [[1, '$k', 'atexit', [0]]] });
    await turns(4);
    child.exit(null, 'SIGSEGV');
    await turns();
    const told = events.filter((e) => e.kind === 'error' && e.pid === child.pid).map((e) => e.text);
    expect(told).toEqual([`Process-1 (pid ${child.pid}) finished its program with code 0, but its process then was killed by SIGSEGV`]);
  });
});

describe('a run whose last process announced its exit', () => {
  function lingeringRun(onKill: (w: FakeWorker) => void) {
    const c = checkRunRequest({ scenario: 'probe', params: { case: 'queue-fifo', seed: 1 }, timeoutS: 30 });
    if (!c.ok) throw new Error(c.error.message);
    const workers: FakeWorker[] = [];
    const take = async () => {
      const w = new FakeWorker();
      w.onKill = () => onKill(w);
      workers.push(w);
      return w;
    };
    const run = new RunHandle('linger', c.value, { reserve: async () => ({ take: () => undefined, release: () => {} }), take });
    return { run, workers };
  }

  it('ends only once its worker is really gone', async () => {
    const { run, workers } = lingeringRun(() => {});
    run.begin();
    await turns(5);
    let ended = false;
    void run.done.then(() => { ended = true; });
    workers[0].emit({ t: 'calls', ack: 1, c: [[1, '$k', 'atexit', [0]]] });
    await turns(5);
    expect(workers[0].replies().get(1)).toEqual([1, 1, null]);
    expect(ended).toBe(false);
    workers[0].exit(0);
    const report = await run.done;
    expect(report.status).toBe('completed');
    expect(workers[0].signals).toEqual([]);
  });

  it('kills a worker that lingers after announcing its exit, and still ends', async () => {
    const { run, workers } = lingeringRun((w) => w.exit(null, 'SIGKILL'));
    run.begin();
    await turns(5);
    workers[0].emit({ t: 'calls', ack: 1, c: [[1, '$k', 'atexit', [0]]] });
    const report = await run.done;
    expect(workers[0].signals).toEqual(['SIGKILL']);
    // Killed by the lab after its program ended: nothing to tell, and the run completed.
    expect(report.status).toBe('completed');
  }, 10_000);
});
