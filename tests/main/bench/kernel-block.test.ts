// The kernel-block figure of `npm run bench`, run small: the flood must consist of the
// largest messages the caps allow (none refused), and the measurement must come back.
// (How long the kernel blocks is the bench's job, not a test's.)
import { afterAll, describe, expect, it } from 'vitest';
import { measureKernelBlock } from '../../../main/bench/kernel-block';
import { decodeWorkerMessage } from '../../../main/core/kernel/validate-worker-message';
import { MAX_CALLS_PER_MESSAGE, MAX_ITEM_BYTES, MAX_MESSAGE_BYTES } from '../../../main/protocol/limits';
import { measureJson } from '../../../main/protocol/json-size';
import { floodMessage } from '../../../main/scenarios/internal/programs/bench-flood';
import { newHost } from '../../support/lab-host';

const host = newHost(4);
afterAll(() => host.close());

describe('kernel-flood', () => {
  it('sends messages at the caps: 1,000 calls, or nearly MAX_MESSAGE_BYTES of items just under MAX_ITEM_BYTES', () => {
    const calls = decodeWorkerMessage(floodMessage('calls', '12345.1'));
    expect(calls.ok && calls.msg.t === 'calls' && calls.msg.c.length).toBe(MAX_CALLS_PER_MESSAGE);
    const text = floodMessage('bytes', '12345.1');
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(Buffer.byteLength(text)).toBeGreaterThan(0.95 * MAX_MESSAGE_BYTES);
    const bytes = decodeWorkerMessage(text);
    if (!bytes.ok || bytes.msg.t !== 'calls') throw new Error('refused');
    for (const c of bytes.msg.c) expect(measureJson(c[3]).bytes).toBeLessThanOrEqual(MAX_ITEM_BYTES);
  });

  it.each([1, 4] as const)('floods a real kernel from %i worker(s) without a refusal and measures its longest block, and the idle floor', async (workers) => {
    const r = await measureKernelBlock(host, workers, 12, 200);
    expect(r.workers).toBe(workers);
    expect(r.messages).toBe(12 * workers);
    expect(r.refusedNotes).toEqual([]);
    expect(r.maxBlockMs).toBeGreaterThan(0);
    // Some turn parsed and served a whole flood message: that is CPU time, however idle the machine.
    expect(r.maxTurnCpuMs).toBeGreaterThan(0);
    expect(r.turnCpuOf).toBe('thread'); // Linux tells a thread's CPU
    expect(r.idleMaxMs).toBeGreaterThan(0);
    expect(r.seconds).toBeGreaterThan(0);
  });
});
