// The installers' content, packaged for real by electron-builder, offline: the Linux `dir`
// target (the unpacked app every Linux installer wraps), with a stand-in Electron
// distribution (support/stand-in-electron-dist.ts: the Electron binary cannot be downloaded
// here) and no native rebuild. Checked: what the asar archive holds and must not hold; that
// the main process finds every file it requires inside it; that the worker entry and the
// history's writer thread, unpacked beside it, run from there (a real scenario, a real
// SQLite file); the fuses electron-builder wrote into the executable, read back with
// @electron/fuses; and the whole configuration (AppImage, deb, NSIS, dmg) accepted by
// electron-builder's own validation, which refuses a wrong option.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, Worker } from 'node:worker_threads';
import { getRawHeader, extractAll, listPackage } from '@electron/asar';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { Arch, Platform, build, type Configuration } from 'electron-builder';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makeIcons } from '../../build/make-icons.mjs';
import { FOLD_THREAD, makeConfig, WORKER_ENTRY, WRITER_THREAD } from '../../build/packaging/config.mjs';
import { requireClosure } from '../../build/packaging/require-closure.mjs';
import { NodeForkPort } from '../../main/core/process-port/node-fork-port';
import { LabHost } from '../../main/core/runs/lab-host';
import { RunStore } from '../../main/core/store/run-store';
import { SQLITE_BINDING_IN_APP } from '../../main/electron/sqlite-binding';
import { WORKER_ENTRY_IN_APP } from '../../main/electron/worker-entry';
import { standInElectronDist, ELECTRON_45_DEFAULT_WIRE } from './support/stand-in-electron-dist';

vi.mock('electron', async () => (await import('../support/electron-stand-in')).electron);

const ROOT = path.resolve(__dirname, '../..');
const NODE_SQLITE = path.join(path.dirname(createRequire(__filename).resolve('better-sqlite3/package.json')), 'build', 'Release', 'better_sqlite3.node');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'lab-packaging-'));
// electron-builder unpacks a file only when asarUnpack matches its path inside the project,
// so the stand-in native module sits in a folder of its own under build/native/.
const nativeDir = path.join(ROOT, 'build', 'native', `packaging-test-${process.pid}`);
let config: Configuration;
let appDir: string;
let resources: string;
let files: string[];
let extracted: string;

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const rel = (abs: string, base: string) => path.relative(base, abs).split(path.sep).join('/');

beforeAll(async () => {
  if (!existsSync(path.join(ROOT, 'dist/main/electron/main.js'))) throw new Error('dist/ is not built: run "npm run build" first');
  const icons = await makeIcons({ out: path.join(tmp, 'icons') });
  const electronDist = standInElectronDist(path.join(tmp, 'electron-dist'));
  // The app's Electron build of better-sqlite3 cannot be fetched here: Node's build stands in
  // for it (the packaging only moves the file; the checks below load it in Node).
  mkdirSync(nativeDir, { recursive: true });
  copyFileSync(NODE_SQLITE, path.join(nativeDir, 'better_sqlite3.node'));
  config = makeConfig({ nativeDir, iconsDir: icons.out });
  await build({
    projectDir: ROOT,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { ...config, electronDist, npmRebuild: false, directories: { ...config.directories, output: path.join(tmp, 'out') } },
    publish: 'never',
  });
  appDir = path.join(tmp, 'out', 'linux-unpacked');
  resources = path.join(appDir, 'resources');
  files = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((f) => f.replace(/^[/\\]/, '').split(path.sep).join('/'));
  extracted = path.join(tmp, 'extracted');
  extractAll(path.join(resources, 'app.asar'), extracted);
}, 120_000);

afterAll(() => {
  rmSync(nativeDir, { recursive: true, force: true });
  rmSync(tmp, { recursive: true, force: true });
});

