// Electron cannot run here, so tests replace the `electron` module with this stand-in:
//
//   vi.mock('electron', async () => (await import('../../support/electron-stand-in')).electron);
//
// Each part behaves as Electron documents it, including the parts that bite: what may only
// happen before or after `ready`, a second ipcMain.handle on one channel throwing, arguments
// and answers crossing IPC as structured clones, permissions granted when no handler says
// otherwise, a utility process's exit code on POSIX (the signal number after a signal, 0
// after kill()), and how it really ended told by app's 'child-process-gone'. Utility
// processes are real child processes; the worker inside takes its parentPort from
// parent-port-shim.cjs. The test drives the "user" and the "page" through `standIn`.
import { fork, type ChildProcess } from 'node:child_process';
import events, { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import timers from 'node:timers';
import url from 'node:url';
import vm from 'node:vm';

const SHIM = path.resolve(__dirname, 'parent-port-shim.cjs');

// ---- events ----------------------------------------------------------------------------

/** Electron's Event: preventDefault() and defaultPrevented, plus whatever details it carries. */
export class StandInEvent {
  defaultPrevented = false;
  constructor(details: Record<string, unknown> = {}) { Object.assign(this, details); }
  preventDefault(): void { this.defaultPrevented = true; }
}

// ---- app -----------------------------------------------------------------------------------

class AppStandIn extends EventEmitter {
  isPackaged = false;
  sandboxEnabled = false;
  singleInstanceLock = true;
  quitCalls = 0;
  exitCode: number | null = null;
  readonly paths = new Map<string, string>();
  private ready = false;
  private quitting = false;
  private exitListeners: ((code: number) => void)[] = [];

  isReady(): boolean { return this.ready; }
  whenReady(): Promise<void> {
    return this.ready ? Promise.resolve() : new Promise((resolve) => this.once('ready', () => resolve()));
  }
  getPath(name: string): string {
    const p = this.paths.get(name);
    if (!p) throw new Error(`Failed to get '${name}' path`);
    return p;
  }
  getVersion(): string { return '0.1.0'; }
  getName(): string { return 'process-lab'; }
  requestSingleInstanceLock(): boolean { return this.singleInstanceLock; }
  enableSandbox(): void {
    if (this.ready) throw new Error('app.enableSandbox() can only be called before app is ready');
    this.sandboxEnabled = true;
  }

  /** As documented: before-quit, then every window closed, then will-quit, then quit and exit. */
  quit(): void {
    this.quitCalls++;
    const before = new StandInEvent();
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    this.quitting = true;
    for (const w of BrowserWindowStandIn.getAllWindows()) {
      w.close();
      if (!w.isDestroyed()) { this.quitting = false; return; }
    }
    const will = new StandInEvent();
    this.emit('will-quit', will);
    if (will.defaultPrevented) { this.quitting = false; return; }
    this.emit('quit', new StandInEvent(), 0);
    this.exit(0);
  }

  /** Exits at once: windows destroyed, no quit events. */
  exit(code = 0): void {
    if (this.exitCode !== null) return;
    this.exitCode = code;
    this.quitting = true;
    for (const w of BrowserWindowStandIn.getAllWindows()) w.destroy();
    for (const l of this.exitListeners.splice(0)) l(code);
  }

  get isQuitting(): boolean { return this.quitting; }

  // ---- test controls ----
  makeReady(): void {
    if (this.ready) return;
    this.ready = true;
    this.emit('will-finish-launching');
    this.emit('ready', new StandInEvent(), {});
  }
  /** Resolves with the code once the app has exited. */
  exited(): Promise<number> {
    return this.exitCode !== null ? Promise.resolve(this.exitCode) : new Promise((resolve) => this.exitListeners.push(resolve));
  }
  reset(): void {
    this.removeAllListeners();
    this.ready = false;
    this.quitting = false;
    this.isPackaged = false;
    this.sandboxEnabled = false;
    this.singleInstanceLock = true;
    this.quitCalls = 0;
    this.exitCode = null;
    this.exitListeners = [];
    this.paths.clear();
  }
}

export const app = new AppStandIn();

// ---- frames, web contents, windows -----------------------------------------------------------

let nextId = 1;

export class WebFrameStandIn {
  readonly routingId = nextId++;
  detached = false;
  constructor(public url: string, readonly parent: WebFrameStandIn | null, readonly contents: WebContentsStandIn) {}
  get top(): WebFrameStandIn { return this.parent ? this.parent.top : this; }
}

interface OpenHandlerDetails { url: string; frameName: string; features: string; disposition: string; referrer: { url: string; policy: string }; postBody?: unknown }

export class WebContentsStandIn extends EventEmitter {
  readonly id = nextId++;
  mainFrame: WebFrameStandIn;
  readonly sent: { channel: string; args: unknown[] }[] = [];
  /** Sends attempted after this web contents was destroyed (Electron throws on them). */
  sendsAfterDestroy = 0;
  readonly loadedUrls: string[] = [];
  private destroyed = false;
  private windowOpenHandler: ((d: OpenHandlerDetails) => { action: 'allow' | 'deny' }) | null = null;
  /** The page's side of IPC (what its preload's ipcRenderer is). */
  readonly renderer: IpcRendererStandIn;
  /** The page's main world: what its preload put on `window` through the context bridge. */
  mainWorld: Record<string, unknown> = {};

  constructor(readonly webPreferences: Record<string, unknown>) {
    super();
    this.mainFrame = new WebFrameStandIn('about:blank', null, this);
    this.renderer = new IpcRendererStandIn(this);
  }

  get session(): SessionStandIn { return session.defaultSession; }

  /** Programmatic load (webContents.loadURL): no will-navigate, as documented. */
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    this.commit(url);
    return Promise.resolve();
  }
  getURL(): string { return this.mainFrame.url; }
  isDestroyed(): boolean { return this.destroyed; }

  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) { this.sendsAfterDestroy++; throw new TypeError('Object has been destroyed'); }
    const cloned = structuredClone(args);
    this.sent.push({ channel, args: cloned });
    this.renderer.deliver(channel, cloned);
  }

  setWindowOpenHandler(handler: (d: OpenHandlerDetails) => { action: 'allow' | 'deny' }): void { this.windowOpenHandler = handler; }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.mainFrame.detached = true;
    this.emit('destroyed');
  }

  // ---- test controls: what the page or the user does ----

  /**
   * The page navigates its top frame (a link, location.href): will-frame-navigate, then
   * will-navigate; refused if a listener of either prevents it (`by` says which did).
   */
  pageNavigates(url: string): { refused: boolean; by: string[] } {
    const details = { url, isSameDocument: false, isMainFrame: true, frame: this.mainFrame, initiator: this.mainFrame };
    const by: string[] = [];
    for (const name of ['will-frame-navigate', 'will-navigate']) {
      const e = new StandInEvent(details);
      if (name === 'will-navigate') this.emit(name, e, url, false, true);
      else this.emit(name, e);
      if (e.defaultPrevented) by.push(name);
    }
    if (by.length) return { refused: true, by };
    this.commit(url);
    return { refused: false, by };
  }

  /** window.open / target=_blank: Electron allows it when no handler is set. */
  pageOpensWindow(url: string): 'allow' | 'deny' {
    if (!this.windowOpenHandler) return 'allow';
    return this.windowOpenHandler({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'strict-origin-when-cross-origin' } }).action;
  }

  /** The page asks to attach a <webview>. */
  pageAttachesWebview(src: string): { refused: boolean } {
    const e = new StandInEvent();
    this.emit('will-attach-webview', e, {}, { src });
    return { refused: e.defaultPrevented };
  }

  /** Reload: a new document at the same address (no will-navigate). */
  reload(): void { this.commit(this.mainFrame.url); }

  /** The page adds a frame showing `url` (an iframe). */
  addSubframe(url: string): WebFrameStandIn { return new WebFrameStandIn(url, this.mainFrame, this); }

  private commit(url: string): void {
    this.mainWorld = {};
    this.mainFrame.detached = true;
    this.mainFrame = new WebFrameStandIn(url, null, this);
    this.emit('did-start-navigation', new StandInEvent({ url, isMainFrame: true }));
    this.emit('did-navigate', new StandInEvent(), url, 200, 'OK');
    this.emit('did-finish-load');
  }
}

