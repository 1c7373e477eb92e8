// Puts the app together: the custom scheme and the sandbox before ready, the single-instance
// lock, the service on utility processes with its history in userData, then (once ready) the
// session's lock-down, the app:// protocol, the IPC handlers and the window.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { compiledPath } from '../core/compiled-path';
import { LabService } from '../core/service/lab-service';
import { RequestRouter } from '../core/service/request-router';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { registerIpc } from './ipc';
import { createMainWindow } from './main-window';
import { SaveDialogExports } from './save-dialog-exports';
import { installShutdown } from './shutdown';
import { UtilityProcessPort } from './utility-process-port';
import { guardAllWebContents, lockDownSession } from './web-security';

export interface LaunchOptions {
  /** The built renderer (default dist/renderer/app). */
  rendererRoot?: string;
  /** The bundled preload (default dist/preload/preload.bundle.js). */
  preload?: string;
  /** Where SIGINT / SIGTERM come from (default: this process). */
  signals?: NodeJS.EventEmitter;
  log?: (line: string) => void;
  warmWorkers?: number;
}

export interface LaunchedApp {
  service: LabService;
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
  const service = new LabService({
    port: new UtilityProcessPort({ log }),
    history: { file: path.join(app.getPath('userData'), HISTORY_FILE_NAME), createFolder: true },
    warmWorkers: options.warmWorkers,
    log,
  });
  const shutdown = installShutdown(service, { signals: options.signals ?? process, log });
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
    registerIpc({ handler: new RequestRouter(service, { exports }), trusted: () => (window && !window.isDestroyed() ? window.webContents : null), log });
    window = createMainWindow(preload, log);
    window.on('closed', () => { window = null; });
    return { service, window: () => window, shutdown };
  });
}
