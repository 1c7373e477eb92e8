// Every scenario of the catalogue, opened and run from the UI with its defaults, in real
// Chromium against the browser shell: it ends as the scenario means it to (end-signal's
// default variant hangs on purpose), every invariant ✓, the page and the history agree on the
// status and the verdict, and nothing goes wrong in the page on the way.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunReport, ScenarioInfo } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { openApp, openScenario, pageProblems, waitForEnd, type AppPage } from './support/app-page';
import { startShell, type Shell } from './support/shell';

let shell: Shell;
let browser: Browser;
let app: AppPage;
let scenarios: ScenarioInfo[] = [];

beforeAll(async () => {
  shell = await startShell();
  browser = await launchChromium();
  app = await openApp(browser, shell);
  const list = await shell.api<ScenarioInfo[]>('scenarios');
  if (!list.ok) throw new Error(list.error.message);
  scenarios = list.value;
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

describe('every scenario, run from the UI with its defaults', () => {
  it('ends as it means to, with every invariant ✓, shown as the history keeps it', async () => {
    const { page } = app;
    expect(scenarios.length).toBeGreaterThanOrEqual(14);
    const seen: string[] = [];
    for (const s of scenarios) {
      await page.getByRole('button', { name: 'Process Lab: all scenarios' }).click();
      await openScenario(page, s.title);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      const status = await waitForEnd(page);
      const runId = await page.locator('[data-view="run"]').getAttribute('data-run-id');
      const stored = await shell.api<RunReport>('run', { runId });
      if (!stored.ok) throw new Error(`${s.id}: ${stored.error.message}`);
      expect(stored.value.scenario, s.id).toBe(s.id);
      expect(status, s.id).toBe(stored.value.status);
      expect(stored.value.passed, `${s.id}: ${JSON.stringify(stored.value.invariants)}`).toBe(true);
      await expect(page.getByText('Ended as this scenario means it to').count(), s.id).resolves.toBe(1);
      const invariants = page.locator('[data-invariant]');
      const n = await invariants.count();
      expect(n, s.id).toBe(stored.value.invariants.length);
      expect(await invariants.evaluateAll((els) => els.map((e) => e.getAttribute('data-ok'))), s.id).toEqual(Array(n).fill('true'));
      seen.push(`${s.id}:${status}`);
    }
    // The defaults end as the scenarios say: all complete, but end-signal's first variant, which hangs to show why.
    expect(seen.filter((x) => !x.endsWith(':completed'))).toEqual(['end-signal:hung']);
    expect(await pageProblems(app)).toEqual([]);
  }, 300_000);
});
