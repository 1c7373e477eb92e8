// The transports' door: every request checked against the contract, answers too.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClientSession, Push } from '../../../../shared/contract';
import { NodeForkPort } from '../../../../main/core/process-port/node-fork-port';
import { LabService } from '../../../../main/core/service/lab-service';
import { RequestRouter, type ExportTarget } from '../../../../main/core/service/request-router';
import type { ExportSink } from '../../../../main/core/service/export-sink';

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

describe('RequestRouter over a real history', () => {
  // Exports land in files here; the answer says where, as the app's save dialog does.
  const saved = mkdtempSync(path.join(dir, 'saved-'));
  const files: ExportTarget = {
    open: async (runId, format) => {
      const written: string[] = [];
      let bytes = 0;
      const sink: ExportSink = {
        open: async (part) => {
          const file = path.join(saved, part.fileName);
          written.push(file);
          const chunks: (string | Uint8Array)[] = [];
          return {
            write: async (c) => { chunks.push(c); bytes += typeof c === 'string' ? Buffer.byteLength(c) : c.byteLength; },
            end: async () => writeFileSync(file, Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)))),
          };
        },
      };
      return { sink, result: () => ({ kind: 'saved', path: written[0] ?? `${runId}.${format}`, bytes }) };
    },
  };
  const checked = new RequestRouter(service, { exports: files, checkAnswers: true });

  async function ask<T>(name: string, args: unknown): Promise<T> {
    const r = await checked.handle(name, args, session().s);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}: ${r.error.message}`);
    return r.value as T;
  }

  async function finishedRun(scenario: string, params: Record<string, unknown>): Promise<string> {
    const { runId } = await ask<{ runId: string }>('start', { scenario, params });
    const done = await service.finished(runId);
    if (!done.ok) throw new Error(done.error.message);
    return runId;
  }

  it('answers history, run, compare, delete and export as the contract says', async () => {
    const a = await finishedRun('manager-namespace', { timeUnitMs: 5, seed: 11 });
    const b = await finishedRun('manager-namespace', { variant: 'mutable-gotcha', timeUnitMs: 5, seed: 12 });

    const list = await ask<{ runs: { runId: string }[]; total: number }>('history', { scenario: 'manager-namespace', limit: 1 });
    expect(list.runs.map((r) => r.runId)).toEqual([b]);
    expect(list.total).toBeGreaterThanOrEqual(2);
    expect((await ask<{ runs: { runId: string }[] }>('history', { search: 'variant=mutable-gotcha' })).runs.map((r) => r.runId)).toEqual([b]);
    expect(await checked.handle('history', { limit: 0 }, session().s)).toMatchObject({ ok: false, error: { code: 'bad-request' } });

    expect(await ask('run', { runId: a })).toMatchObject({ runId: a, scenario: 'manager-namespace', params: { seed: 11 } });
    const comparison = await ask<{ rows: { section: string; key: string; differs: boolean }[] }>('compare', { a, b });
    expect(comparison.rows.find((r) => r.section === 'param' && r.key === 'variant')).toMatchObject({ differs: true });

    for (const format of ['json', 'trace', 'csv', 'html'] as const) {
      const answer = await ask<{ kind: string; path: string; bytes: number }>('export', { runId: a, format });
      expect(answer.kind).toBe('saved');
      expect(statSync(answer.path).size).toBeGreaterThan(0);
    }
    expect(JSON.parse(readFileSync(path.join(saved, `manager-namespace-${a}.json`), 'utf8'))).toMatchObject({ runId: a, events: expect.any(Array) });
    expect(readFileSync(path.join(saved, `manager-namespace-${a}.output.csv`), 'utf8')).toContain('After event');

    expect(await checked.handle('delete', { runIds: [a, 'no-such-run'] }, session().s)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await ask('delete', { runIds: [a] })).toEqual({ deleted: [a] });
    expect(await checked.handle('run', { runId: a }, session().s)).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await checked.handle('export', { runId: a, format: 'json' }, session().s)).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});
