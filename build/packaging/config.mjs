// electron-builder's configuration for Process Lab (build/electron-builder.config.mjs uses
// it as is; the packaging test passes its own folders). Installers: Linux AppImage and deb,
// Windows NSIS, macOS dmg.
//
// What goes in the app (app.asar): package.json, the compiled main process (dist/main, less
// the CLI, the benchmarks, the browser shell and the `npm start` launcher), the bundled
// preload, the built renderer (dist/renderer/app), dist/shared, the scenarios' program
// sources the app shows (dist/scenario-sources.json: text, not TypeScript to load), and the
// production dependencies. Never: tests, TypeScript sources, source maps, docs.
// What is unpacked beside it (app.asar.unpacked), because it runs from real files:
// - the worker entry and every file it requires: utilityProcess starts it by path, and a
//   utility process resolves its requires on disk;
// - the history's writer thread and what it requires, better-sqlite3's JavaScript among it;
// - better-sqlite3's native module for Electron (native/better_sqlite3.node): a native
//   module is loaded by the OS from a file. Node's own build (node_modules/better-sqlite3/
//   build) is not packaged: it is for another ABI.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { requireClosure } from './require-closure.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const WORKER_ENTRY = 'dist/main/worker/worker-main.js';
export const WRITER_THREAD = 'dist/main/core/store/writer-thread.js';
/** The history's fold thread: it folds each batch and hands it to the writer thread. */
export const FOLD_THREAD = 'dist/main/core/store/fold-thread.js';
const require = createRequire(path.join(ROOT, 'package.json'));

/** better-sqlite3's Electron build for a target: build/native/electron-<ABI>-<platform>-<arch>. */
export function nativeFolder(platform = process.platform, arch = process.arch) {
  const abi = readFileSync(path.join(path.dirname(require.resolve('electron/package.json')), 'abi_version'), 'utf8').trim();
  return path.join(ROOT, 'build', 'native', `electron-${abi}-${platform}-${arch}`);
}

/** Our files the worker entry and the history's two threads load, relative to the project (posix). */
export function unpackedFiles(root = ROOT) {
  const out = new Set();
  for (const entry of [WORKER_ENTRY, WRITER_THREAD, FOLD_THREAD]) {
    const file = path.join(root, entry);
    if (!existsSync(file)) throw new Error(`${file} not found: run "npm run build" first`);
    for (const f of requireClosure(file).files) out.add(path.relative(root, f).split(path.sep).join('/'));
  }
  return [...out].sort();
}

/**
 * options.nativeDir: the folder holding better_sqlite3.node for the target (default: this
 * machine's, under build/native/); options.iconsDir: made by build/make-icons.mjs.
 */
export function makeConfig(options = {}) {
  const nativeDir = path.resolve(options.nativeDir ?? nativeFolder());
  // electron-builder matches asarUnpack patterns against a file's source path relative to the
  // project, so the native module is unpacked only when its folder is inside the project.
  const nativeFromProject = path.relative(ROOT, nativeDir).split(path.sep).join('/');
  if (nativeFromProject.startsWith('..') || path.isAbsolute(nativeFromProject)) {
    throw new Error(`${nativeDir} is outside ${ROOT}: the native module's folder must be inside the project (build/native/...)`);
  }
  const iconsDir = options.iconsDir ?? path.join(ROOT, 'build', 'generated', 'icons');
  return {
    appId: 'org.processlab.desktop',
    productName: 'Process Lab',
    executableName: 'process-lab',
    copyright: 'Copyright © 2026 the Process Lab authors',
    directories: { output: 'out/dist', buildResources: 'build/generated' },
    files: [
      'package.json',
      'dist/package.json',
      'dist/main/**/*.js',
      '!dist/main/{bench,cli,shell,start}/**',
      'dist/preload/*.js',
      'dist/renderer/app/**',
      'dist/shared/**/*.js',
      'dist/scenario-sources.json',
      '!**/*.{ts,mts,cts,map,tsbuildinfo}',
      // Node's build of better-sqlite3 and its C sources: not for this runtime.
      '!node_modules/better-sqlite3/{build,deps,src}/**',
      '!**/node_modules/**/{*.md,*.markdown,docs/**}',
      { from: nativeDir, to: 'native', filter: ['better_sqlite3.node'] },
    ],
    asar: true,
    asarUnpack: [
      ...unpackedFiles(),
      'node_modules/better-sqlite3/package.json',
      'node_modules/better-sqlite3/lib/**',
      'node_modules/bindings/**',
      'node_modules/file-uri-to-path/**',
      `${nativeFromProject}/better_sqlite3.node`,
    ],
    // Never rebuild native modules here: electron-builder would rebuild better-sqlite3 in
    // node_modules (replacing Node's build, which the CLI and the tests need), and
    // @electron/rebuild under an npm with `nodedir` set compiles against Node's headers.
    // The Electron build comes from build/electron-sqlite.mjs instead.
    npmRebuild: false,
    nodeGypRebuild: false,
    buildDependenciesFromSource: false,
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // The app's pages come from app://, never file://.
      grantFileProtocolExtraPrivileges: false,
    },
    linux: {
      target: ['AppImage', 'deb'],
      icon: path.join(iconsDir, 'png'),
      category: 'Education',
      synopsis: 'Run the classic multiprocessing examples as real processes',
      description: 'Process Lab runs the classic Python multiprocessing examples as real operating-system processes, shows them live, keeps every run and exports reports.',
      maintainer: 'The Process Lab authors',
      vendor: 'The Process Lab authors',
      executableName: 'process-lab',
    },
    deb: { packageCategory: 'education', priority: 'optional' },
    appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
    win: { target: ['nsis'], icon: path.join(iconsDir, 'icon.ico') },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      createDesktopShortcut: true,
      createStartMenuShortcut: true,
      shortcutName: 'Process Lab',
      artifactName: '${productName}-Setup-${version}.${ext}',
    },
    mac: {
      target: ['dmg'],
      icon: path.join(iconsDir, 'icon.icns'),
      category: 'public.app-category.education',
      hardenedRuntime: true,
    },
    dmg: { title: '${productName} ${version}', artifactName: '${productName}-${version}-${arch}.${ext}' },
    publish: null,
  };
}
