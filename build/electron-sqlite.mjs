// better-sqlite3's native module for Electron, next to (never over) the Node build that the
// CLI and the tests use. It is better-sqlite3's own prebuilt binary for this Electron,
// fetched by its own installer (prebuild-install --runtime electron --target <version>) in a
// scratch folder, checked by the ABI the binary itself declares, then placed in
//   build/native/electron-<ABI>-<platform>-<arch>/better_sqlite3.node
// where the app looks for it in development and electron-builder takes it for the installers.
// (@electron/rebuild is not used: under an npm configured with `nodedir`, it compiles
// against Node's headers and labels the result as Electron's.)
//
//   node build/electron-sqlite.mjs [--platform linux|win32|darwin] [--arch x64|arm64]
//                                  [--local-prebuilds DIR] [--out DIR] [--quiet]
//
// Without network, prebuild-install takes the release tarball from --local-prebuilds DIR
// (or npm's config better_sqlite3_local_prebuilds), or from npm's cache (~/.npm/_prebuilds).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nativeModuleAbi } from './native-abi.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));

/** Electron's version and ABI, from the installed electron package (its own abi_version file). */
export function electronTarget() {
  const dir = path.dirname(require.resolve('electron/package.json'));
  const version = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')).version;
  const abi = Number(readFileSync(path.join(dir, 'abi_version'), 'utf8').trim());
  return { version, abi };
}

export function sqliteTarballName(sqliteVersion, abi, platform, arch) {
  return `better-sqlite3-v${sqliteVersion}-electron-v${abi}-${platform}-${arch}.tar.gz`;
}

/**
 * Makes sure the Electron build is in place. Resolves { ok: true, file, fetched } or
 * { ok: false, reason, advice } (nothing placed, the Node build untouched either way).
 */
export function prepareElectronSqlite({ platform = process.platform, arch = process.arch, out = path.join(ROOT, 'build', 'native'), localPrebuilds, env = process.env } = {}) {
  const { version, abi } = electronTarget();
  const sqliteDir = path.dirname(require.resolve('better-sqlite3/package.json'));
  const sqliteVersion = JSON.parse(readFileSync(path.join(sqliteDir, 'package.json'), 'utf8')).version;
  const folder = path.join(out, `electron-${abi}-${platform}-${arch}`);
  const file = path.join(folder, 'better_sqlite3.node');
  const what = `better-sqlite3 ${sqliteVersion} for Electron ${version} (ABI ${abi}, ${platform}-${arch})`;
  const tarball = sqliteTarballName(sqliteVersion, abi, platform, arch);
  const advice = `on a machine with network access run "node build/electron-sqlite.mjs" (npm start and npm run dist do), or put ${tarball} (better-sqlite3's release asset) in a folder DIR and run "node build/electron-sqlite.mjs --local-prebuilds DIR"`;
  if (existsSync(file) && nativeModuleAbi(file) === abi) return { ok: true, file, fetched: false, what };

  const scratch = mkdtempSync(path.join(os.tmpdir(), 'lab-electron-sqlite-'));
  try {
    // prebuild-install works in the package's folder; this one holds only its package.json,
    // so what it unpacks cannot land on node_modules/better-sqlite3/build.
    copyFileSync(path.join(sqliteDir, 'package.json'), path.join(scratch, 'package.json'));
    const installer = createRequire(path.join(sqliteDir, 'package.json')).resolve('prebuild-install/bin.js');
    const childEnv = { ...env };
    // npm passes its config to scripts as npm_config_*: none of it may change the target.
    for (const k of Object.keys(childEnv)) if (/^npm_config_(runtime|target|arch|platform|build_from_source|disturl|nodedir)$/i.test(k)) delete childEnv[k];
    const args = ['--runtime', 'electron', '--target', version, '--platform', platform, '--arch', arch, '--verbose'];
    if (localPrebuilds) args.push('--local-prebuilds', path.resolve(localPrebuilds));
    const r = spawnSync(process.execPath, [installer, ...args], {
      cwd: scratch, env: childEnv, encoding: 'utf8', timeout: 10 * 60_000,
    });
    const got = path.join(scratch, 'build', 'Release', 'better_sqlite3.node');
    if (r.status !== 0 || !existsSync(got)) {
      const lines = `${r.stderr ?? ''}\n${r.stdout ?? ''}`.split('\n').map((l) => l.trim());
      const warn = lines.filter((l) => / (warn|ERR!|error) /.test(l)).map((l) => l.replace(/^prebuild-install (warn|ERR!|error)( install)? /, '')).at(-1);
      return { ok: false, reason: `${what} could not be fetched (${warn ?? r.error?.message ?? `prebuild-install exited ${r.status}`})`, advice };
    }
    const declared = nativeModuleAbi(got);
    if (declared !== abi) {
      return { ok: false, reason: `${what}: the fetched binary declares ABI ${declared ?? 'none'}, not ${abi}; it was not used`, advice };
    }
    mkdirSync(folder, { recursive: true });
    const temp = `${file}.${process.pid}.part`;
    writeFileSync(temp, readFileSync(got));
    renameSync(temp, file);
    return { ok: true, file, fetched: true, what };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function option(argv, name) {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const argv = process.argv.slice(2);
  const r = prepareElectronSqlite({ platform: option(argv, '--platform'), arch: option(argv, '--arch'), out: option(argv, '--out'), localPrebuilds: option(argv, '--local-prebuilds') });
  if (r.ok) {
    if (r.fetched || !argv.includes('--quiet')) process.stdout.write(`Process Lab: ${r.what} is ready at ${r.file}\n`);
  } else {
    process.stderr.write(`Process Lab: ${r.reason}: the desktop app will run without its history; ${r.advice}.\n`);
    process.exitCode = 1;
  }
}
