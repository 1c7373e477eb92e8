// The browser shell's LabClient: each request is POST /api/<name> with the launch token, and
// pushes arrive on one server-sent-events stream (/api/stream) read with fetch, so it can carry
// the token too. The stream's first message names its session; requests send that id so the
// subscriptions they make belong to this page's stream, and end when it closes.
import {
  fail, REQUEST_NAMES, type LabClient, type Push, type RequestName, type Result,
} from '../../../shared/contract';
import { SseParser } from './sse-parser';

export interface HttpLab {
  client: LabClient;
  /** Fetches a download the shell prepared (the token goes in a header) and saves it as a file. */
  download(url: string, fileName: string): Promise<void>;
  onConnectionLost(listener: (message: string) => void): () => void;
}

export function httpLab(token: string, origin: string): HttpLab {
  const auth = { Authorization: `Bearer ${token}` };
  const pushListeners = new Set<(p: Push) => void>();
  const lostListeners = new Set<(m: string) => void>();
  let lost: string | null = null;
  const loseConnection = (message: string) => {
    if (lost !== null) return;
    lost = message;
    for (const l of lostListeners) l(message);
  };

  const session = openStream(origin, auth, (p) => { for (const l of pushListeners) l(p); }, loseConnection);

  async function request(name: RequestName, args: unknown): Promise<Result<unknown>> {
    let id: string;
    try {
      id = await session;
    } catch (e) {
      return fail('unavailable', (e as Error).message);
    }
    try {
      const res = await fetch(`${origin}/api/${name}`, {
        method: 'POST',
        headers: { ...auth, 'Content-Type': 'application/json', 'X-Lab-Session': id },
        body: JSON.stringify(args ?? {}),
      });
      const body = await res.json() as Result<unknown>;
      if (res.status === 401) loseConnection(body.ok ? 'the lab refused this page' : body.error.message);
      return body;
    } catch (e) {
      return fail('unavailable', `the lab did not answer (${(e as Error).message}); is it still running?`);
    }
  }

  const client = { onPush: (l: (p: Push) => void) => { pushListeners.add(l); return () => { pushListeners.delete(l); }; } } as Record<string, unknown>;
  for (const name of REQUEST_NAMES) client[name] = (args: unknown) => request(name, args);

  return {
    client: client as unknown as LabClient,
    async download(url, fileName) {
      const res = await fetch(new URL(url, origin), { headers: auth });
      if (!res.ok) throw new Error(`the download failed (HTTP ${res.status})`);
      const blob = await res.blob();
      const href = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = href;
      a.download = fileName;
      a.hidden = true;
      document.body.append(a);
      a.click();
      a.remove();
      // The browser has taken the blob once the click's download started.
      setTimeout(() => URL.revokeObjectURL(href), 60_000);
    },
    onConnectionLost(l) {
      if (lost !== null) l(lost);
      lostListeners.add(l);
      return () => { lostListeners.delete(l); };
    },
  };
}

/** Opens the push stream; resolves with its session id once the server named it. */
function openStream(origin: string, auth: Record<string, string>, onPush: (p: Push) => void, onLost: (m: string) => void): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let named = false;
    const gone = (message: string) => {
      if (!named) reject(new Error(message));
      onLost(message);
    };
    void (async () => {
      let res: Response;
      try {
        res = await fetch(`${origin}/api/stream`, { headers: { ...auth, Accept: 'text/event-stream' } });
      } catch (e) {
        gone(`the lab is not reachable (${(e as Error).message}); start it again with npm start`);
        return;
      }
      if (res.status === 401) { gone('this page\'s key is not valid: the lab was restarted. Open the address it printed last.'); return; }
      if (!res.ok || !res.body) { gone(`the lab refused the event stream (HTTP ${res.status})`); return; }
      const parser = new SseParser((m) => {
        if (m.event === 'session') {
          named = true;
          resolve((JSON.parse(m.data) as { session: string }).session);
        } else if (m.event === 'push') {
          onPush(JSON.parse(m.data) as Push);
        }
      });
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          parser.feed(value);
        }
      } catch {
        // the connection dropped: told below
      }
      gone('the connection to the lab was lost: it was stopped or restarted. Start it again with npm start and open the address it prints.');
    })();
  });
}
