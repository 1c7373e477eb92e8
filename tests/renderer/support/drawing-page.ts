// The drawing harness (support/drawing-harness.ts) bundled by esbuild and loaded into a blank
// Chromium page: the live charts' real drawing code on real canvases, without the app around it.
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';

let bundle: Promise<string> | undefined;

function harnessBundle(): Promise<string> {
  bundle ??= build({
    entryPoints: [path.join(__dirname, 'drawing-harness.ts')],
    bundle: true, write: false, format: 'iife', platform: 'browser', target: 'chrome120', logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return bundle;
}

export async function openDrawingPage(browser: Browser): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1300, height: 900 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  await page.setContent('<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>');
  await page.addScriptTag({ content: await harnessBundle() });
  return { page, problems, close: () => context.close() };
}
