// `npm run screenshots`: the README's pictures, made from the real app: the browser shell with a
// history of its own, Chromium, a flagship scenario run from the UI; docs/live-run.png while it
// runs, docs/finished-run.png once it ended.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { clickRun, launch, openApp, prepare, startShell, waitForEnd } from './app-driver';

const DOCS = path.resolve(__dirname, '../../../docs');
const progress = (s: string) => process.stderr.write(`${s}\n`);

async function main(): Promise<void> {
  mkdirSync(DOCS, { recursive: true });
  const shell = await startShell();
  const browser = await launch();
  try {
    const { page, errors } = await openApp(browser, shell, { width: 1360, height: 1000 });
    // Long enough (about 3 s) to be caught while it runs, once several jobs are on screen.
    progress('screenshots: semaphore-pool, 8 jobs, 3 slots, time unit 1500 ms');
    await prepare(page, 'A semaphore limits the active jobs', { jobs: '8', slots: '3', timeUnitMs: '1500' });
    await clickRun(page);
    // Live: once most jobs are on screen and have printed, while the run goes on.
    await page.waitForFunction(() => {
      const doc = (globalThis as unknown as { document: { querySelector(s: string): { getAttribute(a: string): string | null } | null } }).document;
      return Number(doc.querySelector('[data-chart-region="timeline"] .chart')?.getAttribute('data-lanes')) >= 5;
    }, undefined, { timeout: 60_000 });
    await page.locator('.transcript li[data-pid]').nth(2).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(700);
    const status = await page.locator('[data-view="run"] [data-status]').getAttribute('data-status');
    if (status !== 'running') throw new Error(`the live picture would show a run ${status}, not one running`);
    const live = path.join(DOCS, 'live-run.png');
    await page.screenshot({ path: live });
    progress(`  wrote ${live}`);

    const end = await waitForEnd(page);
    if (end.status !== 'completed') throw new Error(`the run ended ${end.status}`);
    await page.waitForTimeout(500);
    await page.mouse.wheel(0, -100_000);
    await page.waitForTimeout(200);
    const box = (await page.locator('[data-chart-region="objects"]').boundingBox())!;
    const height = Math.ceil(box.y + box.height + 16);
    const finished = path.join(DOCS, 'finished-run.png');
    await page.screenshot({ path: finished, fullPage: true, clip: { x: 0, y: 0, width: 1360, height } });
    progress(`  wrote ${finished}`);
    if (errors.length) throw new Error(`the page logged errors: ${errors.join('; ')}`);
  } finally {
    await browser.close();
    await shell.stop();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`screenshots: ${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});
