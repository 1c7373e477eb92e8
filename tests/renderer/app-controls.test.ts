// Driving a run from the app in real Chromium: Stop (button and Escape) ends a long run and
// leaves no process; Ctrl+Enter runs; a bad parameter is refused inline and starts nothing;
// a prediction is judged; every control has its accessible name and is reachable by keyboard.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { LiveRun, RunReport } from '../../shared/contract';
import { launchChromium } from '../support/chromium';
import { survivors } from '../support/lab-host';
import { LIVE_PHASES, openApp, openScenario, pageProblems, runStatus, setParam, waitForEnd, type AppPage } from './support/app-page';
import { descendants, startShell, type Shell } from './support/shell';

let shell: Shell;
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  shell = await startShell();
  browser = await launchChromium();
  app = await openApp(browser, shell);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});
beforeEach(async () => {
  await app.page.getByRole('button', { name: 'Process Lab: all scenarios' }).click();
  await app.page.getByRole('heading', { name: 'Start here' }).waitFor();
});

/** Opens a scenario with its form back at the defaults (forms keep their values while the app is open). */
async function fresh(page: Page, title: string): Promise<void> {
  await openScenario(page, title);
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await page.getByLabel('Your prediction').fill('');
}

async function runPids(page: Page): Promise<{ runId: string; pids: number[] }> {
  const runId = (await page.locator('[data-view="run"]').getAttribute('data-run-id'))!;
  const shown = await page.locator('.procs tr[data-pid]').evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-pid'))));
  const stored = await shell.api<RunReport>('run', { runId });
  const kept = stored.ok ? stored.value.processes.map((p) => p.pid) : [];
  return { runId, pids: [...new Set([...shown, ...kept])] };
}

/** Runs kept in the shell's history file, read from the file itself: what is on disk, not what the service says. */
function storedRuns(): number {
  const db = new Database(shell.db, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT COUNT(*) AS n FROM runs').get() as { n: number }).n;
  } finally {
    db.close();
  }
}

