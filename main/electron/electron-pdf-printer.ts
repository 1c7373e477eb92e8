// The desktop app's PdfPrinter: the HTML report printed by Electron itself
// (webContents.printToPDF), so the app needs no Chromium of the machine's. The report goes to
// a file of our own in a private temporary folder and is opened in a hidden, sandboxed window
// of a session kept for printing (in memory only), which may load that folder's files and
// nothing else and is refused every permission. Once the report's script has drawn its charts
// the page is printed as the CLI prints it (print-pdf.ts: A4, backgrounds, the same margins).
import { mkdtempSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, session, type Session, type WebContents } from 'electron';
import {
  CHARTS_DRAWN_SELECTOR, CHARTS_DRAWN_TIMEOUT_MS, PDF_PAGE, type PdfPrinter,
} from '../core/reports/pdf/pdf-printer';
import { refusePermissions } from './web-security';

/** An in-memory session (no "persist:" prefix): nothing of a print is kept on disk. */
export const PRINT_PARTITION = 'process-lab-print';

const INCH_MM = 25.4;

export class ElectronPdfPrinter implements PdfPrinter {
  private root: string | null = null;
  private session: Session | null = null;
  private count = 0;

  async print(html: string): Promise<Uint8Array> {
    const root = this.folder();
    const dir = path.join(root, String(++this.count));
    await mkdir(dir);
    const file = path.join(dir, 'report.html');
    const window = new BrowserWindow({
      show: false,
      webPreferences: {
        session: this.printSession(root),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webviewTag: false,
        spellcheck: false,
        devTools: false,
        // Hidden, its timers and frames must still run for the charts to be drawn.
        backgroundThrottling: false,
      },
    });
    try {
      await writeFile(file, html);
      await window.loadURL(pathToFileURL(file).href);
      await chartsDrawn(window.webContents, CHARTS_DRAWN_TIMEOUT_MS);
      const inches = (mm: number) => mm / INCH_MM;
      const { top, bottom, left, right } = PDF_PAGE.margins;
      return await window.webContents.printToPDF({
        pageSize: PDF_PAGE.size,
        printBackground: true,
        margins: { top: inches(top), bottom: inches(bottom), left: inches(left), right: inches(right) },
      });
    } finally {
      if (!window.isDestroyed()) window.destroy();
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Removes the printer's temporary folder (the app calls it when it quits). */
  async close(): Promise<void> {
    if (this.root) await rm(this.root, { recursive: true, force: true });
    this.root = null;
  }

  private folder(): string {
    this.root ??= mkdtempSync(path.join(os.tmpdir(), 'process-lab-print-'));
    return this.root;
  }

  private printSession(root: string): Session {
    if (this.session) return this.session;
    const s = session.fromPartition(PRINT_PARTITION);
    refusePermissions(s);
    s.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isPrintable(root, details.url) }));
    this.session = s;
    return s;
  }
}

/** Only the report files this printer wrote (file:// inside its folder) may load. */
export function isPrintable(root: string, url: string): boolean {
  if (!url.startsWith('file:')) return false;
  let file: string;
  try { file = fileURLToPath(url); } catch { return false; }
  const inside = path.relative(root, file);
  return inside !== '' && !inside.startsWith('..') && !path.isAbsolute(inside);
}

/** Resolves once the page's body carries the report script's mark; rejects past `timeoutMs`. */
async function chartsDrawn(contents: WebContents, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  const probe = `document.querySelector(${JSON.stringify(CHARTS_DRAWN_SELECTOR)}) !== null`;
  while (!(await contents.executeJavaScript(probe) as boolean)) {
    if (Date.now() > until) throw new Error(`the report's charts were not drawn within ${timeoutMs / 1000} s, so it was not printed`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
