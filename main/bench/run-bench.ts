// `npm run bench [-- --json]`: the lab's kernel against Python's multiprocessing, measured
// side by side in one run on this machine, plus the kernel's recording overhead and the
// host's peak memory over a million events. Progress goes to stderr; with --json, stdout
// carries only the JSON array of rows.
import { availableParallelism } from 'node:os';
import { LabHost } from '../core/runs/lab-host';
import { NodeForkPort } from '../core/process-port/node-fork-port';
import { DEFAULT_EVENT_CAP } from '../core/runs/run-record';
import { FLOOD_ITEMS, METRICS, figure, ratio, round, type Row } from './metrics';
import { runLab, settle } from './lab-side';
import { findPython, runPython } from './python-side';
import { measureRecordingOverhead, type RecordingOverhead } from './recording-overhead';
import { measurePeakRss } from './peak-rss';
import type { PeakRss } from './peak-rss-child';
import { formatTable } from './format-table';
import { measureStore, type StoreFigures } from './store-bench';
import { measureLive } from './live-bench';
import { FLOOD_SHAPES, measureKernelBlock, type KernelBlock } from './kernel-block';
import { rendererRows } from './renderer-bench';
import { FIRST_LINE_SCENARIOS, measureFirstLine, type FirstLine } from './first-line';

const TARGETS = { queueRatio: 0.5, processStartRatio: 0.5, overheadPct: 10, peakRssMb: 300, storeEventsPerS: 500_000, firstChartMs: 300, windowMs: 100, kernelBlockMs: 20 };
/** Messages the flood sends for the kernel-block figures, all workers together. */
const FLOOD_MESSAGES = 1200;
const OVERHEAD_ITEMS = 24_000;
const OVERHEAD_PAIRS = 8;

const progress = (s: string): void => { process.stderr.write(`${s}\n`); };

