// The one seam through which the core creates OS processes. Two implementations:
// node-fork-port.ts (child_process.fork, used by the CLI and tests) and
// main/electron/utility-process-port.ts (Electron's utilityProcess, used by the app).
import type { HostToWorker } from '../../protocol/worker-protocol';

export type ExitListener = (code: number | null, signal: string | null) => void;

export interface WorkerHandle {
  readonly pid: number;
  send(msg: HostToWorker): void;
  onMessage(listener: (msg: unknown) => void): void;
  onExit(listener: ExitListener): void;
  /** Text the process wrote to stdout/stderr outside the lab API (stack traces, stray logs). */
  onOutput(listener: (stream: 'stdout' | 'stderr', text: string) => void): void;
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
  readonly exited: boolean;
}

export interface ProcessPort {
  /** Starts one worker process running the worker entry; resolves once it has a pid. */
  start(): Promise<WorkerHandle>;
}
