// The kernel's worst pause under a flood: while four workers send the largest messages the
// caps allow (the bench scenario's kernel-flood workload), the host watches its own event
// loop, where the kernel runs: the longest event-loop delay (perf_hooks.monitorEventLoopDelay,
// 1 ms resolution) from the crew's "go" to its last "done". On a busy machine a delay also
// counts the time the OS gave the CPU to other processes, so the same host is first watched
// idle for as long: that floor is what the machine adds with no kernel work at all.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { loadavg } from 'node:os';
import type { LabHost } from '../core/runs/lab-host';
import { MAX_CALLS_PER_MESSAGE, MAX_MESSAGE_BYTES } from '../protocol/limits';

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
  /** The longest delay of the same host idle, watched as long before the flood, ms. */
  idleMaxMs: number;
  /** Flood messages sent (and read, or refused, by the kernel). */
  messages: number;
  seconds: number;
  /** The machine's 1-minute load average when the flood ended: other work delays the loop too. */
  loadAvg: number;
  refusedNotes: string[];
}

export const FLOOD_SHAPES = `2 workers × ${MAX_CALLS_PER_MESSAGE.toLocaleString('en-US')} calls per message, `
  + `2 workers × messages of up to ${Math.round(MAX_MESSAGE_BYTES / 1024)} KiB of tiny lists`;

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
 * between two of its ticks is what that turn's handlers (the kernel's) used. The host runs no
 * other thread during the flood, so process.cpuUsage() is this thread's.
 */
function watchTurns(): { stop(): number } {
  let maxUs = 0;
  let last = process.cpuUsage();
  let running = true;
  const tick = (): void => {
    if (!running) return;
    const now = process.cpuUsage();
    const used = now.user - last.user + now.system - last.system;
    if (used > maxUs) maxUs = used;
    last = now;
    setImmediate(tick);
  };
  setImmediate(tick);
  return { stop: () => { running = false; return maxUs / 1000; } };
}

export async function measureKernelBlock(host: LabHost, messagesPerWorker: number, idleMs = 3000): Promise<KernelBlock> {
  const idle = await idleMax(idleMs);
  const started = host.start({ scenario: 'bench', params: { metric: 'kernel-flood', n: messagesPerWorker, procs: 1 }, timeoutS: 300 });
  if (!started.ok) throw new Error(`kernel-flood: ${started.error.message}`);
  const run = started.value;
  const delay = monitorEventLoopDelay({ resolution: 1 });
  let done = 0;
  let t0 = 0;
  let seconds = 0;
  let turns: { stop(): number } | undefined;
  let maxTurnCpuMs = 0;
  const stop = (): void => { delay.disable(); if (turns) { maxTurnCpuMs = turns.stop(); turns = undefined; } };
  run.onEvents((batch) => {
    for (const e of batch) {
      if (e.kind !== 'op') continue;
      if (e.obj === 'go' && e.op === 'set') { delay.reset(); delay.enable(); turns = watchTurns(); t0 = performance.now(); }
      if (e.obj === 'done' && e.op === 'put' && ++done === 4) { stop(); seconds = (performance.now() - t0) / 1000; }
    }
  });
  const report = await run.done;
  stop();
  if (report.status !== 'completed') throw new Error(`kernel-flood ended ${report.status}: ${report.notes.join(' | ')}`);
  return {
    maxBlockMs: delay.max / 1e6,
    p99Ms: delay.percentile(99) / 1e6,
    maxTurnCpuMs,
    idleMaxMs: idle,
    messages: 4 * messagesPerWorker,
    seconds,
    loadAvg: loadavg()[0],
    refusedNotes: report.notes.filter((n) => n.includes('refused')),
  };
}
