// Runs one workload of the internal `bench` scenario on a LabHost and returns what its
// parent program measured.
import type { LabHost } from '../core/runs/lab-host';
import type { Measurement } from '../scenarios/internal/bench-meta';
import { resultNote } from '../../shared/event-values';

/** processes: how many the run started, the parent included. */
export interface LabResult { m: Measurement; events: number; hostCpuUs: number; processes: number }

export async function runLab(host: LabHost, metric: string, n: number, procs: number): Promise<LabResult> {
  const started = host.start({ scenario: 'bench', params: { metric, n, procs }, timeoutS: 300 });
  if (!started.ok) throw new Error(`bench ${metric}: ${started.error.message}`);
  const run = started.value;
  const cpu0 = process.cpuUsage();
  // The result arrives as a note event. Read it from the stream: with eventCap 0, or in a
  // run longer than the cap, the run's record no longer holds it.
  let m: Measurement | undefined;
  run.onEvents((batch) => {
    for (const e of batch) { const r = resultNote(e); if (r && r[0] === 'bench') m = r[1] as Measurement; }
  });
  const report = await run.done;
  const cpu = process.cpuUsage(cpu0);
  if (report.status !== 'completed' || !m) {
    const why = [...report.notes, ...report.output.filter((o) => o.text.startsWith('[error]')).map((o) => o.text)].join(' | ');
    throw new Error(`bench ${metric} (n=${n}) ended ${report.status}: ${why || 'no result'}`);
  }
  return { m, events: report.eventCount, hostCpuUs: cpu.user + cpu.system, processes: report.processes.length };
}

/**
 * Waits until the host's warm pool is full again after a run, so that every measurement
 * starts from the same state (idle workers ready, no start-ups running in the background).
 */
export async function settle(host: LabHost, warmWorkers = 4): Promise<void> {
  const deadline = Date.now() + 5000;
  while (host.liveWorkers < warmWorkers && Date.now() < deadline) await sleep(50);
  await sleep(400); // a started worker needs ~100 ms more to say "ready"
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
