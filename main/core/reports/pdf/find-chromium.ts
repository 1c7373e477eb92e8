// Finds a Chromium-family browser for printing reports to PDF outside the desktop app.
import { existsSync } from 'node:fs';

const CANDIDATES: Partial<Record<NodeJS.Platform, string[]>> = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge'],
  darwin: ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
};

/** $PROCESS_LAB_CHROMIUM, or the first usual install place that exists. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  if (env.PROCESS_LAB_CHROMIUM) return existsSync(env.PROCESS_LAB_CHROMIUM) ? env.PROCESS_LAB_CHROMIUM : undefined;
  return (CANDIDATES[platform] ?? []).find((p) => existsSync(p));
}

export const NO_CHROMIUM_MESSAGE = 'PDF export needs a Chromium-based browser and none was found. Install Chromium ' +
  '(Debian/Ubuntu: sudo apt-get install chromium; macOS: Google Chrome or Chromium in /Applications) or point ' +
  'PROCESS_LAB_CHROMIUM at one. The HTML export needs nothing and prints from any browser.';
