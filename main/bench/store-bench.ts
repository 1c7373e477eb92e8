// The history's two speed figures: events written per second through the writer thread
// (counted back, so nothing may be lost), and how fast a million-event run gives its first
// chart data when opened again.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { LabEvent } from '../../shared/events';
import { RunStore } from '../core/store/run-store';
import { StoreWriter } from '../core/store/store-writer';

export interface StoreFigures { events: number; eventsPerS: number; counted: number; mainThreadUsPerEvent: number; firstChartMs: number }

/** Events shaped like a queue run's: puts and gets with states, and some prints. */
function syntheticBatch(fromSeq: number, size: number): LabEvent[] {
  const out: LabEvent[] = [];
  for (let i = 0; i < size; i++) {
    const seq = fromSeq + i;
    const t = seq * 3;
    out.push(seq % 50 === 0
      ? { seq, t, pid: 1000 + (seq % 9), ph: 'I', kind: 'print', text: `worker ${seq % 9} got item ${seq}` }
      : { seq, t, pid: 1000 + (seq % 9), ph: 'X', kind: 'op', obj: 'queue1', op: seq % 2 ? 'put' : 'get', arg: String(seq), res: 'null', state: { size: seq % 17, waiters: seq % 3 } });
  }
  return out;
}

export async function measureStore(total = 1_000_000, batch = 2_000): Promise<StoreFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-store-bench-'));
  const file = path.join(dir, 'bench.sqlite');
  try {
    RunStore.open(file).close(); // create and migrate, as the CLI does before a run
    const writer = new StoreWriter(file);
    const runId = 'bench-run';
    writer.begin({ id: runId, scenario: 'bench', params: {}, seed: 0, timeUnitMs: 1, appVersion: 'bench', startedAt: new Date().toISOString(), hostPid: process.pid });
    await writer.flush();
    const t0 = performance.now();
    let mainThreadMs = 0;
    // One batch per turn of the event loop, as the kernel hands them out.
    for (let seq = 1; seq <= total; seq += batch) {
      const events = syntheticBatch(seq, Math.min(batch, total - seq + 1));
      const m0 = performance.now();
      writer.events(runId, events);
      mainThreadMs += performance.now() - m0;
      await new Promise((r) => setImmediate(r));
    }
    await writer.flush();
    const seconds = (performance.now() - t0) / 1000;
    await writer.close();

    const c0 = performance.now();
    const store = RunStore.open(file);
    const span = store.queries.timeSpan(runId)!;
    const chart = store.queries.chartWindow(runId, span.fromUs, span.toUs, 200);
    const firstChartMs = performance.now() - c0;
    // Count back by reading every event, and check none is missing or doubled.
    const back = store.queries.events(runId);
    const counted = back.every((e, i) => e.seq === i + 1) ? back.length : -1;
    if (!chart.length) throw new Error('no chart data');
    await store.close();
    return { events: total, eventsPerS: total / seconds, counted, mainThreadUsPerEvent: (mainThreadMs * 1000) / total, firstChartMs };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
