// The contract over Electron IPC: one `ipcMain.handle('lab:<name>')` per contract request.
// Each checks who is asking (the app window's own top frame, showing an app:// page), then
// hands the raw argument to the request handler, which validates it against the contract
// before the service sees it. Pushes go back to the asking window only, and what it
// subscribed to ends when its page goes (closed, crashed, reloaded).
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { fail, REQUEST_NAMES, type ClientSession, type Push, type RequestHandler, type WireError } from '../../shared/contract';
import { PUSH_CHANNEL, requestChannel } from '../../preload/ipc-channels';
import { isAppUrl } from './app-origin';

export interface IpcOptions {
  handler: RequestHandler;
  /** The web contents allowed to ask: the app's window (null while there is none). */
  trusted: () => WebContents | null;
  log?: (line: string) => void;
}

/** Registers every handler; returns the function that removes them and ends every session. */
export function registerIpc(options: IpcOptions): () => void {
  const sessions = new Map<WebContents, WindowSession>();
  const sessionFor = (contents: WebContents): WindowSession => {
    let s = sessions.get(contents);
    if (!s) {
      s = new WindowSession(contents, () => sessions.delete(contents), options.log);
      sessions.set(contents, s);
    }
    return s;
  };
  for (const name of REQUEST_NAMES) {
    ipcMain.handle(requestChannel(name), async (event, ...args: unknown[]) => {
      const refused = checkSender(event, options.trusted());
      if (refused) {
        options.log?.(`refused "${name}": ${refused.error.message}`);
        return refused;
      }
      if (args.length > 1) return fail('bad-request', `${name} takes one argument (an object), not ${args.length}`);
      return options.handler.handle(name, args[0], sessionFor(event.sender));
    });
  }
  return () => {
    for (const name of REQUEST_NAMES) ipcMain.removeHandler(requestChannel(name));
    for (const s of [...sessions.values()]) s.close();
  };
}

/** Null when the sender may ask; otherwise the refusal to send back. */
export function checkSender(event: IpcMainInvokeEvent, trusted: WebContents | null): { ok: false; error: WireError } | null {
  if (!trusted || trusted.isDestroyed() || event.sender.id !== trusted.id) {
    return fail('unauthorized', 'requests are taken only from the Process Lab window');
  }
  const frame = event.senderFrame;
  if (!frame) return fail('unauthorized', 'the asking page is gone (navigated away or closed)');
  if (frame.parent !== null) return fail('unauthorized', 'requests are taken only from the window\'s top frame, not from a frame inside it');
  if (!isAppUrl(frame.url)) return fail('unauthorized', `requests are taken only from the app's own page, not from ${describeUrl(frame.url)}`);
  return null;
}

function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'a page without a valid address';
  }
}

/** One window's page as a client of the service: pushes to it, cleanups when it goes. */
class WindowSession implements ClientSession {
  private readonly cleanups: (() => void)[] = [];
  private closed = false;
  private readonly closeOnce = () => this.close();

  constructor(private readonly contents: WebContents, private readonly forget: () => void, private readonly log?: (line: string) => void) {
    contents.once('destroyed', this.closeOnce);
    contents.on('render-process-gone', this.closeOnce);
    // A new document (a reload) no longer knows the old page's subscriptions.
    contents.on('did-navigate', this.closeOnce);
  }

  push(push: Push): void {
    if (this.closed || this.contents.isDestroyed()) return;
    this.contents.send(PUSH_CHANNEL, push);
  }

  onClose(cleanup: () => void): void {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.forget();
    this.contents.off('destroyed', this.closeOnce);
    this.contents.off('render-process-gone', this.closeOnce);
    this.contents.off('did-navigate', this.closeOnce);
    for (const c of this.cleanups.splice(0)) {
      try { c(); } catch (e) { this.log?.(`a subscription did not close cleanly: ${(e as Error).message}`); }
    }
  }
}
