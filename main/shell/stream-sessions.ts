// The push streams of the browser shell: each GET /api/stream is one client session (server-
// sent events). Its first message names the session; requests that carry that id in
// X-Lab-Session subscribe on its behalf; when the stream closes, its subscriptions end.
import { randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ClientSession, Push } from '../../shared/contract';

const KEEP_ALIVE_MS = 15_000;

export class StreamSession implements ClientSession {
  private readonly closers: (() => void)[] = [];
  private readonly keepAlive: NodeJS.Timeout;
  closed = false;

  constructor(readonly id: string, private readonly res: ServerResponse, private readonly forget: (id: string) => void) {
    this.keepAlive = setInterval(() => this.write(': keep-alive\n\n'), KEEP_ALIVE_MS);
    this.keepAlive.unref();
    res.on('close', () => this.close());
    this.write(`event: session\ndata: ${JSON.stringify({ session: id })}\n\n`);
  }

  push(push: Push): void {
    this.write(`event: push\ndata: ${JSON.stringify(push)}\n\n`);
  }

  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.closers.push(cleanup);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.keepAlive);
    this.forget(this.id);
    for (const c of this.closers.splice(0)) {
      try { c(); } catch { /* one cleanup failing must not keep the others from running */ }
    }
    if (!this.res.writableEnded) this.res.end();
  }

  private write(text: string): void {
    if (!this.closed && !this.res.writableEnded) this.res.write(text);
  }
}

/** A session for one request that came without a stream: it can receive no push. */
export class RequestOnlySession implements ClientSession {
  private readonly closers: (() => void)[] = [];
  push(): void { /* nowhere to send it */ }
  onClose(cleanup: () => void): void { this.closers.push(cleanup); }
  close(): void { for (const c of this.closers.splice(0)) c(); }
}

export class StreamSessions {
  private readonly sessions = new Map<string, StreamSession>();

  open(res: ServerResponse): StreamSession {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    res.flushHeaders();
    const id = randomBytes(12).toString('base64url');
    const s = new StreamSession(id, res, (gone) => this.sessions.delete(gone));
    this.sessions.set(id, s);
    return s;
  }

  get(id: string): StreamSession | undefined { return this.sessions.get(id); }

  get size(): number { return this.sessions.size; }

  closeAll(): void { for (const s of [...this.sessions.values()]) s.close(); }
}
