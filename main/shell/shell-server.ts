// The browser shell's HTTP server: the built renderer as static files, and the contract at
// /api/ (POST /api/<request name>, the push stream at /api/stream, prepared downloads at
// /api/download/<id>). Every /api/ request passes the AccessGuard first. See docs/browser-shell.md.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail, type ClientSession, type RequestHandler, type Result } from '../../shared/contract';
import { AccessGuard } from './access-guard';
import type { DownloadExports } from './download-exports';
import { serveStatic } from './static-files';
import { RequestOnlySession, StreamSessions } from './stream-sessions';

const MAX_BODY_BYTES = 1024 * 1024;

export interface ShellServerOptions {
  router: RequestHandler;
  token: string;
  staticRoot: string;
  csp: string;
  downloads: DownloadExports;
}

export class ShellServer {
  readonly server: Server;
  readonly sessions = new StreamSessions();
  private readonly guard: AccessGuard;

  constructor(private readonly opts: ShellServerOptions) {
    this.guard = new AccessGuard(opts.token, () => this.port);
    this.server = createServer((req, res) => {
      this.route(req, res).catch((e: Error) => {
        if (!res.headersSent) json(res, 500, fail('internal', e.message));
        else res.destroy();
      });
    });
  }

  /** Listens on 127.0.0.1 only. */
  listen(port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => { this.server.off('listening', onListening); reject(e); };
      const onListening = () => { this.server.off('error', onError); resolve(this.port); };
      this.server.once('error', onError);
      this.server.once('listening', onListening);
      this.server.listen(port, '127.0.0.1');
    });
  }

  get port(): number { return (this.server.address() as AddressInfo | null)?.port ?? 0; }

  /** Ends every stream (and so every subscription) and stops listening. */
  close(): Promise<void> {
    this.sessions.closeAll();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const pathname = new URL(req.url ?? '/', 'http://x').pathname;
    if (pathname !== '/api' && !pathname.startsWith('/api/')) {
      const site = this.guard.sameSite(req);
      if (!site.ok) { res.writeHead(site.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${site.message}\n`); return; }
      serveStatic(this.opts.staticRoot, this.opts.csp, req, res, pathname);
      return;
    }
    const verdict = this.guard.api(req);
    if (!verdict.ok) {
      req.resume();
      json(res, verdict.status, fail('unauthorized', verdict.message), verdict.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {});
      return;
    }
    const name = pathname.slice('/api/'.length);
    if (name === 'stream') {
      if (req.method !== 'GET') { json(res, 405, fail('bad-request', 'the stream is read with GET'), { Allow: 'GET' }); return; }
      this.sessions.open(res);
      return;
    }
    if (name.startsWith('download/')) {
      if (req.method !== 'GET') { json(res, 405, fail('bad-request', 'a download is read with GET'), { Allow: 'GET' }); return; }
      this.opts.downloads.serve(name.slice('download/'.length), res);
      return;
    }
    if (req.method !== 'POST') { json(res, 405, fail('bad-request', `requests are sent with POST /api/<request name>, not ${req.method}`), { Allow: 'POST' }); return; }
    const body = await readBody(req);
    if (!body.ok) { json(res, body.status, body.result); return; }
    let args: unknown;
    try {
      args = body.text.trim() === '' ? {} : JSON.parse(body.text);
    } catch (e) {
      json(res, 400, fail('bad-request', `the body of ${name} is not JSON: ${(e as Error).message}`));
      return;
    }
    const sessionId = req.headers['x-lab-session'];
    let session: ClientSession;
    let requestOnly: RequestOnlySession | null = null;
    if (typeof sessionId === 'string' && sessionId !== '') {
      const s = this.sessions.get(sessionId);
      if (!s) { json(res, 200, fail('not-found', `no open stream ${JSON.stringify(sessionId)}: open GET /api/stream and send the session id it names`)); return; }
      session = s;
    } else {
      if (name === 'subscribe') { json(res, 200, fail('bad-request', 'subscribe needs the X-Lab-Session header naming an open /api/stream, where its pushes go')); return; }
      session = requestOnly = new RequestOnlySession();
    }
    try {
      json(res, 200, await this.opts.router.handle(name, args, session));
    } finally {
      requestOnly?.close();
    }
  }
}

function json(res: ServerResponse, status: number, body: Result<unknown>, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text)),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    ...headers,
  });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<{ ok: true; text: string } | { ok: false; status: number; result: Result<unknown> }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooBig = false;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooBig = true;
      else chunks.push(c);
    });
    req.on('end', () => resolve(tooBig
      ? { ok: false, status: 413, result: fail('bad-request', `the request body is over ${MAX_BODY_BYTES} bytes`) }
      : { ok: true, text: Buffer.concat(chunks).toString('utf8') }));
    req.on('error', reject);
  });
}
