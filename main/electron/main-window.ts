// The one window: the app's own page from app://, sandboxed and isolated, with the preload
// as its only bridge. webSecurity, allowRunningInsecureContent and experimentalFeatures are
// left at Electron's safe defaults on purpose (never set here).
import { app, BrowserWindow } from 'electron';
import { APP_START_URL } from './app-origin';

export function createMainWindow(preload: string, log: (line: string) => void): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    title: 'Process Lab',
    show: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.loadURL(APP_START_URL).catch((e: Error) => log(`the window could not load ${APP_START_URL}: ${e.message}`));
  return window;
}
