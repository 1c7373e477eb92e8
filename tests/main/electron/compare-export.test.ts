// The comparison of two runs exported from the desktop app: the built preload in a sandboxed
// page asks exportCompare over the stand-in's IPC, the real router and service write the
// page where the native save dialog says, the dialog suggesting the comparison's own name.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { standIn } from '../../support/electron-stand-in';
import { startTestApp, value, type TestApp } from './launched-app';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

let current: TestApp | null = null;
afterEach(async () => {
  if (current && standIn.app.exitCode === null) await current.lab.shutdown();
  current = null;
});

async function finishedRun(t: TestApp, iterations: number): Promise<string> {
  const { runId } = value(await t.page.start({ scenario: 'fork-loop', params: { iterations, timeUnitMs: 5 } }));
  value(await t.lab.service.finished(runId));
  return runId;
}

describe('exportCompare through the native save dialog', () => {
  it('suggests compare-A-vs-B.html, writes the page where chosen, and a cancel writes nothing', async () => {
    const t = (current = await startTestApp());
    if (!t) throw new Error('the app did not start');
    const a = await finishedRun(t, 1);
    const b = await finishedRun(t, 2);

    standIn.dialog.nextSave = { canceled: true, filePath: '' };
    expect(value(await t.page.exportCompare({ a, b }))).toEqual({ kind: 'cancelled' });
    const { window, options } = standIn.dialog.saves[0];
    expect(window).toBe(t.window);
    expect(path.basename(options.defaultPath as string)).toBe(`compare-${a}-vs-${b}.html`);
    expect(options.title).toBe('Export the two runs compared as an HTML page');
    expect(readdirSync(t.documents)).toEqual([]);

    standIn.dialog.nextSave = { canceled: false, filePath: path.join(t.documents, 'two runs.html') };
    const saved = value(await t.page.exportCompare({ a, b }));
    expect(saved).toMatchObject({ kind: 'saved', path: path.join(t.documents, 'two runs.html') });
    const html = readFileSync(path.join(t.documents, 'two runs.html'), 'utf8');
    expect(saved.kind === 'saved' && saved.bytes).toBe(Buffer.byteLength(html));
    expect(html).toContain(`data-key="iterations" data-differs="true"`);
    expect(html).toContain(a);
    expect(html).toContain(b);
    expect(readdirSync(t.documents)).toEqual(['two runs.html']);
  }, 60_000);

  it('shows no dialog when a run is not kept, and answers not-found naming it', async () => {
    const t = (current = await startTestApp());
    if (!t) throw new Error('the app did not start');
    const a = await finishedRun(t, 1);
    const r = await t.page.exportCompare({ a, b: 'no-such-run' });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringContaining('"no-such-run"') } });
    expect(standIn.dialog.saves).toEqual([]);
  }, 60_000);
});
