// What the desktop app's PDF printer lets its hidden print window load: the report files it
// wrote itself (file:// inside its own temporary folder), and nothing else. (Printing itself
// needs Electron's engine, which cannot run here; the printer type-checks against electron's
// types and shares the PdfPrinter interface tested with Chromium in tests/main/core/reports.)
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { isPrintable } from '../../../main/electron/electron-pdf-printer';

vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);

describe('isPrintable', () => {
  const root = path.join(os.tmpdir(), 'process-lab-print-abc');
  it('allows the printer\'s own files and refuses every other address', () => {
    expect(isPrintable(root, pathToFileURL(path.join(root, '1', 'report.html')).href)).toBe(true);
    for (const url of [
      pathToFileURL(root).href,
      pathToFileURL(path.join(root, '..', 'other', 'report.html')).href,
      `file://${root}/../secret.txt`,
      pathToFileURL(path.join(os.tmpdir(), 'process-lab-print-abcd', 'x.html')).href,
      'file:///etc/passwd',
      'https://example.com/report.html',
      'data:text/html,<p>hi</p>',
      'app://lab/index.html',
      'file:',
    ]) expect(isPrintable(root, url), url).toBe(false);
  });
});
