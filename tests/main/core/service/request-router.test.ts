// The transports' door: every request checked against the contract, answers too.
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientSession, Push } from '../../../../shared/contract';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import { LabService } from '../../../../main/core/service/lab-service';
import { RequestRouter } from '../../../../main/core/service/request-router';

const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-router-'));
const service = new LabService({ port: new NodeForkPort(), history: { file: path.join(dir, 'lab.sqlite') }, warmWorkers: 1 });
const router = new RequestRouter(service, { exports: { open: async () => null }, checkAnswers: true });
afterAll(() => service.close());

function session() {
  const pushes: Push[] = [];
  const closers: (() => void)[] = [];
  const s: ClientSession = { push: (p) => pushes.push(p), onClose: (f) => closers.push(f) };
  return { s, pushes, close: () => closers.forEach((f) => f()) };
}

describe('RequestRouter', () => {
  it('refuses a malformed request before the service sees it, naming the field', async () => {
    const { s } = session();
    expect(await router.handle('start', { scenario: 7 }, s)).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^start: scenario: /) } });
    expect(await router.handle('nope', {}, s)).toMatchObject({ ok: false, error: { code: 'unknown-request' } });
  });

  it('answers as the contract says, for a run watched from start to end', async () => {
    const { s, pushes } = session();
    expect(await router.handle('scenarios', {}, s)).toMatchObject({ ok: true });
    const started = await router.handle('start', { scenario: 'manager-dict', params: { timeUnitMs: 5 } }, s);
    expect(started.ok).toBe(true);
    const runId = (started as { value: { runId: string } }).value.runId;
    const sub = await router.handle('subscribe', { runId, fromSeq: 0 }, s);
    expect(sub.ok).toBe(true);
    await new Promise<void>((resolve) => { const t = setInterval(() => { if (pushes.some((p) => p.type === 'ended')) { clearInterval(t); resolve(); } }, 20); });
    expect(await router.handle('run', { runId }, s)).toMatchObject({ ok: true, value: { runId } });
    expect(await router.handle('export', { runId, format: 'json' }, s)).toEqual({ ok: true, value: { kind: 'cancelled' } });
  });

  it('lets a client end only its own subscriptions, and ends them all when it goes away', async () => {
    const a = session();
    const b = session();
    const started = await router.handle('start', { scenario: 'fork-loop', params: { intervalUnits: 10, timeUnitMs: 500 } }, a.s);
    const runId = (started as { value: { runId: string } }).value.runId;
    const sub = await router.handle('subscribe', { runId, fromSeq: 0 }, a.s) as { ok: true; value: { subscription: string } };
    expect(await router.handle('unsubscribe', { subscription: sub.value.subscription }, b.s)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    a.close();
    const before = a.pushes.length;
    await new Promise((r) => setTimeout(r, 700));
    expect(a.pushes.length).toBe(before);
    expect(await router.handle('stop', { runId }, b.s)).toMatchObject({ ok: true, value: { status: 'stopped' } });
  });
});
