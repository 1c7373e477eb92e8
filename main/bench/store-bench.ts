// The history's figures:
// - how fast the writer's threads keep events (1,000,000 events shaped like a real run's,
//   posted one batch per turn, counted back so nothing may be lost);
// - what handing events over costs the kernel's thread, as JSON text (what it does) and as a
//   structured clone (the alternative), per event;
// - a real run of about 1,000,000 events (the event-flood workload, real processes) kept in a
//   real file: the kernel's thread CPU per event with and without the history, and the
//   handover timed inside that run;
// - opening that run again, as the app does through the service (a fresh read-only service on
//   the file): its report and first chart, then 10-second events windows at many starts,
//   those just after a keyframe's reach (the most events to fold) among them.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { LabEvent } from '../../shared/events';
import { LabHost } from '../core/runs/lab-host';
import { NodeForkPort } from '../core/process-port/node-fork-port';
import { LabService } from '../core/service/lab-service';
import { KEYFRAME_EVERY, RunFolder } from '../core/store/run-folder';
import { RunStore } from '../core/store/run-store';
import { StoreWriter } from '../core/store/store-writer';
import { settle } from './lab-side';
import { threadCpuMs } from './thread-cpu';

export interface StoreFigures {
  /** Writer threads alone: events kept per second, and this process's CPU per event (every thread: making the events, handing them over, folding, writing). */
  events: number; eventsPerS: number; counted: number; processCpuUsPerEvent: number;
  /** The kernel's thread per event, on a real run's batches: handing a batch over as JSON text (what the store does), and as a structured clone. */
  handoverJsonUsPerEvent: number; handoverCloneUsPerEvent: number;
  /** The fold thread's work per event (parse, buckets, tables, keyframes), thread CPU on the same batches. */
  foldUsPerEvent: number | null;
  /** The real run. */
  run: RealRun;
  /** Opening it: a fresh read-only service's answers to run() and chart(…, 200). */
  firstChart: Timing;
  /** 10-second events windows (default limit), each asked of that service: the worst of each. */
  windows: { count: number; worst: Timing; medianMs: number; eventsPerPage: number; foldedAtMost: number };
  loadAverage: number;
}

/** Wall time, and the thread's own CPU time (null without /proc). */
export interface Timing { wallMs: number; cpuMs: number | null }

export interface RealRun {
  items: number; events: number; runSeconds: number;
  /** After the run ended, until everything was written. */
  catchUpSeconds: number;
  /** The kernel's thread CPU per event during the run (null without /proc), with and without the history. */
  threadCpuUsPerEvent: number | null; threadCpuUsPerEventUnstored: number | null;
  /** Inside the stored run: the wall time the history's listener took on the kernel's thread. */
  handoverUsPerEvent: number;
  fileMb: number; keyframeEvery: number;
}

/** Items of the event-flood run: about 2 events per item. */
export const REAL_RUN_ITEMS = 500_000;
const WINDOW_US = 10_000_000;

/** Events shaped like an event-flood run's (format 2: calls, args, values, item links, states), and some prints. */
function syntheticBatch(fromSeq: number, size: number): LabEvent[] {
  const out: LabEvent[] = [];
  for (let i = 0; i < size; i++) {
    const seq = fromSeq + i;
    const t = seq * 3;
    const pid = 1000 + (seq % 9);
    out.push(seq % 50 === 0
      ? { seq, t, pid, ph: 'I', kind: 'print', text: `worker ${seq % 9} got item ${seq}` }
      : seq % 2
        ? { seq, t, pid, ph: 'X', kind: 'op', obj: 'q', op: 'put', call: seq, args: [seq, true, null], state: { size: seq % 17, waiters: seq % 3 } }
        : { seq, t, pid, ph: 'X', kind: 'op', obj: 'q', op: 'get', call: seq, args: [true, null], value: seq - 1, item: seq - 1, state: { size: seq % 17, waiters: seq % 3 } });
  }
  return out;
}

const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

/** Wall and thread CPU time of `f`, ms. */
async function timed<T>(f: () => Promise<T>): Promise<{ value: T; wallMs: number; cpuMs: number | null }> {
  const c0 = threadCpuMs();
  const w0 = performance.now();
  const value = await f();
  const wallMs = performance.now() - w0;
  const c1 = threadCpuMs();
  return { value, wallMs, cpuMs: c0 === null || c1 === null ? null : c1 - c0 };
}