export class BrowserWindowStandIn extends EventEmitter {
  private static readonly windows = new Set<BrowserWindowStandIn>();
  static getAllWindows(): BrowserWindowStandIn[] { return [...this.windows]; }
  static reset(): void { this.windows.clear(); }

  readonly webContents: WebContentsStandIn;
  shown = false;
  focused = 0;
  private destroyed = false;

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> } = {}) {
    super();
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.webContents = new WebContentsStandIn({ ...(options.webPreferences ?? {}) });
    BrowserWindowStandIn.windows.add(this);
    app.emit('web-contents-created', new StandInEvent(), this.webContents);
    app.emit('browser-window-created', new StandInEvent(), this);
    setImmediate(() => { if (!this.destroyed) this.emit('ready-to-show'); });
  }

  loadURL(url: string): Promise<void> { return this.webContents.loadURL(url); }
  show(): void { this.shown = true; }
  focus(): void { this.focused++; }
  restore(): void {}
  isMinimized(): boolean { return false; }
  isDestroyed(): boolean { return this.destroyed; }

  /** As the user closing it: 'close' (cancellable), then destroyed and 'closed'. */
  close(): void {
    if (this.destroyed) return;
    const e = new StandInEvent();
    this.emit('close', e);
    if (e.defaultPrevented) return;
    this.destroy();
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    BrowserWindowStandIn.windows.delete(this);
    this.webContents.destroy();
    this.emit('closed');
    // Not while quitting: app.quit() closes the windows itself and emits will-quit instead.
    if (BrowserWindowStandIn.windows.size === 0 && !app.isQuitting) app.emit('window-all-closed');
  }
}

