// A child's exit notice must never be lost: the kernel can send the spawn reply and the
// child's exit in one batch (or two batches read in one go, emitted before the program's
// `await spawn()` resumes), so the notice may arrive before the parent holds a handle.
import { describe, expect, it } from 'vitest';
import type { HostToWorker, StartInfo, WorkerToHost } from '../../../main/protocol/worker-protocol';
import { KernelClient } from '../../../main/worker/kernel-client';
import { Lab } from '../../../main/worker/lab';

const info: StartInfo = {
  runId: 'r', scenario: 'probe', program: 'main', args: [], pid: 100, name: 'MainProcess',
  parentPid: null, daemon: false, seed: 1, timeUnitMs: 10, params: {}, startMethod: 'fork',
};

/** A client on a channel the test drives by hand: what the worker sends is kept. */
function fakeWorker(): { lab: Lab; client: KernelClient; sent: WorkerToHost[] } {
  const sent: WorkerToHost[] = [];
  const client = new KernelClient({ send: (m) => sent.push(m), onMessage: () => {} });
  client.receive({ t: 'start', info });
  return { lab: new Lab(client, info), client, sent };
}

const turn = () => new Promise((r) => setImmediate(r));

/** The call id of the last spawn the worker sent. */
function spawnCallId(sent: WorkerToHost[]): number {
  for (const m of [...sent].reverse()) {
    if (m.t !== 'calls') continue;
    const c = m.c.find((x) => x[2] === 'spawn');
    if (c) return c[0];
  }
  throw new Error('no spawn was sent');
}

describe('a child that exits before its parent holds its handle', () => {
  it('is seen as exited when the spawn reply and the exit notice come in one batch', async () => {
    const { lab, client, sent } = fakeWorker();
    const spawning = lab.spawn('child');
    await turn();
    const batch: HostToWorker = {
      t: 'batch', s: 2,
      r: [[spawnCallId(sent), 1, { pid: 200, name: 'child-200' }]],
      n: [{ kind: 'child-exit', pid: 200, exitCode: 3, signal: null }],
    };
    client.receive(batch);
    const child = await spawning;
    expect(child.exitcode).toBe(3);
    let told = false;
    child.onExit(() => { told = true; });
    expect(told).toBe(true);
  });

  it('is seen as exited when the reply and the notice come in two batches handled back to back', async () => {
    const { lab, client, sent } = fakeWorker();
    const spawning = lab.spawn('child', [], { daemon: true });
    await turn();
    client.receive({ t: 'batch', s: 2, r: [[spawnCallId(sent), 1, { pid: 201, name: 'child-201' }]] });
    client.receive({ t: 'batch', s: 3, r: [], n: [{ kind: 'child-exit', pid: 201, exitCode: null, signal: 'SIGTERM' }] });
    const child = await spawning;
    expect(child.exitcode).toBe(-15);
  });
});
