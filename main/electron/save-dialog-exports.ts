// Exports in the app: the native save dialog, suggesting the export's own file name, then
// the files written where the student chose. A CSV export's second part (the printed
// output) goes beside the chosen file, as the CLI does. A file is written under a temporary
// name and renamed when complete, so a failed export never leaves half a file in place of
// one the student had.
import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ExportFormat, ExportResult } from '../../shared/contract';
import type { RunReport } from '../../shared/run-report';
import type { ExportPart, ExportSink, ExportStream } from '../core/service/export-sink';
import type { ExportTarget } from '../core/service/request-router';
import { compareFileName, exportFileName } from '../core/service/render-export';

const FILTERS: Record<ExportFormat, Electron.FileFilter> = {
  html: { name: 'HTML report', extensions: ['html'] },
  pdf: { name: 'PDF report', extensions: ['pdf'] },
  csv: { name: 'CSV (events)', extensions: ['csv'] },
  json: { name: 'JSON (the run and its events)', extensions: ['json'] },
  trace: { name: 'Chrome trace', extensions: ['json'] },
};

export interface SaveDialogExportsOptions {
  /** The stored run's report, to suggest its file name; null when there is no such run. */
  findRun: (runId: string) => Promise<RunReport | null>;
  /** The dialog's parent window. */
  window: () => BrowserWindow | null;
}

export class SaveDialogExports implements ExportTarget {
  constructor(private readonly options: SaveDialogExportsOptions) {}

  async open(runId: string, format: ExportFormat, comparedWith?: string): Promise<{ sink: ExportSink; result: () => ExportResult } | null> {
    const report = await this.options.findRun(runId);
    const other = comparedWith === undefined ? null : await this.options.findRun(comparedWith);
    // No dialog for a run that does not exist: the service answers "not-found" and never
    // opens this sink.
    if (!report || (comparedWith !== undefined && !other)) {
      return { sink: { open: () => Promise.reject(new Error(`no run ${report ? comparedWith : runId}`)) }, result: () => ({ kind: 'cancelled' }) };
    }
    const suggested = comparedWith === undefined ? exportFileName({ report }, format) : compareFileName(runId, comparedWith);
    const dialogOptions: Electron.SaveDialogOptions = {
      title: comparedWith === undefined ? `Export the run as ${FILTERS[format].name}` : 'Export the two runs compared as an HTML page',
      defaultPath: path.join(documentsFolder(), suggested),
      filters: [FILTERS[format], { name: 'All files', extensions: ['*'] }],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    };
    const parent = this.options.window();
    const answer = parent && !parent.isDestroyed()
      ? await dialog.showSaveDialog(parent, dialogOptions)
      : await dialog.showSaveDialog(dialogOptions);
    if (answer.canceled || !answer.filePath) return null;
    const sink = new FileSink(answer.filePath);
    return { sink, result: () => ({ kind: 'saved', path: answer.filePath, bytes: sink.bytes }) };
  }
}

/** The user's documents folder; the current folder where the system has none. */
function documentsFolder(): string {
  try { return app.getPath('documents'); } catch { return '.'; }
}

/** Where each part goes: the chosen file, and FILE.output.csv beside it for the CSV's output. */
export function partPath(chosen: string, part: Pick<ExportPart, 'role'>): string {
  return part.role === 'main' ? chosen : chosen.replace(/(\.csv)?$/i, '.output.csv');
}

/** Writes each part to its file, replacing an existing one only once the part is complete. */
export class FileSink implements ExportSink {
  bytes = 0;
  constructor(private readonly chosen: string) {}

  async open(part: ExportPart): Promise<ExportStream> {
    const target = partPath(this.chosen, part);
    const temp = `${target}.${randomBytes(4).toString('hex')}.part`;
    const file: FileHandle = await open(temp, 'wx');
    let failed = false;
    return {
      write: async (chunk) => {
        try {
          await file.writeFile(chunk);
          this.bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.byteLength;
        } catch (e) {
          failed = true;
          await file.close().catch(() => {});
          await rm(temp, { force: true });
          throw e;
        }
      },
      end: async () => {
        if (failed) return;
        await file.close();
        await rename(temp, target);
      },
    };
  }
}
