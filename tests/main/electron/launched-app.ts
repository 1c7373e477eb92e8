// Starts the whole Electron main process (launchApp) against the stand-in `electron`, with a
// temporary userData and a renderer folder of our own, and gives the tests its page: the
// built preload run as a sandboxed page runs it, and what it exposed on `window`.
// The test file must call vi.mock('electron', ...) itself.
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launchApp, type LaunchedApp } from '../../../main/electron/launch';
import type { LabClient } from '../../../shared/contract';
import { standIn, type BrowserWindowStandIn } from '../../support/electron-stand-in';

export const PRELOAD_BUNDLE = path.resolve(__dirname, '../../../dist/preload/preload.bundle.js');
/**
 * The stand-in runs Electron's main process in Node, so the SQLite build that fits it is
 * Node's own (what the app would have for Electron is build/native/electron-<ABI>-...).
 */
export const NODE_SQLITE_BUILD = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');

export interface TestApp {
  lab: LaunchedApp;
  window: BrowserWindowStandIn;
  /** window.processLab of the window's page. */
  page: LabClient;
  signals: EventEmitter;
  logs: string[];
  userData: string;
  documents: string;
  rendererRoot: string;
}

/** A renderer folder with an index page, and a file beside it the protocol must never serve. */
export function rendererFolder(): string {
  const base = mkdtempSync(path.join(os.tmpdir(), 'lab-renderer-'));
  const root = path.join(base, 'app');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Process Lab</title><script type="module" src="./assets/app.js"></script>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log("app");\n');
  writeFileSync(path.join(base, 'secret.txt'), 'not for the page');
  return root;
}

export async function startTestApp(options: { rendererRoot?: string; singleInstanceLock?: boolean; sqliteBinding?: string } = {}): Promise<TestApp | null> {
  standIn.reset();
  const userData = mkdtempSync(path.join(os.tmpdir(), 'lab-user-data-'));
  const documents = mkdtempSync(path.join(os.tmpdir(), 'lab-documents-'));
  standIn.app.paths.set('userData', userData);
  standIn.app.paths.set('documents', documents);
  if (options.singleInstanceLock === false) standIn.app.singleInstanceLock = false;
  const rendererRoot = options.rendererRoot ?? rendererFolder();
  const signals = new EventEmitter();
  const logs: string[] = [];
  const launching = launchApp({ rendererRoot, preload: PRELOAD_BUNDLE, signals, log: (l) => logs.push(l), warmWorkers: 1, sqliteBinding: options.sqliteBinding ?? NODE_SQLITE_BUILD });
  standIn.app.makeReady();
  const lab = await launching;
  if (!lab) return null;
  const window = standIn.windows()[0];
  const { world } = standIn.runPreload(PRELOAD_BUNDLE, window.webContents);
  return { lab, window, page: world.processLab as LabClient, signals, logs, userData, documents, rendererRoot };
}

/** Unwraps a contract answer, failing the test with its error. */
export function value<T>(r: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
}
