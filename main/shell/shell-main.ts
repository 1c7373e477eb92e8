// `npm run serve [-- --port N] [--db PATH]`: the browser shell. Serves the app and the lab's
// contract on 127.0.0.1 with a fresh token, prints exactly one line on stdout (the address),
// and on SIGINT / SIGTERM stops every run and worker before it exits (130 / 143).
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { compiledPath } from '../core/compiled-path';
import { NodeForkPort } from '../core/process-port/node-fork-port';
import { LabService } from '../core/service/lab-service';
import { RequestRouter } from '../core/service/request-router';
import { defaultDbPath } from '../core/store/default-path';
import { DownloadExports } from './download-exports';
import { openBrowser } from './open-browser';
import { headerCsp } from './page-csp';
import { parseShellArgs } from './shell-args';
import { ShellServer } from './shell-server';

/** The usual port; when it is taken (another lab runs), any free one. */
export const USUAL_PORT = 4680;

/** Runs the browser shell until a signal ends it (the launcher calls this when Electron is missing). */
export async function runShell(argv: string[]): Promise<void> {
  const parsed = parseShellArgs(argv);
  if (!parsed.ok) { process.stderr.write(`lab serve: ${parsed.message}\n`); process.exit(2); }
  const args = parsed.args;

  let staticRoot: string;
  try {
    staticRoot = path.dirname(compiledPath('renderer/app/index.html'));
  } catch (e) {
    process.stderr.write(`lab serve: the app is not built (${(e as Error).message})\n`);
    process.exit(1);
  }

  const db = args.db ? path.resolve(args.db) : defaultDbPath();
  const service = new LabService({ port: new NodeForkPort(), history: { file: db, createFolder: !args.db }, log: (l) => process.stderr.write(`lab serve: ${l}\n`) });
  const opened = await service.history({ limit: 1 });
  if (!opened.ok) {
    process.stderr.write(`lab serve: cannot use the history at ${db}: ${opened.error.message}\n`);
    await service.close();
    process.exit(2);
  }
  for (const n of service.notices) process.stderr.write(`lab serve: ${n}\n`);

  const downloads = new DownloadExports();
  const token = randomBytes(32).toString('base64url');
  const server = new ShellServer({
    router: new RequestRouter(service, { exports: downloads, checkAnswers: args.checkAnswers }),
    token, staticRoot, csp: headerCsp(path.join(staticRoot, 'index.html')), downloads,
  });

  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await server.close();
    await service.close();
    downloads.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(130));
  process.on('SIGTERM', () => void stop(143));
  process.on('SIGHUP', () => void stop(129));

  let port: number;
  try {
    port = await listen(server, args.port);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    process.stderr.write(`lab serve: cannot listen on 127.0.0.1:${args.port}: ${err.code === 'EADDRINUSE' ? 'the port is in use; choose another with --port N, or leave --port out' : err.message}\n`);
    await service.close();
    downloads.close();
    process.exit(2);
  }
  const url = `http://127.0.0.1:${port}/#token=${token}`;
  process.stdout.write(`Process Lab is at ${url}\n`);
  if (args.open) openBrowser(url);
}

async function listen(server: ShellServer, port: number | null): Promise<number> {
  if (port !== null) return server.listen(port);
  try {
    return await server.listen(USUAL_PORT);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    return server.listen(0);
  }
}

if (require.main === module) {
  void runShell(process.argv.slice(2)).catch((e: Error) => {
    process.stderr.write(`lab serve: ${e.stack ?? e.message}\n`);
    process.exit(1);
  });
}
