// `npm start`: opens the Electron window; where Electron cannot run (its binary missing, as
// on machines that cannot download it), says so in one line and starts the browser shell
// instead, opening the system browser at its address (printed either way).
//   npm start [-- --browser] [--port N] [--db PATH] [--no-open]
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { runShell } from '../shell/shell-main';
import { checkElectron, realProbe } from './electron-binary';

async function main(argv: string[]): Promise<void> {
  const forceBrowser = argv.includes('--browser');
  const noOpen = argv.includes('--no-open');
  const rest = argv.filter((a) => a !== '--browser' && a !== '--no-open');
  // dist/main/start/start-app.js → dist/
  const distRoot = path.resolve(__dirname, '..', '..');
  const electron = forceBrowser ? { ok: false as const, reason: 'asked for the browser (--browser)' } : checkElectron(realProbe(distRoot));
  if (electron.ok) {
    // The history's SQLite build for Electron (kept apart from Node's): fetched once where it
    // can be; where it cannot, that script says so in one line and the app runs without history.
    spawnSync(process.execPath, [path.join(distRoot, '..', 'build', 'electron-sqlite.mjs'), '--quiet'], { stdio: 'inherit' });
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    const child = spawn(electron.binary, [electron.entry, ...rest], { stdio: 'inherit', env });
    for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
    child.on('exit', (code, signal) => process.exit(code ?? (signal === 'SIGINT' ? 130 : 143)));
    child.on('error', (e) => { process.stderr.write(`Process Lab: Electron did not start (${e.message}); try: npm start -- --browser\n`); process.exit(1); });
    return;
  }
  process.stderr.write(`Process Lab: Electron cannot run here: ${electron.reason}; starting the browser version instead.\n`);
  await runShell([...rest, ...(noOpen ? [] : ['--open'])]);
}

void main(process.argv.slice(2)).catch((e: Error) => {
  process.stderr.write(`Process Lab: ${e.stack ?? e.message}\n`);
  process.exit(1);
});
