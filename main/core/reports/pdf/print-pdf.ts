// Prints the HTML report to PDF with a real Chromium engine (through playwright-core), with
// every network request refused: the report is self-contained, and must stay so.
import { chromium } from 'playwright-core';
import { findChromium, NO_CHROMIUM_MESSAGE } from './find-chromium';

export class PdfUnavailable extends Error {}

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
    await page.waitForSelector('body[data-charts-drawn]', { timeout: 15_000 });
    await page.emulateMedia({ media: 'print' });
    return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '14mm', bottom: '14mm', left: '12mm', right: '12mm' } });
  } finally {
    await browser.close();
  }
}
