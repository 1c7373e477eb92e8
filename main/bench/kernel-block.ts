// The kernel's worst pause under a flood: while workers send the largest messages the caps
// allow (the bench scenario's kernel-flood workload), the host watches its own event loop,
// where the kernel runs: the longest event-loop delay (perf_hooks.monitorEventLoopDelay, 1 ms
// resolution) from the crew's "go" to its last "done". Two floods: one worker alternating both
// shapes (the measure), and four workers at once, two of each shape (harsher: on a
// small machine they and the kernel share few CPUs). On a busy machine a delay also counts the
// time the OS gave the CPU to other processes, so the same host is first watched idle for as
// long: that floor is what the machine adds with no kernel work at all.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import type { LabHost } from '../core/runs/lab-host';
import { MAX_CALLS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '../protocol/limits';
import { threadCpuMs } from './thread-cpu';

export interface KernelBlock {
  /** The longest event-loop delay during the flood, ms (wall clock). */
  maxBlockMs: number;
  p99Ms: number;
  /**
   * The most CPU time the host's thread spent in one turn of its event loop during the flood,
   * ms: the kernel's own work between two chances for anything else to run. Unlike the delay,
   * time the OS gave to other processes (the flooding workers included) does not count.
   */
  maxTurnCpuMs: number;
  /** Whose CPU maxTurnCpuMs counts: the kernel's thread, or (where the system does not tell) the whole host process. */
  turnCpuOf: 'thread' | 'process';
  /** Flooding workers. */
  workers: 1 | 4;
  /** The longest delay of the same host idle, watched as long before the flood, ms. */
  idleMaxMs: number;
  /** Flood messages sent (and read, or refused, by the kernel). */
  messages: number;
  seconds: number;
  /** The machine's 1-minute load average when the flood ended: other work delays the loop too. */
  loadAvg: number;
  refusedNotes: string[];
}

const CALLS_SHAPE = `${MAX_CALLS_PER_MESSAGE.toLocaleString('en-US')} calls per message`;
const BYTES_SHAPE = `messages of up to ${Math.round(MAX_MESSAGE_BYTES / 1024)} KiB of tiny lists`;
/** What each flood sends. */
export const FLOOD_SHAPES = {
  1: `1 worker alternating ${CALLS_SHAPE} and ${BYTES_SHAPE}`,
  4: `4 workers at once: 2 × ${CALLS_SHAPE}, 2 × ${BYTES_SHAPE}`,
} as const;

/** The longest event-loop delay over `ms` with nothing to do. */
async function idleMax(ms: number): Promise<number> {
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  await new Promise((r) => setTimeout(r, ms));
  h.disable();
  return h.max / 1e6;
}

/**
 * Watches each turn of the event loop: a setImmediate chain runs once per turn, so the CPU time
 * between two of its ticks is what that turn's handlers (the kernel's) used. Read from the
 * thread's own clock where there is one; process.cpuUsage() also counts V8's helper threads.
 */
function watchTurns(): { stop(): number; of: 'thread' | 'process' } {
  const of = threadCpuMs() === null ? 'process' : 'thread';
  const cpuMs = of === 'thread' ? () => threadCpuMs()! : () => { const c = process.cpuUsage(); return (c.user + c.system) / 1000; };
  let max = 0;
  let last = cpuMs();
  let running = true;
  const tick = (): void => {
    if (!running) return;
    const now = cpuMs();
    if (now - last > max) max = now - last;
    last = now;
    setImmediate(tick);
  };
  setImmediate(tick);
  return { of, stop: () => { running = false; return max; } };
}

export async function measureKernelBlock(host: LabHost, workers: 1 | 4, messagesPerWorker: number, idleMs = 3000): Promise<KernelBlock> {
  const idle = await idleMax(idleMs);
  const started = host.start({ scenario: 'bench', params: { metric: 'kernel-flood', n: messagesPerWorker, procs: workers }, timeoutS: 300 });
  if (!started.ok) throw new Error(`kernel-flood: ${started.error.message}`);
  const run = started.value;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let done = 0;
  let t0 = 0;
  let seconds = 0;
  let turns: ReturnType<typeof watchTurns> | undefined;
  let maxTurnCpuMs = 0;
  let turnCpuOf: 'thread' | 'process' = 'process';
  const stop = (): void => { delay.disable(); if (turns) { maxTurnCpuMs = turns.stop(); turnCpuOf = turns.of; turns = undefined; } };
  run.onEvents((batch) => {
    for (const e of batch) {
      if (e.kind !== 'op') continue;
      if (e.obj === 'go' && e.op === 'set') { delay.reset(); delay.enable(); turns = watchTurns(); t0 = performance.now(); }
      if (e.obj === 'done' && e.op === 'put' && ++done === workers) { stop(); seconds = (performance.now() - t0) / 1000; }
    }
  });
  const report = await run.done;
  stop();
  if (report.status !== 'completed') throw new Error(`kernel-flood ended ${report.status}: ${report.notes.join(' | ')}`);
  return {
    maxBlockMs: delay.max / 1e6,
    p99Ms: delay.percentile(99) / 1e6,
    maxTurnCpuMs,
    turnCpuOf,
    workers,
    idleMaxMs: idle,
    messages: workers * messagesPerWorker,
    seconds,
    loadAvg: loadavg()[0],
    refusedNotes: report.notes.filter((n) => n.includes('refused')),
  };
}
