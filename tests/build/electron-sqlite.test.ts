// better-sqlite3's build for Electron (build/electron-sqlite.mjs) and `npm run dist`
// (build/dist.mjs) where what they need cannot be downloaded. prebuild-install, better-sqlite3's
// own installer, really runs: against an address that refuses (so the tests do not depend on
// this machine's network), or on a local release tarball. Node's build in node_modules is
// never touched; a binary labelled for Electron but built for another ABI is refused.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronTarget, sqliteTarballName } from '../../build/electron-sqlite.mjs';
import { nativeModuleAbi as buildAbi } from '../../build/native-abi.mjs';
import { nativeModuleAbi } from '../../main/electron/native-module-abi';

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = path.join(ROOT, 'build', 'electron-sqlite.mjs');
const SQLITE_DIR = path.dirname(createRequire(__filename).resolve('better-sqlite3/package.json'));
const NODE_BUILD = path.join(SQLITE_DIR, 'build', 'Release', 'better_sqlite3.node');
const SQLITE_VERSION = JSON.parse(readFileSync(path.join(SQLITE_DIR, 'package.json'), 'utf8')).version as string;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** No download can succeed: an address that refuses, and caches of our own, empty. */
function offline(): NodeJS.ProcessEnv {
  const t = mkdtempSync(path.join(os.tmpdir(), 'lab-offline-'));
  return {
    ...process.env,
    npm_config_better_sqlite3_binary_host: 'http://127.0.0.1:9',
    ELECTRON_MIRROR: 'http://127.0.0.1:9/',
    npm_config_cache: path.join(t, 'npm'),
    electron_config_cache: path.join(t, 'electron'),
    ELECTRON_BUILDER_CACHE: path.join(t, 'builder'),
  };
}

function prepare(args: string[], env = offline()) {
  const r = spawnSync(process.execPath, [SCRIPT, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A release tarball as better-sqlite3 publishes them: build/Release/better_sqlite3.node inside. */
function tarball(binary: Buffer, abi: number): string {
  const t = mkdtempSync(path.join(os.tmpdir(), 'lab-prebuilds-'));
  mkdirSync(path.join(t, 'stage', 'build', 'Release'), { recursive: true });
  writeFileSync(path.join(t, 'stage', 'build', 'Release', 'better_sqlite3.node'), binary);
  mkdirSync(path.join(t, 'prebuilds'));
  const name = sqliteTarballName(SQLITE_VERSION, abi, process.platform, process.arch);
  const r = spawnSync('tar', ['-czf', path.join(t, 'prebuilds', name), '-C', path.join(t, 'stage'), 'build']);
  if (r.status !== 0) throw new Error(`tar failed: ${r.stderr}`);
  return path.join(t, 'prebuilds');
}

describe('the ABI of a native module, read from the binary', () => {
  it('is Node\'s own for the Node build, in both readers', () => {
    expect(nativeModuleAbi(NODE_BUILD)).toBe(Number(process.versions.modules));
    expect(buildAbi(NODE_BUILD)).toBe(Number(process.versions.modules));
    const none = path.join(mkdtempSync(path.join(os.tmpdir(), 'lab-abi-')), 'x.node');
    writeFileSync(none, 'no module here');
    expect(nativeModuleAbi(none)).toBeNull();
  });

  it('is taken for Electron from the electron package itself', () => {
    const { version, abi } = electronTarget();
    expect(version.split('.')[0]).toBe('45');
    expect(abi).toBe(Number(readFileSync(path.join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8')));
    expect(abi).not.toBe(Number(process.versions.modules));
  });
});

describe('build/electron-sqlite.mjs', () => {
  const { version, abi } = electronTarget();

  it('where it cannot download, says so in one line (what, why, what to do), places nothing and leaves Node\'s build alone', () => {
    const before = sha(NODE_BUILD);
    const out = mkdtempSync(path.join(os.tmpdir(), 'lab-native-'));
    const r = prepare(['--out', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(`for Electron ${version} (ABI ${abi}, ${process.platform}-${process.arch}) could not be fetched (connect ECONNREFUSED 127.0.0.1:9)`);
    expect(lines[0]).toMatch(/run without its history; on a machine with network access run "node build\/electron-sqlite\.mjs"/);
    expect(lines[0]).toContain(sqliteTarballName(SQLITE_VERSION, abi, process.platform, process.arch));
    expect(readdirSync(out)).toEqual([]);
    expect(sha(NODE_BUILD)).toBe(before);
  });

  it('refuses a download labelled for Electron that is built for Node (what @electron/rebuild makes under nodedir)', () => {
    const before = sha(NODE_BUILD);
    const out = mkdtempSync(path.join(os.tmpdir(), 'lab-native-'));
    const r = prepare(['--out', out, '--local-prebuilds', tarball(readFileSync(NODE_BUILD), abi)]);
    expect(r.code).toBe(1);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).toContain(`the fetched binary declares ABI ${process.versions.modules}, not ${abi}; it was not used`);
    expect(readdirSync(out)).toEqual([]);
    expect(sha(NODE_BUILD)).toBe(before);
  });

  it('places a build that declares Electron\'s ABI in its own folder, then finds it there', () => {
    const before = sha(NODE_BUILD);
    const out = mkdtempSync(path.join(os.tmpdir(), 'lab-native-'));
    // A stand-in for better-sqlite3's release binary (none can be downloaded here): only its
    // registration symbol, which is what the check reads.
    const binary = Buffer.from(`\0stand-in\0node_register_module_v${abi}\0`, 'latin1');
    const first = prepare(['--out', out, '--local-prebuilds', tarball(binary, abi)]);
    expect(first.code).toBe(0);
    const placed = path.join(out, `electron-${abi}-${process.platform}-${process.arch}`, 'better_sqlite3.node');
    expect(first.stdout).toBe(`Process Lab: better-sqlite3 ${SQLITE_VERSION} for Electron ${version} (ABI ${abi}, ${process.platform}-${process.arch}) is ready at ${placed}\n`);
    expect(readFileSync(placed).equals(binary)).toBe(true);
    expect(sha(NODE_BUILD)).toBe(before);
    // Offline now, and quiet: it is there already.
    const again = prepare(['--out', out, '--quiet']);
    expect(again).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('npm run dist where Electron and the SQLite build cannot be downloaded', () => {
  it('says so in one line, naming both, and builds nothing', () => {
    const outDist = path.join(ROOT, 'out', 'dist');
    const hadOut = existsSync(outDist);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'build', 'dist.mjs')], { cwd: ROOT, env: offline(), encoding: 'utf8', timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    const { version } = electronTarget();
    expect(lines[0]).toMatch(new RegExp(`^Process Lab: npm run dist cannot finish here: Electron ${version.replace(/\./g, '\\.')} for ${process.platform}-${process.arch} could not be downloaded \\(.*\\); better-sqlite3 .* could not be fetched \\(.*\\)\\. Run it on a machine with network access\\.$`));
    expect(existsSync(outDist)).toBe(hadOut);
  });

  it('is what package.json\'s "dist" script runs', () => {
    expect(JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts.dist).toBe('node build/dist.mjs');
  });
});

