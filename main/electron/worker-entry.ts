// Where a utility process finds the worker entry. In development it is the compiled file
// under dist/. In a packaged app the code sits inside app.asar, but a utility process is a
// separate executable that is started on a real file: the worker entry (and what it requires)
// is unpacked beside the archive, in resources/app.asar.unpacked (electron-builder's asarUnpack).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { workerEntryPath } from '../core/process-port/worker-entry';

export const WORKER_ENTRY_IN_APP = 'dist/main/worker/worker-main.js';

export function electronWorkerEntry(): string {
  if (!app.isPackaged) return workerEntryPath();
  const file = path.join(process.resourcesPath, 'app.asar.unpacked', ...WORKER_ENTRY_IN_APP.split('/'));
  if (!existsSync(file)) {
    throw new Error(`${file} not found: the worker entry must be unpacked from the asar archive (asarUnpack)`);
  }
  return file;
}
