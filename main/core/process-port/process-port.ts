// The one seam through which the core creates OS processes. Two implementations:
// node-fork-port.ts (child_process.fork, used by the CLI and tests) and
// main/electron/utility-process-port.ts (Electron's utilityProcess, used by the app).
import type { HostToWorker } from '../../protocol/worker-protocol';

export type ExitListener = (code: number | null, signal: string | null) => void;

export interface WorkerHandle {
  readonly pid: number;
  send(msg: HostToWorker): void;
  /**
   * What the worker sends: one JSON text per message (parsed by the kernel after its size
   * and nesting were checked), an OversizeMessage (main/protocol/wire.ts) for one too large
   * to read, or an object from a port that hands messages over already decoded.
   */
  onMessage(listener: (msg: unknown) => void): void;
  onExit(listener: ExitListener): void;
  /** Text the process wrote to stdout/stderr outside the lab API (stack traces, stray logs). */
  onOutput(listener: (stream: 'stdout' | 'stderr', text: string) => void): void;
  kill(signal: 'SIGTERM' | 'SIGKILL'): void;
  readonly exited: boolean;
  /** Stop / start reading this worker's messages (the kernel's pace); ports that cannot may leave them out. */
  pause?(): void;
  resume?(): void;
}

/** Node options of every worker process: its heap is capped, so a runaway program dies alone. */
export function workerExecArgv(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`];
}

export interface ProcessPort {
  /** Starts one worker process running the worker entry; resolves once it has a pid. */
  start(): Promise<WorkerHandle>;
}
