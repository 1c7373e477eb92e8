// Puts the app together: the custom scheme and the sandbox before ready, the single-instance
// lock, the service on utility processes with its history in userData, then (once ready) the
// session's lock-down, the app:// protocol, the IPC handlers and the window.
// The history needs better-sqlite3's build for Electron (sqlite-binding.ts); without it the
// app still runs, keeps no history, and says so (a warning, the log, and every history answer).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import type { RequestHandler } from '../../shared/contract';
import { compiledPath } from '../core/compiled-path';
import { LabService } from '../core/service/lab-service';
import { RequestRouter } from '../core/service/request-router';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerIpc } from './ipc';
import { HistoryUnavailable } from './history-unavailable';
import { createMainWindow } from './main-window';
import { SaveDialogExports } from './save-dialog-exports';
import { installShutdown } from './shutdown';
import { checkSqliteBinding, defaultSqliteBinding, type SqliteBinding } from './sqlite-binding';
import { UtilityProcessPort } from './utility-process-port';
import { guardAllWebContents, lockDownSession } from './web-security';
// Last: the app's own window is the first BrowserWindow of the bundle the security scan reads
// (tests/main/electron/electronegativity.test.ts weakens the first one it finds, as a control).
import { ElectronPdfPrinter } from './electron-pdf-printer';

export interface LaunchOptions {
  /** The built renderer (default dist/renderer/app). */
  rendererRoot?: string;
  /** The bundled preload (default dist/preload/preload.bundle.js). */
  preload?: string;
  /** Where SIGINT / SIGTERM come from (default: this process). */
  signals?: NodeJS.EventEmitter;
  log?: (line: string) => void;
  warmWorkers?: number;
  /** better-sqlite3's native module for this runtime (default: sqlite-binding.ts's place). */
  sqliteBinding?: string;
}

export interface LaunchedApp {
  service: LabService;
  /** The history's SQLite build: in use, or why the app runs without a history. */
  history: SqliteBinding;
  window(): BrowserWindow | null;
  /** Stops everything and exits the app with `code`. */
  shutdown(code?: number): Promise<void>;
}

export const HISTORY_FILE_NAME = 'lab.sqlite';

/** Call once, before `app` is ready. Resolves with the app, or null when it is not to run. */
export function launchApp(options: LaunchOptions = {}): Promise<LaunchedApp | null> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  registerAppScheme();
  app.enableSandbox();
  // A second start hands over to the first one (which comes to the front) and ends.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return Promise.resolve(null);
  }
  guardAllWebContents(log);
  const history = checkSqliteBinding(options.sqliteBinding ?? defaultSqliteBinding());
  if (!history.ok) log(`Process Lab keeps no history of runs: ${history.reason}`);
  // PDF exports are printed by Electron itself, not by a browser found on the machine.
  const pdfPrinter = new ElectronPdfPrinter();
  const service = new LabService({
    port: new UtilityProcessPort({ log }),
    pdfPrinter,
    history: history.ok ? { file: path.join(app.getPath('userData'), HISTORY_FILE_NAME), createFolder: true, nativeBinding: history.file } : null,
    warmWorkers: options.warmWorkers,
    log,
  });
  const stoppable = {
    close: async () => { await service.close(); await pdfPrinter.close(); },
    get liveWorkers() { return service.liveWorkers; },
  };
  const shutdown = installShutdown(stoppable, { signals: options.signals ?? process, log });
  let window: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });

  return app.whenReady().then(() => {
    lockDownSession(session.defaultSession);
    let root: string;
    let preload: string;
    try {
      root = options.rendererRoot ?? path.dirname(compiledPath('renderer/app/index.html'));
      preload = options.preload ?? compiledPath('preload/preload.bundle.js');
      if (!existsSync(path.join(root, 'index.html'))) throw new Error(`${path.join(root, 'index.html')} not found: run "npm run build" first`);
    } catch (e) {
      log((e as Error).message);
      dialog.showErrorBox('Process Lab cannot start', (e as Error).message);
      void shutdown(1);
      return null;
    }
    serveAppProtocol(root);
    const exports = new SaveDialogExports({
      findRun: async (runId) => {
        const found = await service.run(runId);
        return found.ok ? found.value : null;
      },
      window: () => window,
    });
    const router: RequestHandler = new RequestRouter(service, { exports });
    const handler = history.ok ? router : new HistoryUnavailable(router, history.reason);
    registerIpc({ handler, trusted: () => (window && !window.isDestroyed() ? window.webContents : null), log });
    window = createMainWindow(preload, log);
    window.on('closed', () => { window = null; });
    if (!history.ok) warnNoHistory(window, history.reason, log);
    return { service, history, window: () => window, shutdown };
  });
}

/** Tells the student, once, that runs work but are not kept (not modal to the app's start). */
function warnNoHistory(window: BrowserWindow, reason: string, log: (line: string) => void): void {
  dialog.showMessageBox(window, {
    type: 'warning',
    title: 'Process Lab',
    message: 'The run history is unavailable',
    detail: `Runs work, but they are not kept and cannot be exported. ${reason[0].toUpperCase()}${reason.slice(1)}.`,
  }).catch((e: Error) => log(`the warning about the history could not be shown: ${e.message}`));
}