async function main(json: boolean): Promise<void> {
  const py = findPython();
  const procs = availableParallelism();
  progress(py ? `python: ${py.command} ${py.version} (multiprocessing start method: ${py.startMethod})`
    : 'python: python3 NOT FOUND — the python and ratio columns will be null');
  // The lab as it ships: default warm pool (4 idle workers) and default event cap.
  const host = new LabHost(new NodeForkPort());
  // The same lab with per-operation events switched off in the kernel: what recording costs.
  const unrecorded = new LabHost(new NodeForkPort(), { recordOps: false, eventCap: 0 });
  const closeAll = () => Promise.all([host.close(), unrecorded.close()]);
  process.once('SIGINT', () => { void closeAll().then(() => process.exit(130)); });
  try {
    host.warm();
    unrecorded.warm();
    await settle(host);
    // One untimed run so the host's JIT is warm, as it is in a long-lived app.
    await runLab(host, 'queue-3-6', 6000, procs);
    await settle(host);

    const rows: Row[] = [];
    for (const [i, spec] of METRICS.entries()) {
      const lab = figure(spec, (await runLab(host, spec.metric, spec.n, procs)).m);
      await settle(host);
      const python = py && spec.python ? figure(spec, await runPython(py, spec.metric, spec.n, procs)) : null;
      const row: Row = { metric: spec.metric, unit: spec.unit, lab: round(lab), python: round(python), ratio: round(ratio(spec, lab, python)) };
      rows.push(row);
      progress(`[${i + 1}/${METRICS.length}] ${spec.metric} (n=${spec.n}): lab ${row.lab} ${spec.unit}, python ${row.python ?? '—'}, ratio ${row.ratio ?? '—'}`);
    }

    const firstLines: FirstLine[] = [];
    for (const scenario of FIRST_LINE_SCENARIOS) {
      await settle(host);
      const f = await measureFirstLine(host, scenario);
      firstLines.push(f);
      rows.push({ metric: `first-line-${scenario}`, unit: 'ms', lab: round(f.medianMs), python: null, ratio: null });
      progress(`first printed line of ${scenario}: median ${f.medianMs.toFixed(1)} ms after the run's clock started (${f.minMs.toFixed(1)}–${f.maxMs.toFixed(1)} ms over ${f.runs} runs)`);
    }

    progress(`recording overhead: queue-3-6 n=${OVERHEAD_ITEMS}, ${OVERHEAD_PAIRS} pairs, recording on vs off`);
    await runLab(unrecorded, 'queue-3-6', 6000, procs); // warm, as above
    await settle(unrecorded);
    const overhead = await measureRecordingOverhead(host, unrecorded, OVERHEAD_ITEMS, OVERHEAD_PAIRS, progress);

    const blocks: KernelBlock[] = [];
    for (const workers of [1, 4] as const) {
      progress(`kernel blocked under a flood: ${FLOOD_SHAPES[workers]}, ${FLOOD_MESSAGES} messages in all`);
      await settle(host);
      const block = await measureKernelBlock(host, workers, FLOOD_MESSAGES / workers);
      blocks.push(block);
      progress(`  longest block ${block.maxBlockMs.toFixed(1)} ms (p99 ${block.p99Ms.toFixed(1)} ms, longest turn ${block.maxTurnCpuMs.toFixed(1)} ms of CPU); idle, the same host's longest delay was ${block.idleMaxMs.toFixed(1)} ms; load average ${block.loadAvg.toFixed(1)}`);
    }
    await closeAll();

    progress(`host peak RSS: event-flood with ${FLOOD_ITEMS} items in a fresh host process`);
    const rss = await measurePeakRss(FLOOD_ITEMS);
    progress(`  ${Math.round(rss.peakRssMb)} MB over ${rss.events} events`);

    progress('history: its writer threads, a real run of about 1,000,000 events kept, then that run opened again');
    const store = await measureStore(progress);
    progress(`  ${Math.round(store.eventsPerS)} events/s, ${store.counted} counted back; first chart ${Math.round(store.firstChart.wallMs)} ms, ` +
      `worst 10-second window ${Math.round(store.windows.worst.wallMs)} ms; handover ${store.run.handoverUsPerEvent.toFixed(2)} µs/event`);

    const live = measureLive(progress);
    rows.push({ metric: 'live-fold-1m', unit: 'µs/event', lab: round(live.fold1mUsPerEvent), python: null, ratio: null });
    rows.push({ metric: 'live-frame-500', unit: 'ms', lab: round(live.frame500Ms), python: null, ratio: null });
    rows.push({ metric: 'live-charts-200k', unit: 'ms', lab: round(live.charts200kMs), python: null, ratio: null });
    rows.push({ metric: 'store-write', unit: 'events/s', lab: round(store.eventsPerS), python: null, ratio: null });
    rows.push({ metric: 'store-first-chart-1m', unit: 'ms', lab: round(store.firstChart.wallMs), python: null, ratio: null });
    rows.push({ metric: 'store-first-chart-1m-cpu', unit: 'ms', lab: round(store.firstChart.cpuMs), python: null, ratio: null });
    rows.push({ metric: 'store-window-10s-1m-worst', unit: 'ms', lab: round(store.windows.worst.wallMs), python: null, ratio: null });
    rows.push({ metric: 'store-window-10s-1m-worst-cpu', unit: 'ms', lab: round(store.windows.worst.cpuMs), python: null, ratio: null });
    rows.push({ metric: 'store-handover-1m', unit: 'µs/event', lab: round(store.run.handoverUsPerEvent), python: null, ratio: null });
    rows.push({ metric: 'store-fold', unit: 'µs/event', lab: round(store.foldUsPerEvent), python: null, ratio: null });
    rows.push({ metric: 'kernel-thread-cpu-stored', unit: 'µs/event', lab: round(store.run.threadCpuUsPerEvent), python: null, ratio: null });
    rows.push({ metric: 'kernel-thread-cpu-unstored', unit: 'µs/event', lab: round(store.run.threadCpuUsPerEventUnstored), python: null, ratio: null });
    rows.push({ metric: 'kernel-recording-overhead', unit: '%', lab: round(overhead.overheadPct), python: null, ratio: null });
    rows.push({ metric: 'host-peak-rss-1m-events', unit: 'MB', lab: round(rss.peakRssMb), python: null, ratio: null });
    for (const b of blocks) {
      const tag = b.workers === 1 ? '' : `-${b.workers}-workers`;
      rows.push({ metric: `kernel-max-block-flood${tag}`, unit: 'ms', lab: round(b.maxBlockMs), python: null, ratio: null });
      rows.push({ metric: `kernel-max-block-idle${tag}`, unit: 'ms', lab: round(b.idleMaxMs), python: null, ratio: null });
      rows.push({ metric: `kernel-max-turn-cpu-flood${tag}`, unit: 'ms', lab: round(b.maxTurnCpuMs), python: null, ratio: null });
    }
    rows.push(...await rendererRows(progress));
    if (json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
    else printReport(rows, overhead, rss, store, blocks, firstLines, py ? `${py.version}, start method ${py.startMethod}` : null, procs);
  } finally {
    await closeAll();
  }
}

function printReport(rows: Row[], o: RecordingOverhead, rss: PeakRss, store: StoreFigures, blocks: KernelBlock[], firstLines: FirstLine[], python: string | null, procs: number): void {
  const out = (s = ''): void => { process.stdout.write(`${s}\n`); };
  const met = (ok: boolean): string => (ok ? 'met' : 'MISSED');
  const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
  out(`Process Lab kernel vs Python multiprocessing — ${procs} CPUs, Node ${process.version}, ` +
    (python ? `Python ${python}` : 'Python NOT FOUND (python and ratio are null)'));
  out('ratio > 1 means the lab is better (python/lab for times, lab/python for rates).');
  out();
  for (const l of formatTable(rows)) out(l);
  out();
  const q = rows.find((r) => r.metric === 'queue-3-6')?.ratio ?? null;
  out('Targets');
  out(`  queue-3-6 ratio ${q ?? '—'} (target >= ${TARGETS.queueRatio}): ${q === null ? 'not measured' : met(q >= TARGETS.queueRatio)}`);
  for (const metric of ['process-start-sequential', 'process-start-10']) {
    const r = rows.find((x) => x.metric === metric)?.ratio ?? null;
    out(`  ${metric} ratio ${r ?? '—'} to Python in the same run (target >= ${TARGETS.processStartRatio}): ${r === null ? 'not measured' : met(r >= TARGETS.processStartRatio)}`);
  }
  for (const f of firstLines) {
    out(`  first printed line of ${f.scenario}: ${f.medianMs.toFixed(1)} ms after the run's clock started (median of ${f.runs}; ${f.minMs.toFixed(1)}–${f.maxMs.toFixed(1)} ms)`);
  }
  out(`  kernel recording overhead ${o.overheadPct.toFixed(1)}% (target <= ${TARGETS.overheadPct}%): ${met(o.overheadPct <= TARGETS.overheadPct)}`);
  out(`    queue-3-6, median of ${o.pairs} pairs (pairs ranged ${o.rangePct[0].toFixed(1)}% to ${o.rangePct[1].toFixed(1)}%): ` +
    `median ${fmt(o.normalItemsPerS)} items/s recording, ${fmt(o.unrecordedItemsPerS)} not recording; ` +
    `host CPU ${o.normalCpuUsPerItem.toFixed(1)} vs ${o.unrecordedCpuUsPerItem.toFixed(1)} µs/item`);
  out(`  host peak RSS ${Math.round(rss.peakRssMb)} MB over ${fmt(rss.events)} events (target < ${TARGETS.peakRssMb} MB): ${met(rss.peakRssMb < TARGETS.peakRssMb)}`);
  out(`    event-flood, default eventCap (up to ${fmt(DEFAULT_EVENT_CAP)} events kept), ${rss.seconds.toFixed(1)} s; ${Math.round(rss.baselineRssMb)} MB before the run; from ${rss.source}`);
  const r = store.run;
  const us = (x: number | null): string => (x === null ? 'not measured (no /proc)' : `${x.toFixed(2)} µs/event`);
  out(`  history writes ${fmt(store.eventsPerS)} events/s (target >= ${fmt(TARGETS.storeEventsPerS)}): ${met(store.eventsPerS >= TARGETS.storeEventsPerS && store.counted === store.events)}`);
  out(`    its two threads alone, ${fmt(store.counted)} of ${fmt(store.events)} events counted back; ${store.processCpuUsPerEvent.toFixed(2)} µs of CPU per event, all threads (making the events too)`);
  out(`  a real run kept: event-flood, ${fmt(r.items)} items, ${fmt(r.events)} events in ${r.runSeconds.toFixed(1)} s (+${r.catchUpSeconds.toFixed(1)} s until all written), ${Math.round(r.fileMb)} MB, a keyframe every ${fmt(r.keyframeEvery)} events`);
  out(`    the kernel's thread: ${us(r.threadCpuUsPerEvent)} of CPU with the history, ${us(r.threadCpuUsPerEventUnstored)} without (one run each)`);
  out(`    of which handing events to the history: ${r.handoverUsPerEvent.toFixed(2)} µs/event (JSON text); on that run's batches alone, best of 3: ` +
    `${store.handoverJsonUsPerEvent.toFixed(2)} as JSON text, ${store.handoverCloneUsPerEvent.toFixed(2)} as a structured clone`);
  const cpu = (t: { cpuMs: number | null }): string => (t.cpuMs === null ? '' : `, ${Math.round(t.cpuMs)} ms of its thread's CPU`);
  out(`  first chart of that run, opened again ${Math.round(store.firstChart.wallMs)} ms${cpu(store.firstChart)} (target < ${TARGETS.firstChartMs} ms): ${met(store.firstChart.wallMs < TARGETS.firstChartMs)}`);
  out(`  10-second events windows of it: worst ${Math.round(store.windows.worst.wallMs)} ms of ${store.windows.count}${cpu(store.windows.worst)} (target < ${TARGETS.windowMs} ms): ${met(store.windows.worst.wallMs < TARGETS.windowMs)}`);
  out(`    median ${Math.round(store.windows.medianMs)} ms; up to ${fmt(store.windows.eventsPerPage)} events a page (the default limit), up to ${fmt(store.windows.foldedAtMost)} events folded after a keyframe`);
  out(`    the history's fold thread: ${store.foldUsPerEvent === null ? 'not measured' : `${store.foldUsPerEvent.toFixed(2)} µs/event`} (parse, buckets, tables, keyframes); load average ${store.loadAverage.toFixed(1)} on ${procs} CPUs`);
  for (const block of blocks) {
    // The target is the issue's flood (one worker); four at once is reported beside it.
    const judged = block.workers === 1;
    const verdict = (ms: number): string => (judged ? `(target < ${TARGETS.kernelBlockMs} ms): ${met(ms < TARGETS.kernelBlockMs)}` : '(harsher than the target\'s flood; reported)');
    out(`  kernel's longest block under a flood of ${block.workers === 1 ? 'one worker' : `${block.workers} workers`} ${block.maxBlockMs.toFixed(1)} ms ${verdict(block.maxBlockMs)}`);
    out(`    ${FLOOD_SHAPES[block.workers]}; ${fmt(block.messages)} messages in ${block.seconds.toFixed(1)} s; p99 ${block.p99Ms.toFixed(1)} ms;`);
    out(`    the same host idle: ${block.idleMaxMs.toFixed(1)} ms at most; load average ${block.loadAvg.toFixed(1)} on ${procs} CPUs (a delay also counts time other processes held the CPU)`);
    out(`    the kernel's own work: at most ${block.maxTurnCpuMs.toFixed(1)} ms of its ${block.turnCpuOf === 'thread' ? 'thread\'s' : 'process\'s (all threads)'} CPU in one turn of the event loop ${verdict(block.maxTurnCpuMs)}`);
  }
  out();
  out('Notes');
  out('  The lab runs as shipped: each run is prepared with the workers its parameters imply before its clock starts');
  out('  (shared/scenarios/process-counts.ts), so a start inside the run takes a ready worker; default event cap.');
  out('  process-start-*: start a process that does nothing and join it, one at a time or 10 at once; Python forks.');
  out(`  first-line-*: the scenario with its defaults and a 10 ms time unit; the run clock's time to its first printed line.`);
  out('  Multi-process rows time from a "go" signal to the last worker\'s "done" (start-up and exit excluded), on both sides.');
  out(`  pool-map-100k: Pool(${procs}), Python's default chunksize on both sides; the pool starts before the clock.`);
  out('  kernel-call-rtt is lab only: one kernel call and its reply, the unit every blocking operation pays.');
  out('  Two lab runs of the same workload differ by up to ±20% on a small machine.');
}

main(process.argv.includes('--json')).catch((e: Error) => {
  process.stderr.write(`bench: ${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});