// ---- IPC -----------------------------------------------------------------------------------

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;

class IpcMainStandIn extends EventEmitter {
  private readonly handlers = new Map<string, InvokeListener>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  handleOnce(channel: string, listener: InvokeListener): void {
    this.handle(channel, (...a) => { this.removeHandler(channel); return listener(...a); });
  }
  removeHandler(channel: string): void { this.handlers.delete(channel); }

  get channels(): string[] { return [...this.handlers.keys()]; }

  /** What ipcRenderer.invoke does on the main side: the answer is a structured clone. */
  async invokeFrom(frame: WebFrameStandIn | null, contents: WebContentsStandIn, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const event = {
      type: 'frame', sender: contents, frameId: frame?.routingId ?? -1, processId: 1,
      get senderFrame() { return frame && !frame.detached ? frame : null; },
      preventDefault() {},
    };
    try {
      return structuredClone(await handler(event, ...structuredClone(args)));
    } catch (e) {
      throw new Error(`Error invoking remote method '${channel}': ${String(e)}`);
    }
  }

  reset(): void { this.handlers.clear(); this.removeAllListeners(); }
}

export const ipcMain = new IpcMainStandIn();

type RendererListener = (event: { sender: unknown; senderFrame?: unknown; ports: unknown[] }, ...args: unknown[]) => void;

/** ipcRenderer as a page's preload sees it, bound to its web contents and top frame. */
export class IpcRendererStandIn {
  private readonly listeners = new Map<string, Set<RendererListener>>();
  /** The frame that asks (the top frame unless a test says otherwise). */
  frame: WebFrameStandIn | null = null;

