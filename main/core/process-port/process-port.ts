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

/**
 * V8 options of every worker process. Its heap is capped, so a runaway program dies alone.
 * It compiles its code when it loads (--no-lazy), while it is being prepared, not when the
 * run starts it: that halves the CPU a start costs inside the run (1.4 to 0.7 ms measured),
 * for about 5 ms more to prepare and no more memory.
 */
export function workerExecArgv(heapMb: number): string[] {
  return [`--max-old-space-size=${heapMb}`, '--no-lazy'];
}

export interface ProcessPort {
  /** Starts one worker process running the worker entry; resolves once it has a pid. */
  start(): Promise<WorkerHandle>;
}
