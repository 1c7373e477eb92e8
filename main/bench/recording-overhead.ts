// The kernel's event recording cost: queue-3-6 throughput on a host that records and keeps
// events as usual against a host whose kernel records no per-operation events at all
// (LabHostOptions.recordOps false). Runs go in back-to-back pairs and the median of
// the pairs' overheads is reported, because two runs of the same workload differ by up to
// ±20% on a small machine while a pair's two runs see much the same machine.
import type { LabHost } from '../core/runs/lab-host';
import { runLab, settle } from './lab-side';

export interface RecordingOverhead {
  /** Median over the pairs of 100 × (1 − normal / unrecorded) throughput, in percent. */
  overheadPct: number;
  /** The lowest and highest pair overheads, to show the noise. */
  rangePct: [number, number];
  normalItemsPerS: number;
  unrecordedItemsPerS: number;
  /** Host (kernel) CPU time per item, µs. */
  normalCpuUsPerItem: number;
  unrecordedCpuUsPerItem: number;
  pairs: number;
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export async function measureRecordingOverhead(normal: LabHost, unrecorded: LabHost, n: number, pairs: number, progress: (s: string) => void): Promise<RecordingOverhead> {
  const rate = { normal: [] as number[], unrecorded: [] as number[] };
  const cpu = { normal: [] as number[], unrecorded: [] as number[] };
  const once = async (which: 'normal' | 'unrecorded'): Promise<void> => {
    const host = which === 'normal' ? normal : unrecorded;
    const r = await runLab(host, 'queue-3-6', n, 1);
    rate[which].push(r.m.ops / r.m.seconds);
    cpu[which].push(r.hostCpuUs / n);
    await settle(host);
  };
  for (let i = 0; i < pairs; i++) {
    // Alternate which goes first, so a slow drift of the machine affects both alike.
    const order: ('normal' | 'unrecorded')[] = i % 2 ? ['unrecorded', 'normal'] : ['normal', 'unrecorded'];
    for (const which of order) await once(which);
    progress(`  pair ${i + 1}/${pairs}: normal ${Math.round(rate.normal[i])}, unrecorded ${Math.round(rate.unrecorded[i])} items/s`);
  }
  const perPair = rate.normal.map((x, i) => 100 * (1 - x / rate.unrecorded[i]));
  return {
    overheadPct: median(perPair),
    rangePct: [Math.min(...perPair), Math.max(...perPair)],
    normalItemsPerS: median(rate.normal),
    unrecordedItemsPerS: median(rate.unrecorded),
    normalCpuUsPerItem: median(cpu.normal),
    unrecordedCpuUsPerItem: median(cpu.unrecorded),
    pairs,
  };
}
