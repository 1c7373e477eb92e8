// join() of a child already known to have exited answers at once, as Python's does (its
// waitpid() returns without waiting): the kernel is told, so the join is recorded, but the
// program does not wait for a round trip through it.
import { describe, expect, it } from 'vitest';
import type { StartInfo, WorkerToHost } from '../../../main/protocol/worker-protocol';
import { KernelClient } from '../../../main/worker/kernel-client';
import { ProcessHandle } from '../../../main/worker/process-handle';

const info: StartInfo = {
  runId: 'r', scenario: 'probe', program: 'main', args: [], pid: 100, name: 'MainProcess',
  parentPid: null, daemon: false, seed: 1, timeUnitMs: 10, params: {}, startMethod: 'fork',
};

function client(): { k: KernelClient; sent: WorkerToHost[] } {
  const sent: WorkerToHost[] = [];
  const k = new KernelClient({ send: (m) => sent.push(m), onMessage: () => {} });
  k.receive({ t: 'start', info });
  return { k, sent };
}

const turn = () => new Promise((r) => setImmediate(r));
const joinsSent = (sent: WorkerToHost[]) => sent.flatMap((m) => (m.t === 'calls' ? m.c.filter((c) => c[2] === 'join') : []));

describe('ProcessHandle.join', () => {
  it('answers at once for a child known to have exited, and tells the kernel without waiting for it', async () => {
    const { k, sent } = client();
    const child = new ProcessHandle(k, 200, 'Process-1', false);
    child.exited({ exitCode: 0, signal: null });
    await child.join(); // no reply will ever come: this resolves on its own
    await turn();
    expect(joinsSent(sent)).toEqual([[0, '$k', 'join', [200, null]]]);
  });

  it('waits for the kernel while the child may still run', async () => {
    const { k, sent } = client();
    const child = new ProcessHandle(k, 201, 'Process-2', false);
    let joined = false;
    const joining = child.join().then(() => { joined = true; });
    await turn();
    const [call] = joinsSent(sent);
    expect(call[0]).toBeGreaterThan(0); // a call: it has an id to answer
    expect(joined).toBe(false);
    k.receive({ t: 'batch', s: 2, r: [[call[0], 1, { exitCode: 4, signal: null }]] });
    await joining;
    expect(child.exitcode).toBe(4);
  });
});