  constructor(private readonly contents: WebContentsStandIn) {}

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    return ipcMain.invokeFrom(this.frame ?? this.contents.mainFrame, this.contents, channel, args);
  }
  on(channel: string, listener: RendererListener): this {
    if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
    this.listeners.get(channel)!.add(listener);
    return this;
  }
  off(channel: string, listener: RendererListener): this { this.listeners.get(channel)?.delete(listener); return this; }
  removeListener(channel: string, listener: RendererListener): this { return this.off(channel, listener); }
  listenerCount(channel: string): number { return this.listeners.get(channel)?.size ?? 0; }

  deliver(channel: string, args: unknown[]): void {
    for (const l of [...(this.listeners.get(channel) ?? [])]) l({ sender: this, ports: [] }, ...args);
  }
}

/** The page whose preload is loading: the module-level ipcRenderer and contextBridge are its. */
let currentPage: WebContentsStandIn | null = null;
function page(): WebContentsStandIn {
  if (!currentPage) throw new Error('no page is loading a preload (standIn.loadPreloadFor)');
  return currentPage;
}
export const ipcRenderer = new Proxy({} as IpcRendererStandIn, {
  get(_t, key) {
    const r = page().renderer;
    const v = (r as unknown as Record<string | symbol, unknown>)[key];
    return typeof v === 'function' ? v.bind(r) : v;
  },
});

// ---- contextBridge ---------------------------------------------------------------------------

/**
 * Values cross the bridge as copies: functions become proxies whose arguments and results
 * are copied back, objects are copied property by property (prototypes are lost), promises
 * resolve to copies. Nothing the preload holds is reachable from the page by reference.
 */
function bridgeCopy(value: unknown, seen = new Map<object, unknown>()): unknown {
  if (typeof value === 'function') {
    const f = value as (...a: unknown[]) => unknown;
    return (...args: unknown[]) => bridgeCopy(f(...args.map((a) => bridgeCopy(a))));
  }
  if (value === null || typeof value !== 'object') return value;
  if (value instanceof Promise) return value.then((v) => bridgeCopy(v));
  if (seen.has(value)) return seen.get(value);
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    seen.set(value, out);
    for (const v of value) out.push(bridgeCopy(v, seen));
    return out;
  }
  const out: Record<string, unknown> = {};
  seen.set(value, out);
  for (const [k, v] of Object.entries(value)) out[k] = bridgeCopy(v, seen);
  return out;
}

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    const world = page().mainWorld;
    if (Object.prototype.hasOwnProperty.call(world, key)) throw new Error('Cannot bind an API on top of an existing property on the window object');
    world[key] = bridgeCopy(api);
  },
};

// ---- dialog, shell -----------------------------------------------------------------------------

export const dialog = {
  /** What the next save dialog answers; cancelled unless a test chooses a file. */
  nextSave: { canceled: true, filePath: '' } as { canceled: boolean; filePath: string },
  saves: [] as { window: unknown; options: Record<string, unknown> }[],
  errorBoxes: [] as { title: string; content: string }[],
  messageBoxes: [] as { window: unknown; options: Record<string, unknown> }[],
  async showSaveDialog(a: unknown, b?: Record<string, unknown>): Promise<{ canceled: boolean; filePath: string }> {
    if (!app.isReady()) throw new Error('dialog module can only be used after app is ready');
    const [window, options] = b === undefined ? [null, a as Record<string, unknown>] : [a, b];
    this.saves.push({ window, options });
    return { ...this.nextSave };
  },
  showErrorBox(title: string, content: string): void { this.errorBoxes.push({ title, content }); },
  /** Answers as if the first button (OK) was pressed. */
  async showMessageBox(a: unknown, b?: Record<string, unknown>): Promise<{ response: number; checkboxChecked: boolean }> {
    if (!app.isReady()) throw new Error('dialog module can only be used after app is ready');
    const [window, options] = b === undefined ? [null, a as Record<string, unknown>] : [a, b];
    this.messageBoxes.push({ window, options });
    return { response: 0, checkboxChecked: false };
  },
};

export const shell = {
  opened: [] as string[],
  async openExternal(url: string): Promise<void> { this.opened.push(url); },
};

// ---- protocol, session ---------------------------------------------------------------------