async function writerThroughput(dir: string, total: number, batch: number): Promise<Pick<StoreFigures, 'events' | 'eventsPerS' | 'counted' | 'processCpuUsPerEvent'>> {
  const file = path.join(dir, 'writer.sqlite');
  await RunStore.open(file).close(); // create and migrate, as the CLI does before a run
  const writer = new StoreWriter(file);
  const runId = 'bench-run';
  writer.begin({ id: runId, scenario: 'bench', params: {}, seed: 0, timeUnitMs: 1, appVersion: 'bench', startedAt: new Date().toISOString(), hostPid: process.pid });
  await writer.flush();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  for (let seq = 1; seq <= total; seq += batch) {
    writer.events(runId, syntheticBatch(seq, Math.min(batch, total - seq + 1)));
    await turn(); // one batch per turn of the event loop, as the kernel hands them out
  }
  await writer.flush();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  await writer.close();
  const store = RunStore.open(file, { readonly: true });
  const back = store.queries.events(runId);
  const counted = back.every((e, i) => e.seq === i + 1) ? back.length : -1;
  await store.close();
  return { events: total, eventsPerS: total / seconds, counted, processCpuUsPerEvent: (cpu.user + cpu.system) / total };
}

/** The kernel's thread's cost of posting batches to a thread that ignores them, as JSON text and as a clone, µs/event. */
async function handoverCost(batches: LabEvent[][]): Promise<{ json: number; clone: number }> {
  const sink = new Worker('require("node:worker_threads").parentPort.on("message", () => {})', { eval: true });
  const events = batches.reduce((n, b) => n + b.length, 0);
  const best = { json: Infinity, clone: Infinity };
  try {
    // Alternated, best of three each: the machine's noise only ever adds.
    for (let round = 0; round < 3; round++) {
      for (const mode of ['json', 'clone'] as const) {
        let ms = 0;
        for (const b of batches) {
          const t0 = performance.now();
          if (mode === 'json') sink.postMessage({ t: 'events', runId: 'r', json: JSON.stringify(b) });
          else sink.postMessage({ t: 'events', runId: 'r', batch: b });
          ms += performance.now() - t0;
          await turn();
        }
        best[mode] = Math.min(best[mode], (ms * 1000) / events);
      }
    }
  } finally {
    await sink.terminate();
  }
  return best;
}

/** What the fold thread does per event (run-folder.ts), on this thread, in thread CPU: best of three. */
function foldCost(batches: LabEvent[][]): number | null {
  const texts = batches.map((b) => JSON.stringify(b));
  const events = batches.reduce((n, b) => n + b.length, 0);
  let best: number | null = null;
  for (let round = 0; round < 3; round++) {
    const folder = new RunFolder();
    const c0 = threadCpuMs();
    for (const t of texts) folder.fold([t]);
    const c1 = threadCpuMs();
    if (c0 === null || c1 === null) return null;
    best = Math.min(best ?? Infinity, ((c1 - c0) * 1000) / events);
  }
  return best;
}

/** One event-flood run, kept in `file` when given; the batches when asked for. */
async function floodRun(host: LabHost, items: number, file: string | null, keep: LabEvent[][] | null) {
  const started = host.start({ scenario: 'bench', params: { metric: 'event-flood', n: items, procs: 1 }, timeoutS: 600 });
  if (!started.ok) throw new Error(`event-flood: ${started.error.message}`);
  const run = started.value;
  let t0 = 0;
  let handMs = 0;
  if (keep) run.onEvents((b) => { if (keep.length < 1000) keep.push(b); });
  // The history's listener sits between these two: their difference is its time on this thread.
  run.onEvents(() => { t0 = performance.now(); });
  const store = file ? RunStore.open(file) : null;
  const kept = store ? store.record(run) : run.done;
  run.onEvents(() => { handMs += performance.now() - t0; });
  const cpu0 = threadCpuMs();
  const w0 = performance.now();
  const report = await run.done;
  const ranS = (performance.now() - w0) / 1000;
  const cpu1 = threadCpuMs();
  await kept;
  const catchUpS = (performance.now() - w0) / 1000 - ranS;
  await store?.close();
  if (report.status !== 'completed') throw new Error(`event-flood ended ${report.status}: ${report.notes.join('; ')}`);
  return {
    report, ranS, catchUpS, handoverUs: (handMs * 1000) / report.eventCount,
    cpuUs: cpu0 === null || cpu1 === null ? null : ((cpu1 - cpu0) * 1000) / report.eventCount,
  };
}