describe('the app archive (app.asar)', () => {
  it('holds package.json, the compiled main process, the preload bundle, the renderer and dist/shared', () => {
    for (const f of ['package.json', 'dist/package.json', 'dist/main/electron/main.js', 'dist/main/core/service/lab-service.js', 'dist/preload/preload.bundle.js', 'dist/renderer/app/index.html', 'dist/shared/contract/index.js']) {
      expect(files, f).toContain(f);
    }
    const built = (dir: string): string[] => readdirSync(path.join(ROOT, dir), { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile() && !e.name.endsWith('.map')).map((e) => rel(path.join(e.parentPath, e.name), ROOT));
    for (const f of [...built('dist/renderer/app'), ...built('dist/shared')]) expect(files, f).toContain(f);
    expect(JSON.parse(readFileSync(path.join(extracted, 'package.json'), 'utf8')).main).toBe('dist/main/electron/main.js');
  });

  it('holds the scenarios\' program sources, which the packaged service answers the source request from', () => {
    expect(files).toContain('dist/scenario-sources.json');
    // The compiled service inside the extracted archive, in a node process of its own: no
    // source tree beside it, only what the archive holds.
    const service = path.join(extracted, 'dist/main/core/service/scenario-sources.js');
    const answer = JSON.parse(execFileSync(process.execPath, ['-e', `process.stdout.write(JSON.stringify(require(${JSON.stringify(service)}).scenarioSource('pipe')))`], { encoding: 'utf8' }));
    expect(answer).toEqual({
      ok: true,
      value: {
        program: { file: 'main/scenarios/programs/pipe.ts', text: readFileSync(path.join(ROOT, 'main/scenarios/programs/pipe.ts'), 'utf8') },
        python: { file: 'main/scenarios/python/pipe.py', text: readFileSync(path.join(ROOT, 'main/scenarios/python/pipe.py'), 'utf8') },
      },
    });
  });

  it('holds no test, no TypeScript, no source map, no docs, and none of the tools', () => {
    const bad = files.filter((f) => /^tests?\//.test(f) || /\.(ts|mts|cts|map|tsbuildinfo)$/.test(f) || /(^|\/)docs\//.test(f) || /\.(md|markdown)$/i.test(f));
    expect(bad).toEqual([]);
    expect(files.filter((f) => /^dist\/main\/(bench|cli|shell|start)\//.test(f))).toEqual([]);
    // Node's build of better-sqlite3 and its C sources; the build tools and the dev dependencies.
    expect(files.filter((f) => /^node_modules\/better-sqlite3\/(build|deps|src)\//.test(f))).toEqual([]);
    for (const dev of ['electron', 'electron-builder', 'vitest', 'typescript', 'vite', 'svelte', 'esbuild', '@resvg', '@electron', '@doyensec', 'eslint']) {
      expect(files.filter((f) => f.startsWith(`node_modules/${dev}/`)), dev).toEqual([]);
    }
  });

  it('gives the main process every file it requires, inside the archive', () => {
    // Walked inside the extracted archive: a file missing there throws here.
    const { files: ours, packages } = requireClosure(path.join(extracted, 'dist/main/electron/main.js'));
    expect(ours.length).toBeGreaterThan(50);
    for (const f of ours) expect(f.startsWith(extracted + path.sep), f).toBe(true);
    const need = createRequire(path.join(extracted, 'dist/main/electron/main.js'));
    for (const p of packages) expect(path.dirname(need.resolve(`${p}/package.json`)), p).toBe(path.join(extracted, 'node_modules', p));
  });
});

describe('what is unpacked beside the archive (app.asar.unpacked)', () => {
  const unpacked = () => path.join(resources, 'app.asar.unpacked');

  it('is the worker entry and every file it requires, where the packaged app starts it', () => {
    expect(WORKER_ENTRY_IN_APP).toBe(WORKER_ENTRY);
    for (const f of requireClosure(path.join(ROOT, WORKER_ENTRY)).files) {
      expect(existsSync(path.join(unpacked(), rel(f, ROOT))), rel(f, ROOT)).toBe(true);
    }
  });

  it('runs a scenario: workers forked on the unpacked entry, outside any archive', async () => {
    const entry = path.join(unpacked(), ...WORKER_ENTRY.split('/'));
    const host = new LabHost(new NodeForkPort(entry), { warmWorkers: 0 });
    try {
      const r = host.start({ scenario: 'semaphore-pool', params: { timeUnitMs: 5 } });
      if (!r.ok) throw new Error(r.error.message);
      const report = await r.value.done;
      expect(report.status).toBe('completed');
      expect(report.invariants.every((i) => i.ok)).toBe(true);
    } finally {
      await host.close();
    }
  });

  it('is better-sqlite3\'s native module, where the packaged app loads it, and not inside the archive', () => {
    const native = path.join(unpacked(), ...SQLITE_BINDING_IN_APP.split('/'));
    expect(sha(native)).toBe(sha(NODE_SQLITE));
    const header = getRawHeader(path.join(resources, 'app.asar')).header as { files: Record<string, { files: Record<string, { unpacked?: boolean }> }> };
    expect(header.files.native.files['better_sqlite3.node'].unpacked).toBe(true);
  });

  it('runs the history\'s fold and writer threads, with the unpacked native module, on a real history file', async () => {
    for (const entry of [WRITER_THREAD, FOLD_THREAD]) {
      for (const f of requireClosure(path.join(ROOT, entry)).files) {
        expect(existsSync(path.join(unpacked(), rel(f, ROOT))), rel(f, ROOT)).toBe(true);
      }
    }
    const file = path.join(tmp, 'history', 'lab.sqlite');
    const store = RunStore.open(file, { createFolder: true });
    await store.close();
    // Wired as the store wires them: the fold thread hands what it folded to the writer on a port of their own.
    const { port1, port2 } = new MessageChannel();
    const writer = new Worker(path.join(unpacked(), ...WRITER_THREAD.split('/')), {
      workerData: { file, nativeBinding: path.join(unpacked(), ...SQLITE_BINDING_IN_APP.split('/')), folded: port2 }, transferList: [port2],
    });
    const fold = new Worker(path.join(unpacked(), ...FOLD_THREAD.split('/')), { workerData: { writer: port1 }, transferList: [port1] });
    try {
      const reply = await new Promise((resolve, reject) => {
        writer.once('message', resolve);
        for (const t of [writer, fold]) t.once('error', reject);
        fold.postMessage({ t: 'flush', id: 7 });
      });
      expect(reply).toEqual({ t: 'flushed', id: 7, written: 0 });
    } finally {
      await Promise.all([fold.terminate(), writer.terminate()]);
    }
  });
});

describe('the fuses of the packaged executable', () => {
  it('are flipped as configured: no RunAsNode, NODE_OPTIONS or --inspect; cookies encrypted; only app.asar, checked', async () => {
    const fusesModule = '@electron/fuses';
    const { getCurrentFuseWire, FuseV1Options, FuseState } = await import(fusesModule) as typeof import('./support/fuses-api');
    const executable = path.join(appDir, 'process-lab');
    const wire = await getCurrentFuseWire(executable);
    const on = FuseState.ENABLE;
    const off = FuseState.DISABLE;
    expect(wire[FuseV1Options.RunAsNode]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(off);
    expect(wire[FuseV1Options.EnableNodeCliInspectArguments]).toBe(off);
    expect(wire[FuseV1Options.EnableCookieEncryption]).toBe(on);
    expect(wire[FuseV1Options.OnlyLoadAppFromAsar]).toBe(on);
    expect(wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(on);
    expect(wire[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(off);
    // Not configured, so left at Electron's default.
    expect(wire[FuseV1Options.WasmTrapHandlers]).toBe(ELECTRON_45_DEFAULT_WIRE.charCodeAt(FuseV1Options.WasmTrapHandlers));
  });
});

describe('the installers\' configuration', () => {
  it('names AppImage and deb, NSIS and dmg, each with its icon, and electron-builder\'s validation accepts it', async () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
    expect(config.productName).toBe('Process Lab');
    expect(config.appId).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i);
    expect(existsSync(path.join(String(config.linux?.icon), '256x256.png'))).toBe(true);
    expect(existsSync(String(config.win?.icon))).toBe(true);
    expect(existsSync(String(config.mac?.icon))).toBe(true);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it.each([
    ['nsis', { nsis: { oneClik: false } }],
    ['dmg', { dmg: { window: 'wide' } }],
    ['deb', { deb: { dependencies: 'libgtk-3-0' } }],
    ['AppImage', { appImage: { artifactNam: 'x' } }],
  ])('a wrong option for %s is refused by that validation', async (_target, change) => {
    await expect(validateConfiguration({ ...config, ...change } as Configuration, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });
});