type ProtocolHandler = (request: Request) => Response | Promise<Response>;

class ProtocolStandIn {
  privileged: { scheme: string; privileges?: Record<string, boolean> }[] | null = null;
  readonly handlers = new Map<string, ProtocolHandler>();

  registerSchemesAsPrivileged(schemes: { scheme: string; privileges?: Record<string, boolean> }[]): void {
    if (app.isReady()) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    if (this.privileged) throw new Error('protocol.registerSchemesAsPrivileged can be called only once');
    this.privileged = structuredClone(schemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    if (!app.isReady()) throw new Error('protocol.handle can only be used after app is ready');
    if (this.handlers.has(scheme)) throw new Error(`Failed to register protocol: ${scheme}`);
    this.handlers.set(scheme, handler);
  }
  unhandle(scheme: string): void { this.handlers.delete(scheme); }
  isProtocolHandled(scheme: string): boolean { return this.handlers.has(scheme); }

  /** What the page's request for `url` gets (a standard scheme's URL, as Chromium parses it). */
  async request(url: string, init?: RequestInit): Promise<Response> {
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`net::ERR_UNKNOWN_URL_SCHEME (${url})`);
    return handler(new Request(url, init));
  }

  reset(): void { this.privileged = null; this.handlers.clear(); }
}

export const protocol = new ProtocolStandIn();

type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: unknown) => void;
type PermissionCheckHandler = (contents: unknown, permission: string, origin: string, details: unknown) => boolean;
type BeforeRequestListener = (details: { url: string; method: string; resourceType: string }, callback: (r: { cancel?: boolean }) => void) => void;

class SessionStandIn {
  readonly protocol = protocol;
  private requestHandler: PermissionRequestHandler | null = null;
  private checkHandler: PermissionCheckHandler | null = null;
  private deviceHandler: ((details: unknown) => boolean) | null = null;
  private beforeRequest: BeforeRequestListener | null = null;

  readonly webRequest = {
    onBeforeRequest: (a: unknown, b?: unknown): void => {
      this.beforeRequest = (typeof a === 'function' ? a : b) as BeforeRequestListener | null;
    },
  };

  setPermissionRequestHandler(h: PermissionRequestHandler | null): void { this.requestHandler = h; }
  setPermissionCheckHandler(h: PermissionCheckHandler | null): void { this.checkHandler = h; }
  setDevicePermissionHandler(h: ((details: unknown) => boolean) | null): void { this.deviceHandler = h; }

  // ---- test controls: Electron grants what no handler refuses ----
  requestPermission(contents: unknown, permission: string): Promise<boolean> {
    const h = this.requestHandler;
    if (!h) return Promise.resolve(true);
    return new Promise((resolve) => h(contents, permission, resolve, { requestingUrl: 'app://lab/index.html', isMainFrame: true }));
  }
  checkPermission(contents: unknown, permission: string, origin = 'app://lab'): boolean {
    return this.checkHandler ? this.checkHandler(contents, permission, origin, { isMainFrame: true }) : true;
  }
  checkDevice(deviceType: string): boolean {
    return this.deviceHandler ? this.deviceHandler({ deviceType, origin: 'app://lab', device: {} }) : true;
  }
  /** Whether a request for `url` goes out (no listener: it does). */
  requestGoesOut(url: string): Promise<boolean> {
    const l = this.beforeRequest;
    if (!l) return Promise.resolve(true);
    return new Promise((resolve) => l({ url, method: 'GET', resourceType: 'xhr' }, (r) => resolve(!r.cancel)));
  }

  reset(): void { this.requestHandler = null; this.checkHandler = null; this.deviceHandler = null; this.beforeRequest = null; }
}

const defaultSession = new SessionStandIn();
export const session = {
  get defaultSession(): SessionStandIn {
    if (!app.isReady()) throw new Error('Session can only be received when app is ready');
    return defaultSession;
  },
};

// ---- utilityProcess --------------------------------------------------------------------------

