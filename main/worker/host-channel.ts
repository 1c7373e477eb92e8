// The one place that knows how a worker talks to its host. Every message to the host is
// one JSON text, so the host can check its size before it parses anything:
// - Node (main/core/process-port/node-fork-port.ts): a pipe on the fd named by
//   PROCESS_LAB_CHANNEL_FD, one JSON text per line, both ways;
// - Electron's utility process: process.parentPort, postMessage(text) to the host; the host
//   posts objects back ('message' events carrying {data}).
import { Socket } from 'node:net';
import { FrameReader } from '../protocol/wire';
import type { HostToWorker, WorkerToHost } from '../protocol/worker-protocol';

export interface HostChannel {
  send(msg: WorkerToHost): void;
  onMessage(listener: (msg: HostToWorker) => void): void;
}

interface ParentPortLike {
  postMessage(msg: unknown): void;
  on(event: 'message', listener: (e: { data: unknown }) => void): void;
}

/** Sends one message as the given text, exactly: for probes that play a misbehaving worker. */
let rawSend: ((text: string) => void) | undefined;

export function sendRawText(text: string): void {
  if (!rawSend) throw new Error('no channel to the host yet');
  rawSend(text);
}

export function connectToHost(): HostChannel {
  const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
  if (parentPort) {
    rawSend = (text) => parentPort.postMessage(text);
    return {
      send: (msg) => parentPort.postMessage(JSON.stringify(msg)),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as HostToWorker)),
    };
  }
  const fd = Number(process.env.PROCESS_LAB_CHANNEL_FD);
  if (!Number.isInteger(fd) || fd < 3) throw new Error('this worker must be started by the lab host (no channel to it)');
  const socket = new Socket({ fd, readable: true, writable: true });
  // If the host goes away, so do we: no worker outlives its host.
  socket.on('end', () => process.exit(0));
  socket.on('close', () => process.exit(0));
  socket.on('error', () => process.exit(0));
  rawSend = (text) => { if (socket.writable) socket.write(`${text}\n`); };
  const listeners: ((msg: HostToWorker) => void)[] = [];
  const reader = new FrameReader(Infinity, (text) => {
    const msg = JSON.parse(text) as HostToWorker; // the host is trusted
    for (const l of listeners) l(msg);
  });
  socket.on('data', (chunk: Buffer) => reader.push(chunk));
  return {
    send: (msg) => rawSend!(JSON.stringify(msg)),
    onMessage: (listener) => { listeners.push(listener); },
  };
}
