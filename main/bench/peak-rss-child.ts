// Entry of a fresh Node process that measures the host's peak memory over one run of at
// least 1,000,000 events (the event-flood workload, default eventCap). A fresh process,
// so the peak belongs to this run and not to the benchmarks before it.
// Prints one JSON object (PeakRss) on stdout.
import { readFileSync } from 'node:fs';
import { LabHost } from '../core/runs/lab-host';
import { NodeForkPort } from '../core/process-port/node-fork-port';
import { runLab, settle } from './lab-side';

export interface PeakRss { peakRssMb: number; baselineRssMb: number; events: number; seconds: number; source: string }

const MB = 1024 * 1024;

/** The kernel's own high-water mark (Linux); null elsewhere. */
function vmHwmBytes(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : null;
  } catch { return null; }
}

async function main(): Promise<void> {
  const items = Number(process.argv[2]);
  const host = new LabHost(new NodeForkPort());
  host.warm();
  await settle(host);
  const baseline = process.memoryUsage().rss;
  let sampled = baseline;
  const sampler = setInterval(() => { sampled = Math.max(sampled, process.memoryUsage().rss); }, 10);
  try {
    const t0 = performance.now();
    const r = await runLab(host, 'event-flood', items, 1);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const hwm = vmHwmBytes();
    const out: PeakRss = {
      peakRssMb: Math.max(hwm ?? 0, sampled) / MB, baselineRssMb: baseline / MB, events: r.events, seconds,
      source: hwm === null ? 'rss sampled every 10 ms' : 'VmHWM (/proc/self/status)',
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    clearInterval(sampler);
    await host.close();
  }
}

main().catch((e: Error) => { process.stderr.write(`${e.stack ?? e.message}\n`); process.exitCode = 1; });
