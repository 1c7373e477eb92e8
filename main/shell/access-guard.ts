// Who may use the browser shell's API: the page that was given the launch token, reached by
// its own address. Every /api/ request is checked here before anything else happens:
// the token first (401), then the Host header (403: a DNS-rebinding page names its own host),
// then the Origin header (403: another site's page).
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export type Verdict = { ok: true } | { ok: false; status: 401 | 403; message: string };

export class AccessGuard {
  private readonly token: Buffer;

  constructor(token: string, private readonly port: () => number) {
    this.token = Buffer.from(token);
  }

  /** The checks for /api/ paths. */
  api(req: IncomingMessage): Verdict {
    const auth = req.headers.authorization;
    const m = typeof auth === 'string' ? /^Bearer ([^\s]+)$/.exec(auth) : null;
    if (!m) return { ok: false, status: 401, message: 'this request carries no token: send "Authorization: Bearer TOKEN" with the token of the address the lab printed' };
    const given = Buffer.from(m[1]);
    if (given.length !== this.token.length || !timingSafeEqual(given, this.token)) {
      return { ok: false, status: 401, message: 'wrong token: use the address the lab printed when it started (the token changes at every launch)' };
    }
    return this.sameSite(req);
  }

  /** Host and Origin must name this server (static files too: no page served to another name). */
  sameSite(req: IncomingMessage): Verdict {
    const allowed = this.allowedHosts();
    const host = req.headers.host;
    if (!host || !allowed.includes(host.toLowerCase())) {
      return { ok: false, status: 403, message: `Host ${JSON.stringify(host ?? '')} is not this lab; it answers only at ${allowed.join(' or ')}` };
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !allowed.some((h) => origin.toLowerCase() === `http://${h}`)) {
      return { ok: false, status: 403, message: `requests from ${JSON.stringify(origin)} are refused: only the lab's own page may use it` };
    }
    return { ok: true };
  }

  private allowedHosts(): string[] {
    const p = this.port();
    return [`127.0.0.1:${p}`, `localhost:${p}`];
  }
}
