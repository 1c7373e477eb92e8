// Real Chromium for the tests (Debian's package; never a downloaded browser).
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../main/core/reports/pdf/find-chromium';

export function launchChromium(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('these tests need Chromium: apt-get install chromium (.ci/run installs it)');
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}