export async function realRun(dir: string, items: number): Promise<{ run: RealRun; file: string; runId: string; sample: LabEvent[][] }> {
  const file = path.join(dir, 'real.sqlite');
  const host = new LabHost(new NodeForkPort());
  try {
    host.warm();
    await settle(host);
    const sample: LabEvent[][] = [];
    const plain = await floodRun(host, items, null, sample);
    await settle(host);
    const kept = await floodRun(host, items, file, null);
    return {
      file, runId: kept.report.runId, sample,
      run: {
        items, events: kept.report.eventCount, runSeconds: kept.ranS, catchUpSeconds: kept.catchUpS,
        threadCpuUsPerEvent: kept.cpuUs, threadCpuUsPerEventUnstored: plain.cpuUs, handoverUsPerEvent: kept.handoverUs,
        fileMb: statSync(file).size / (1024 * 1024), keyframeEvery: KEYFRAME_EVERY,
      },
    };
  } finally {
    await host.close();
  }
}

export async function opening(file: string, runId: string): Promise<Pick<StoreFigures, 'firstChart' | 'windows'>> {
  let service: LabService | undefined;
  try {
    const first = await timed(async () => {
      service = new LabService({ port: new NodeForkPort(), history: { file, mode: 'read' }, warmWorkers: 0 });
      const report = await service.run(runId);
      if (!report.ok) throw new Error(report.error.message);
      const chart = await service.chart(runId, 0, report.value.durationMs * 1000, 200);
      if (!chart.ok || !chart.value.length) throw new Error(`no chart: ${chart.ok ? 'empty' : chart.error.message}`);
      return report.value;
    });
    const report = first.value;
    const s = service!;

    // Starts spread over the run, and at seqs that are multiples of the keyframe interval:
    // the nearest keyframe is then the one before, and the most events are folded on from it.
    const durationUs = report.durationMs * 1000;
    const starts: number[] = Array.from({ length: 12 }, (_, i) => Math.round((durationUs * i) / 12));
    for (const k of [1, 3, 5, 7, 9]) {
      const seq = Math.max(1, Math.round((k * report.eventCount) / 10 / KEYFRAME_EVERY)) * KEYFRAME_EVERY;
      const at = await s.events(runId, { fromSeq: seq, limit: 1 });
      if (at.ok && at.value.events.length) starts.push(at.value.events[0].t);
    }
    const times: Timing[] = [];
    let eventsPerPage = 0;
    let foldedAtMost = 0;
    for (const fromUs of starts) {
      const { value: page, wallMs, cpuMs } = await timed(() => s.events(runId, { fromUs, toUs: fromUs + WINDOW_US }));
      if (!page.ok) throw new Error(page.error.message);
      times.push({ wallMs, cpuMs });
      eventsPerPage = Math.max(eventsPerPage, page.value.events.length);
      const firstSeq = page.value.events[0]?.seq ?? report.eventCount + 1;
      foldedAtMost = Math.max(foldedAtMost, (firstSeq - 1) % KEYFRAME_EVERY);
    }
    const walls = times.map((t) => t.wallMs).sort((a, b) => a - b);
    const cpus = times.map((t) => t.cpuMs);
    return {
      firstChart: { wallMs: first.wallMs, cpuMs: first.cpuMs },
      windows: {
        count: times.length, medianMs: walls[Math.floor(walls.length / 2)], eventsPerPage, foldedAtMost,
        worst: { wallMs: walls.at(-1)!, cpuMs: cpus.includes(null) ? null : Math.max(...(cpus as number[])) },
      },
    };
  } finally {
    await service?.close();
  }
}

export async function measureStore(progress: (s: string) => void = () => {}, items = REAL_RUN_ITEMS): Promise<StoreFigures> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lab-store-bench-'));
  try {
    progress('  writer threads: 1,000,000 events in batches of 2,000, one batch per turn');
    const writer = await writerThroughput(dir, 1_000_000, 2_000);
    progress(`  event-flood with ${items.toLocaleString('en-US')} items, without and then with the history`);
    const real = await realRun(dir, items);
    const hand = await handoverCost(real.sample);
    const foldUsPerEvent = foldCost(real.sample);
    progress('  opening that run: first chart, 10-second windows');
    const open = await opening(real.file, real.runId);
    return { ...writer, handoverJsonUsPerEvent: hand.json, handoverCloneUsPerEvent: hand.clone, foldUsPerEvent, run: real.run, ...open, loadAverage: os.loadavg()[0] };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/main/bench/store-bench.js [items]`: the history's part of the bench alone, as JSON.
if (require.main === module) {
  measureStore((s) => process.stderr.write(`${s}\n`), Number(process.argv[2]) || REAL_RUN_ITEMS).then(
    (f) => process.stdout.write(`${JSON.stringify(f, null, 2)}\n`),
    (e: Error) => { process.stderr.write(`store bench: ${e.stack ?? e.message}\n`); process.exitCode = 1; },
  );
}
