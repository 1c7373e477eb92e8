// The one way reports become PDF: a printer that takes the self-contained HTML report and
// answers the PDF's bytes. The CLI and the browser shell print with a Chromium they find on
// the machine (print-pdf.ts, through playwright-core); the desktop app prints with Electron's
// own engine (main/electron/electron-pdf-printer.ts). Both lay the page out the same way.

export interface PdfPrinter {
  /** Prints `html` (a page that needs no request) once its charts are drawn. */
  print(html: string): Promise<Uint8Array>;
}

/** No printer can work here (no browser found): the export answers 'unavailable' with this message. */
export class PdfUnavailable extends Error {}

/** The page the reports are printed on: A4, backgrounds kept, these margins in millimetres. */
export const PDF_PAGE = { size: 'A4', margins: { top: 14, bottom: 14, left: 12, right: 12 } } as const;

/** The report's script marks the body when its charts are on the page (renderer/report). */
export const CHARTS_DRAWN_SELECTOR = 'body[data-charts-drawn]';
export const CHARTS_DRAWN_TIMEOUT_MS = 15_000;
