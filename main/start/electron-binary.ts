// Whether the Electron window can open here: the app's Electron entry must be built, and the
// `electron` package must give a binary that exists. Asking the package for its path can
// start a download of the binary (Electron 45 fetches it on first use); that is done in a
// child process whose output is kept, so a machine that cannot fetch it gets one clear line.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export type ElectronCheck = { ok: true; binary: string; entry: string } | { ok: false; reason: string };

export interface ElectronProbe {
  /** dist/main/electron/main.js */
  entry: string;
  /** node_modules/electron */
  packageDir: string | null;
  /** Runs `require('electron')` where it may download; answers the path or why not. */
  resolve: () => { path: string } | { error: string };
  exists: (file: string) => boolean;
}

export function checkElectron(p: ElectronProbe): ElectronCheck {
  if (!p.exists(p.entry)) return { ok: false, reason: `the Electron app is not built (${p.entry} is missing)` };
  if (!p.packageDir) return { ok: false, reason: 'the electron package is not installed' };
  const pathFile = path.join(p.packageDir, 'path.txt');
  if (p.exists(pathFile)) {
    const binary = path.join(p.packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    if (p.exists(binary)) return { ok: true, binary, entry: p.entry };
  }
  const got = p.resolve();
  if ('error' in got) return { ok: false, reason: `its binary is missing and could not be fetched (${got.error})` };
  if (!p.exists(got.path)) return { ok: false, reason: `its binary ${got.path} does not exist` };
  return { ok: true, binary: got.path, entry: p.entry };
}

/** The real probe, from the compiled launcher in dist/main/start/. */
export function realProbe(distRoot: string): ElectronProbe {
  let packageDir: string | null = null;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json', { paths: [distRoot, process.cwd()] }));
  } catch { /* not installed */ }
  return {
    entry: path.join(distRoot, 'main', 'electron', 'main.js'),
    packageDir,
    exists: existsSync,
    resolve: () => {
      const r = spawnSync(process.execPath, ['-e', "process.stdout.write(String(require('electron')))"], {
        cwd: packageDir ?? process.cwd(), encoding: 'utf8', timeout: 5 * 60_000,
        env: { ...process.env, ELECTRON_RUN_AS_NODE: undefined },
      });
      if (r.status === 0 && r.stdout) return { path: r.stdout.trim() };
      const lines = `${r.stderr ?? ''}`.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('at '));
      const why = lines.find((l) => /fail|error/i.test(l)) ?? lines[0] ?? (r.error ? r.error.message : `exit ${r.status}`);
      return { error: why.replace(/\.$/, '') };
    },
  };
}