async function liveRuns(): Promise<LiveRun[]> {
  const r = await shell.api<LiveRun[]>('live');
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('running and stopping from the app', () => {
  it('stops a long run with the Stop button: status stopped, every pid of the run gone', async () => {
    const { page } = app;
    await fresh(page, 'Forking in a loop');
    await setParam(page, 'intervalUnits', '10');
    await setParam(page, 'timeUnitMs', '1000');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await page.locator('.transcript li[data-pid]').first().waitFor({ timeout: 60_000 });
    expect(LIVE_PHASES).toContain(await runStatus(page));
    expect((await liveRuns()).length).toBe(1);

    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    expect(await waitForEnd(page)).toBe('stopped');
    const { pids } = await runPids(page);
    expect(pids.length).toBeGreaterThanOrEqual(2);
    expect(await survivors(pids, 5000)).toEqual([]);
    expect(await liveRuns()).toEqual([]);
    expect(await page.getByRole('button', { name: 'Stop', exact: true }).count()).toBe(0);
  }, 90_000);

  it('runs with Ctrl+Enter and stops with Escape', async () => {
    const { page } = app;
    await fresh(page, 'Forking in a loop');
    await setParam(page, 'intervalUnits', '10');
    await setParam(page, 'timeUnitMs', '1000');
    await page.getByRole('heading', { level: 1 }).click();
    await page.keyboard.press('Control+Enter');
    await page.locator('[data-view="run"]').waitFor();
    await page.locator('.transcript li[data-pid]').first().waitFor({ timeout: 60_000 });
    expect(LIVE_PHASES).toContain(await runStatus(page));
    await page.keyboard.press('Escape');
    expect(await waitForEnd(page)).toBe('stopped');
    const { pids } = await runPids(page);
    expect(await survivors(pids, 5000)).toEqual([]);
  }, 90_000);

  it('readies the workers a scenario\'s run needs while its form is on screen, and lets the surplus go when fewer are needed', async () => {
    const { page } = app;
    const workers = () => descendants(shell.proc.pid!).length;
    const reaches = async (n: number) => {
      for (const until = Date.now() + 60_000; workers() !== n && Date.now() < until;) await new Promise((r) => setTimeout(r, 50));
      return workers();
    };
    expect(await reaches(4)).toBe(4); // the shell's base pool
    await fresh(page, 'Who am I? A function called directly and in child processes');
    await setParam(page, 'children', '8');
    expect(await reaches(10)).toBe(10); // the parent, the child it joins, the 8
    await setParam(page, 'children', '1');
    expect(await reaches(4)).toBe(4); // 3 needed: the base pool is kept
  }, 150_000);

  it('refuses a bad parameter inline, naming its range, and starts nothing', async () => {
    const { page } = app;
    const before = storedRuns();
    await fresh(page, 'Forking in a loop');
    await setParam(page, 'iterations', '99');
    const error = page.locator('[data-error-for="iterations"]');
    await expect(error.textContent()).resolves.toContain('parameter "iterations": 99 is out of range; allowed: an integer from 1 to 20');
    expect(await page.getByLabel('iterations', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    const run = page.getByRole('button', { name: 'Run', exact: true });
    expect(await run.isDisabled()).toBe(true);
    await page.getByLabel('iterations', { exact: true }).focus();
    await page.keyboard.press('Control+Enter');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    expect(await page.locator('[data-view="scenario"]').count()).toBe(1);

    await setParam(page, 'maxProcesses', '1');
    await expect(page.locator('[data-error-for="maxProcesses"]').textContent()).resolves.toContain('an integer from 2 to 256');
    await setParam(page, 'timeUnitMs', '');
    await expect(page.locator('[data-error-for="timeUnitMs"]').textContent()).resolves.toContain('a value is needed; allowed: an integer from 1 to 2000');
    await setParam(page, 'seed', '1.5');
    await expect(page.locator('[data-error-for="seed"]').textContent()).resolves.toContain('"1.5" is not an integer');

    expect(await liveRuns()).toEqual([]);
    expect(storedRuns()).toBe(before);

    await page.getByRole('button', { name: 'Reset to defaults' }).click();
    expect(await run.isDisabled()).toBe(false);
    expect(await page.locator('[data-error-for]').count()).toBe(0);
  });

  for (const [guess, right] of [['5', true], ['three', false]] as const) {
    it(`judges a prediction (${guess}: ${right ? 'right' : 'wrong'}) and keeps it in the history`, async () => {
      const { page } = app;
      await fresh(page, 'Forking in a loop');
      await setParam(page, 'timeUnitMs', '20');
      await page.getByLabel('Your prediction').fill(guess);
      await page.getByRole('button', { name: 'Run', exact: true }).click();
      expect(await waitForEnd(page)).toBe('completed');
      const box = page.locator('[data-prediction-right]');
      expect(await box.getAttribute('data-prediction-right')).toBe(String(right));
      await expect(box.textContent()).resolves.toMatch(right ? /Your prediction\s*5.*This run\s*5.*Right/s : /Your prediction\s*three.*This run\s*5.*Not this time/s);
      const { runId } = await runPids(page);
      const stored = await shell.api<RunReport>('run', { runId });
      expect(stored).toMatchObject({ ok: true, value: { prediction: { answer: 5, guess, right } } });
      // The run got the values on screen (a form kept from an earlier visit once ran with stale ones).
      expect(stored.ok && stored.value.params).toMatchObject({ timeUnitMs: 20, intervalUnits: 1, iterations: 4 });
    }, 60_000);
  }
});

describe('accessible names and the keyboard', () => {
  it('labels every parameter input with its name, and names Run and Stop', async () => {
    const { page } = app;
    await openScenario(page, 'A shared namespace and its copies');
    const scenarios = await shell.api<{ id: string; params: { name: string }[] }[]>('scenarios');
    if (!scenarios.ok) throw new Error(scenarios.error.message);
    const spec = scenarios.value.find((s) => s.id === 'manager-namespace')!;
    for (const p of spec.params) expect(await page.getByLabel(p.name, { exact: true }).count(), p.name).toBe(1);
    expect(await page.getByRole('button', { name: 'Run', exact: true }).count()).toBe(1);
    expect(await page.getByRole('combobox', { name: 'variant' }).count()).toBe(1);
  });

  it('reaches every field and Run with Tab alone, and runs with the keyboard', async () => {
    const { page } = app;
    await fresh(page, 'Forking in a loop');
    await page.getByRole('heading', { level: 1 }).focus();
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const label = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el) return '';
        const labelled = (el as HTMLInputElement).labels?.[0]?.textContent?.trim() || null;
        return labelled ?? el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
      });
      seen.push(label);
      if (label === 'Run') break;
    }
    for (const name of ['iterations', 'intervalUnits', 'maxProcesses', 'timeUnitMs', 'seed', 'Your prediction', 'Run']) expect(seen).toContain(name);
    expect(seen.some((s) => s.includes('childExits'))).toBe(true);
    await page.getByLabel('timeUnitMs', { exact: true }).fill('20');
    await page.getByRole('button', { name: 'Run', exact: true }).focus();
    await page.keyboard.press('Enter');
    expect(await waitForEnd(page)).toBe('completed');
    // Keyboard users land on the outcome.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('outcome-title');
  }, 60_000);

  it('filters the transcript by process', async () => {
    const { page } = app;
    await fresh(page, 'Forking in a loop');
    await setParam(page, 'timeUnitMs', '20');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    expect(await waitForEnd(page)).toBe('completed');
    const lines = page.locator('.transcript li[data-pid]');
    const all = await lines.evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('data-pid'))));
    const parent = (await page.locator('.procs tr[data-pid]').first().getAttribute('data-pid'))!;
    const filter = page.getByRole('group', { name: 'Show the lines of' });
    await filter.getByRole('button', { name: new RegExp(`MainProcess ${parent}`) }).click();
    const without = await lines.evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('data-pid'))));
    expect(without.length).toBe(all.filter((p) => p !== Number(parent)).length);
    expect(without).not.toContain(Number(parent));
    await filter.getByRole('button', { name: 'All' }).click();
    expect(await lines.count()).toBe(all.length);
  }, 60_000);

  it('broke no Content-Security-Policy rule and logged no error', async () => {
    expect(await pageProblems(app)).toEqual([]);
  });
});
