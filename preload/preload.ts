// The window's only bridge to the main process. It exposes `window.processLab`: one function
// per contract request, each a plain `ipcRenderer.invoke('lab:<name>', args)`, plus onPush.
// Nothing else crosses: not ipcRenderer, not its events, not Electron.
//
// The window is sandboxed, so this file may require only Electron's renderer modules (and
// events, timers, url). build/bundle-preload.mjs bundles it into one file that requires
// "electron" alone; the contract comes in as types only.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { LabClient, Push, RequestFunctions, RequestName } from '../shared/contract';
import { PUSH_CHANNEL, requestChannel } from './ipc-channels';

// Every contract request, once: the type makes a missing or an unknown name a compile error.
const REQUESTS: Record<RequestName, true> = {
  version: true, scenarios: true, source: true, prepare: true, start: true, stop: true, live: true, subscribe: true,
  unsubscribe: true, history: true, run: true, events: true, tables: true, chart: true, compare: true, delete: true, export: true,
  exportCompare: true,
};

const requests = Object.fromEntries(
  Object.keys(REQUESTS).map((name) => [name, (args: unknown) => ipcRenderer.invoke(requestChannel(name), args)]),
) as RequestFunctions;

const pushListeners = new Set<(push: Push) => void>();
ipcRenderer.on(PUSH_CHANNEL, (_event: IpcRendererEvent, push: Push) => {
  for (const listener of [...pushListeners]) {
    try { listener(push); } catch (e) { console.error('a push listener failed', e); }
  }
});

const processLab: LabClient = {
  ...requests,
  onPush(listener) {
    if (typeof listener !== 'function') throw new TypeError('onPush takes a function: (push) => void');
    pushListeners.add(listener);
    return () => { pushListeners.delete(listener); };
  },
};

contextBridge.exposeInMainWorld('processLab', processLab);
