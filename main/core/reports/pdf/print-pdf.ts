// Prints the HTML report to PDF with a real Chromium engine (through playwright-core), with
// every network request refused: the report is self-contained, and must stay so. This is the
// PdfPrinter of the CLI and the browser shell; the desktop app brings Electron's own.
import { chromium } from 'playwright-core';
import { findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium';
import { CHARTS_DRAWN_SELECTOR, CHARTS_DRAWN_TIMEOUT_MS, PDF_PAGE, PdfUnavailable, type PdfPrinter } from './pdf-printer';

export { PdfUnavailable } from './pdf-printer';

/** A printer on the Chromium at `executablePath` (by default the one findChromium() finds, looked up at each print). */
export function chromiumPdfPrinter(executablePath?: string): PdfPrinter {
  return { print: (html) => printPdf(html, executablePath ?? findChromium()) };
}

export async function printPdf(html: string, executablePath = findChromium()): Promise<Buffer> {
  if (!executablePath) throw new PdfUnavailable(NO_CHROMIUM_MESSAGE);
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage();
    await page.route('**/*', (route) => route.abort());
    await page.setContent(html, { waitUntil: 'load' });
    await page.waitForSelector(CHARTS_DRAWN_SELECTOR, { timeout: CHARTS_DRAWN_TIMEOUT_MS });
    await page.emulateMedia({ media: 'print' });
    const mm = (n: number) => `${n}mm`;
    const { top, bottom, left, right } = PDF_PAGE.margins;
    return await page.pdf({ format: PDF_PAGE.size, printBackground: true, margin: { top: mm(top), bottom: mm(bottom), left: mm(left), right: mm(right) } });
  } finally {
    await browser.close();
  }
}