/** Signals Chromium counts as a crash, and as a kill (base/process/kill_posix.cc). */
const CRASH_SIGNALS = new Set(['SIGABRT', 'SIGBUS', 'SIGFPE', 'SIGILL', 'SIGSEGV', 'SIGTRAP', 'SIGSYS']);
const KILL_SIGNALS = new Set(['SIGKILL', 'SIGINT', 'SIGTERM']);

export interface ForkRecord {
  modulePath: string;
  options: { stdio?: unknown; serviceName?: string; execArgv?: string[]; env?: Record<string, string> };
  child: ChildProcess;
  process: UtilityProcessStandIn;
}

export class UtilityProcessStandIn extends EventEmitter {
  pid: number | undefined = undefined;
  stdout: PassThrough | null;
  stderr: PassThrough | null;
  killedByApi = false;

  constructor(private readonly child: ChildProcess, readonly serviceName: string, piped: boolean) {
    super();
    this.stdout = piped ? new PassThrough() : null;
    this.stderr = piped ? new PassThrough() : null;
    rechunk(child.stdout, this.stdout);
    rechunk(child.stderr, this.stderr);
    child.on('spawn', () => { this.pid = child.pid; this.emit('spawn'); });
    child.on('message', (m) => this.emit('message', m));
    child.on('error', () => {}); // a write racing the child's death; 'exit' follows
    child.on('exit', (code, signal) => this.onChildExit(code, signal));
  }

  postMessage(message: unknown): void {
    // Electron drops a message to a process that is no longer connected.
    if (this.child.connected) this.child.send(message as object);
  }

  /** SIGTERM; false when there is no process to terminate (Electron's answer). */
  kill(): boolean {
    if (this.pid === undefined) return false;
    if (utilityProcess.killAnswers === false) return false;
    this.killedByApi = true;
    return this.child.kill('SIGTERM');
  }

  /** A V8 fatal error in the child: 'error', then the process aborts (SIGABRT). */
  fatalError(location: string): void {
    this.emit('error', 'FatalError', location, '{"header":{}}');
    this.child.kill('SIGABRT');
  }

  private onChildExit(code: number | null, signal: NodeJS.Signals | null): void {
    const signum = signal ? os.constants.signals[signal] : null;
    // kill() reaps the process itself (base::EnsureProcessTerminated): Chromium then sees a
    // normal end, code 0, and tells nothing more.
    let exitCode: number;
    let reason: string | null = null;
    if (this.killedByApi) exitCode = 0;
    else if (signal && signum !== null) {
      exitCode = signum;
      reason = CRASH_SIGNALS.has(signal) ? 'crashed' : KILL_SIGNALS.has(signal) ? 'killed' : null;
    } else {
      exitCode = code ?? 0;
      if (exitCode !== 0) reason = 'abnormal-exit';
    }
    const gone = () => {
      if (!reason) return;
      app.emit('child-process-gone', new StandInEvent(), {
        type: 'Utility', reason, exitCode, serviceName: 'node.mojom.NodeService', name: this.serviceName,
      });
    };
    const exit = () => {
      this.pid = undefined;
      this.emit('exit', exitCode);
      this.stdout = null;
      this.stderr = null;
    };
    if (utilityProcess.goneOrder === 'before-exit') { gone(); exit(); } else { exit(); setImmediate(gone); }
  }
}

/** Passes a child's output on in pieces of `utilityProcess.chunkBytes` bytes (if set). */
function rechunk(from: NodeJS.ReadableStream | null, to: PassThrough | null): void {
  if (!from || !to) return;
  from.on('data', (chunk: Buffer) => {
    const n = utilityProcess.chunkBytes;
    if (!n) { to.write(chunk); return; }
    for (let i = 0; i < chunk.length; i += n) to.write(chunk.subarray(i, i + n));
  });
  from.on('end', () => to.end());
}

