// What the report tests need besides npm's packages: real Chromium (Debian's package, never
// a downloaded browser) and poppler's tools to read the printed PDF. A missing one fails the
// test that needs it with README.md's install line; it is never a reason to skip.
import { spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../main/core/reports/pdf/find-chromium';

/** README.md's "What the tests need" gives this same line (tests/prerequisites.test.ts checks). */
export const INSTALL_LINE = 'sudo apt-get install chromium poppler-utils python3 build-essential';
const WHERE = `Install what the tests need (README.md, "What the tests need"); on Debian/Ubuntu: ${INSTALL_LINE}`;

/** The Chromium the lab would print with, or an error with the install line. */
export function requireChromium(): string {
  const found = findChromium();
  if (found) return found;
  const looked = process.env.PROCESS_LAB_CHROMIUM ? `PROCESS_LAB_CHROMIUM=${process.env.PROCESS_LAB_CHROMIUM} does not exist` : 'none of the usual places has one';
  throw new Error(`this test needs Chromium, and ${looked}. ${WHERE}`);
}

export async function launchChromium(): Promise<Browser> {
  const executablePath = requireChromium();
  return chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
}

/** Throws, with the install line, unless `tool` (pdfinfo, pdftoppm, pdftotext: poppler-utils) runs. */
export function requireTool(tool: string): void {
  const r = spawnSync(tool, ['-v'], { encoding: 'utf8' });
  if (r.error) throw new Error(`this test needs ${tool} (poppler-utils), and it ${(r.error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is not on the PATH' : `does not run: ${r.error.message}`}. ${WHERE}`);
}
