// The one place that knows how a worker talks to its host: Electron's utility process
// gives it process.parentPort (postMessage / 'message' events carrying {data}); Node's
// child_process.fork gives it process.send / process.on('message').
import type { HostToWorker, WorkerToHost } from '../protocol/worker-protocol';

export interface HostChannel {
  send(msg: WorkerToHost): void;
  onMessage(listener: (msg: HostToWorker) => void): void;
}

interface ParentPortLike {
  postMessage(msg: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

export function connectToHost(): HostChannel {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    return {
      send: (msg) => parentPort.postMessage(msg),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as HostToWorker)),
    };
  }
  if (!process.send) throw new Error('this worker must be started by the lab host (no IPC channel)');
  // If the host goes away, so do we: no worker outlives its host.
  process.on('disconnect', () => process.exit(0));
  return {
    send: (msg) => { if (process.connected) process.send!(msg); },
    onMessage: (listener) => process.on('message', (m) => listener(m as HostToWorker)),
  };
}
