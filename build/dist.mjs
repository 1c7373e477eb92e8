// `npm run dist`: the installers for this machine's platform (Linux: AppImage and deb;
// Windows: NSIS; macOS: dmg), in out/dist/.
// 1. What must come from the network is checked first, together: Electron's own build for
//    the target (fetched by electron-builder's downloader into its cache, where the packaging
//    step finds it) and better-sqlite3's build for that Electron (build/electron-sqlite.mjs).
//    Where either cannot be had, one line says so and what to do, and nothing is built.
// 2. Then: the app (npm run build), the icons (build/make-icons.mjs), and electron-builder
//    with build/electron-builder.config.mjs.
//   node build/dist.mjs [--check]     (--check: step 1 only)
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronTarget, prepareElectronSqlite } from './electron-sqlite.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(ROOT, 'package.json'));
const PLATFORM_FLAG = { linux: '--linux', win32: '--win', darwin: '--mac' };

/** Electron's zip for the target, in electron-builder's cache: { ok } or { ok: false, reason }. */
async function fetchElectron(version, platform, arch) {
  // electron-builder's own downloader (the one its packaging step calls), so a zip fetched
  // here is the one it finds in its cache.
  const { downloadElectronArtifactZip } = require('app-builder-lib/out/util/electronGet');
  try {
    await downloadElectronArtifactZip({ electronDownload: null, artifactName: 'electron', platformName: platform, arch, version });
    return { ok: true };
  } catch (e) {
    const first = String(e?.message ?? e).split('\n')[0].replace(/\.$/, '');
    return { ok: false, reason: `Electron ${version} for ${platform}-${arch} could not be downloaded (${first})` };
  }
}

function run(what, command, args) {
  const r = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) {
    process.stderr.write(`Process Lab: npm run dist stopped: ${what} failed (${r.error?.message ?? `exit ${r.status}`}).\n`);
    process.exit(1);
  }
}

const platform = process.platform;
const arch = process.arch;
if (!PLATFORM_FLAG[platform]) {
  process.stderr.write(`Process Lab: npm run dist makes installers on Linux, Windows and macOS, not on ${platform}.\n`);
  process.exit(1);
}
const { version } = electronTarget();
const [electron, sqlite] = await Promise.all([fetchElectron(version, platform, arch), Promise.resolve().then(() => prepareElectronSqlite({ platform, arch }))]);
const missing = [electron, sqlite].filter((r) => !r.ok).map((r) => r.reason);
if (missing.length) {
  process.stderr.write(`Process Lab: npm run dist cannot finish here: ${missing.join('; ')}. Run it on a machine with network access.\n`);
  process.exit(1);
}
if (process.argv.includes('--check')) {
  process.stdout.write(`Process Lab: Electron ${version} and ${sqlite.what} are ready for npm run dist.\n`);
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
run('npm run build', npm, ['run', '--silent', 'build']);
run('making the icons', process.execPath, [path.join(ROOT, 'build', 'make-icons.mjs')]);
run('electron-builder', process.execPath, [require.resolve('electron-builder/cli.js'), PLATFORM_FLAG[platform], '--' + arch, '--config', path.join(ROOT, 'build', 'electron-builder.config.mjs'), '--publish', 'never']);
process.stdout.write(`Process Lab: the installers are in ${path.join(ROOT, 'out', 'dist')}\n`);
