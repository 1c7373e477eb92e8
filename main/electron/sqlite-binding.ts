// The history's SQLite in the desktop app: better-sqlite3's JavaScript from node_modules,
// with a native module built for Electron's ABI, loaded through better-sqlite3's
// `nativeBinding` option. Node's own build (node_modules/better-sqlite3/build/Release, for
// the CLI and the tests) is never used here nor replaced.
// - Packaged: resources/app.asar.unpacked/native/better_sqlite3.node (electron-builder's
//   asarUnpack; a native module cannot be loaded from inside the archive).
// - Development: build/native/electron-<ABI>-<platform>-<arch>/better_sqlite3.node, which
//   build/electron-sqlite.mjs fetches (npm start and npm run dist run it).
// A build that is missing, or made for another ABI, leaves the app without its history,
// never without the app (launch.ts).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { app } from 'electron';
import { nativeModuleAbi } from './native-module-abi';

export const SQLITE_BINDING_IN_APP = 'native/better_sqlite3.node';

/** The folder under build/native/ for one runtime: electron-<ABI>-<platform>-<arch>. */
export function electronSqliteFolder(abi: string | number = process.versions.modules, platform: string = process.platform, arch: string = process.arch): string {
  return `electron-${abi}-${platform}-${arch}`;
}

/** Where this app looks for its Electron build of better-sqlite3. */
export function defaultSqliteBinding(): string {
  if (app.isPackaged) return path.join(process.resourcesPath, 'app.asar.unpacked', ...SQLITE_BINDING_IN_APP.split('/'));
  return path.join(projectRoot(), 'build', 'native', electronSqliteFolder(), 'better_sqlite3.node');
}

export type SqliteBinding = { ok: true; file: string } | { ok: false; reason: string };

/** Whether `file` is a better-sqlite3 build this runtime can load (by the ABI it declares). */
export function checkSqliteBinding(file: string, expectedAbi: number = Number(process.versions.modules)): SqliteBinding {
  const advice = app.isPackaged
    ? 'this installation lacks it: reinstall Process Lab'
    : 'on a machine with network access, run "node build/electron-sqlite.mjs" (npm start does)';
  if (!existsSync(file)) return { ok: false, reason: `better-sqlite3's build for this Electron (ABI ${expectedAbi}) is missing at ${file}; ${advice}` };
  let abi: number | null;
  try { abi = nativeModuleAbi(file); } catch (e) { return { ok: false, reason: `${file} cannot be read (${(e as Error).message}); ${advice}` }; }
  if (abi === null) return { ok: false, reason: `${file} is not a native module of a known Node ABI; ${advice}` };
  if (abi !== expectedAbi) return { ok: false, reason: `${file} was built for ABI ${abi}, and this Electron needs ABI ${expectedAbi}; ${advice}` };
  return { ok: true, file };
}

/** The project's folder: this file is dist/main/electron/*.js, or main/electron/*.ts in tests. */
function projectRoot(): string {
  const marker = `${path.sep}dist${path.sep}`;
  return __dirname.includes(marker) ? __dirname.slice(0, __dirname.lastIndexOf(marker)) : path.resolve(__dirname, '../..');
}