export const utilityProcess = {
  /** Which comes first when a process ends abnormally: app's 'child-process-gone' or its 'exit'. */
  goneOrder: 'before-exit' as 'before-exit' | 'after-exit',
  /** Cut the child's output into pieces this small (1: every byte alone), as pipes may. */
  chunkBytes: 0,
  /** false: kill() answers false, as when Electron cannot terminate the process. */
  killAnswers: true,
  forks: [] as ForkRecord[],

  fork(modulePath: string, args: string[] = [], options: ForkRecord['options'] = {}): UtilityProcessStandIn {
    if (!app.isReady()) throw new Error('utilityProcess cannot be created before app is ready.');
    const stdio = options.stdio ?? 'inherit';
    const piped = stdio === 'pipe' || (Array.isArray(stdio) && stdio[1] === 'pipe');
    const child = fork(modulePath, args, {
      execArgv: [...(options.execArgv ?? []), '--require', SHIM],
      // Electron: a given env replaces the parent's entirely.
      env: options.env ?? process.env,
      stdio: ['ignore', piped ? 'pipe' : 'inherit', piped ? 'pipe' : 'inherit', 'ipc'],
      serialization: 'advanced',
    });
    const up = new UtilityProcessStandIn(child, options.serviceName ?? 'Node Utility Process', piped);
    this.forks.push({ modulePath, options, child, process: up });
    return up;
  },
};

// ---- the module and its controls -------------------------------------------------------------

/** What a sandboxed preload may require besides electron (Electron's sandbox docs). */
const SANDBOX_MODULES: Record<string, unknown> = { events, timers, url };

export const BrowserWindow = BrowserWindowStandIn;

/** What `vi.mock('electron', ...)` returns. */
export const electron = {
  app, BrowserWindow, ipcMain, ipcRenderer, contextBridge, dialog, shell, protocol, session, utilityProcess,
};

export const standIn = {
  app,
  ipcMain,
  protocol,
  dialog,
  shell,
  utilityProcess,
  get session(): SessionStandIn { return defaultSession; },
  windows: (): BrowserWindowStandIn[] => BrowserWindowStandIn.getAllWindows(),
  /** Makes `ipcRenderer` and `contextBridge` those of `contents`' page while its preload loads. */
  loadPreloadFor(contents: WebContentsStandIn): void { currentPage = contents; },

  /**
   * Runs a built preload as a sandboxed renderer does: its own context, and a `require` that
   * gives only what Electron's sandbox gives (electron's renderer modules, events, timers, url).
   * Returns the page's main world and the modules the preload asked for.
   */
  runPreload(file: string, contents: WebContentsStandIn): { world: Record<string, unknown>; required: string[] } {
    const required: string[] = [];
    const sandboxRequire = (id: string): unknown => {
      required.push(id);
      if (id === 'electron') return { contextBridge, ipcRenderer };
      if (id in SANDBOX_MODULES) return SANDBOX_MODULES[id];
      throw new Error(`module not found: ${id} (a sandboxed preload can require only electron, events, timers and url)`);
    };
    currentPage = contents;
    const module = { exports: {} };
    vm.runInNewContext(readFileSync(file, 'utf8'), { require: sandboxRequire, module, exports: module.exports, console }, { filename: file });
    return { world: contents.mainWorld, required };
  },
  /** Pids of every utility process started since the last reset. */
  forkedPids: (): number[] => utilityProcess.forks.map((f) => f.child.pid).filter((p): p is number => p !== undefined),

  /** A fresh Electron: nothing registered, not ready. Kills nothing (tests close what they start). */
  reset(): void {
    app.reset();
    ipcMain.reset();
    protocol.reset();
    defaultSession.reset();
    BrowserWindowStandIn.reset();
    currentPage = null;
    dialog.nextSave = { canceled: true, filePath: '' };
    dialog.saves.length = 0;
    dialog.errorBoxes.length = 0;
    dialog.messageBoxes.length = 0;
    shell.opened.length = 0;
    utilityProcess.goneOrder = 'before-exit';
    utilityProcess.chunkBytes = 0;
    utilityProcess.killAnswers = true;
    utilityProcess.forks.length = 0;
  },
};
