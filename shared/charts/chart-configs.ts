// Chart.js configurations for a run: the process timeline, the shared objects' tracks and
// the throughput. The HTML report draws these, and so will the app: one charting path.
import type { ChartConfiguration } from 'chart.js';
import type { LabEvent, ObjectState } from '../events';
import type { RunReport } from '../run-report';
import { processTimelines, stateKind } from '../analysis/process-timelines';
import { STATE_COLOURS, processColour } from './palette';

const ms = (us: number) => Math.round(us) / 1000;

/** One horizontal bar per process, coloured by state over time. */
export function timelineConfig(report: RunReport, events: readonly LabEvent[]): ChartConfiguration<'bar'> {
  const endUs = Math.max(report.durationMs * 1000, ...events.map((e) => e.t));
  const label = new Map(report.processes.map((p) => [p.pid, `${p.name} (${p.pid})`]));
  const timelines = processTimelines(events, endUs);
  const datasets = (Object.keys(STATE_COLOURS) as (keyof typeof STATE_COLOURS)[]).map((state) => ({
    label: state,
    backgroundColor: STATE_COLOURS[state],
    data: [...timelines].flatMap(([pid, spans]) => spans.filter((s) => stateKind(s.label) === state)
      .map((s) => ({ x: [ms(s.start), ms(s.end)] as [number, number], y: label.get(pid) ?? String(pid), detail: s.label }))),
    grouped: false,
    barPercentage: 0.8,
  }));
  return {
    type: 'bar',
    data: { labels: report.processes.map((p) => label.get(p.pid)!), datasets: datasets as unknown as ChartConfiguration<'bar'>['data']['datasets'] },
    options: {
      indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { type: 'linear', title: { display: true, text: 'ms since the run started' } }, y: { stacked: true } },
      plugins: { title: { display: true, text: 'Processes over time' } },
    },
  };
}

/** The number worth plotting for an object's state: queue depth, semaphore value, lock held... */
export function trackValue(s: ObjectState): number | undefined {
  if (s.size !== undefined) return s.size;
  if (s.value !== undefined) return s.value;
  if (s.flag !== undefined) return s.flag ? 1 : 0;
  if ('owner' in s) return s.owner === null || s.owner === undefined ? 0 : 1;
  return undefined;
}

/** A stepped line per shared object, over time. */
export function tracksConfig(events: readonly LabEvent[]): ChartConfiguration<'line'> {
  const series = new Map<string, { x: number; y: number }[]>();
  for (const e of events) {
    if (e.kind !== 'op' || !e.obj || !e.state) continue;
    const y = trackValue(e.state);
    if (y === undefined) continue;
    let s = series.get(e.obj);
    if (!s) series.set(e.obj, (s = []));
    s.push({ x: ms(e.t), y });
  }
  const datasets = [...series.entries()].map(([obj, data], i) => ({ label: obj, data, stepped: true as const, borderColor: processColour(i), pointRadius: 0, borderWidth: 2 }));
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      scales: { x: { type: 'linear', title: { display: true, text: 'ms' } }, y: { beginAtZero: true, title: { display: true, text: 'size / value / held' } } },
      plugins: { title: { display: true, text: 'Shared objects' } },
    },
  };
}

/** Operations per time slice: how busy the kernel was. */
export function throughputConfig(events: readonly LabEvent[], buckets = 40): ChartConfiguration<'bar'> {
  const ops = events.filter((e) => e.kind === 'op' && e.ph !== 'E');
  const end = Math.max(1, ...events.map((e) => e.t));
  const width = Math.ceil((end + 1) / buckets);
  const counts = new Array<number>(buckets).fill(0);
  for (const e of ops) counts[Math.min(buckets - 1, Math.floor(e.t / width))]++;
  return {
    type: 'bar',
    data: { labels: counts.map((_, i) => (ms(i * width)).toFixed(1)), datasets: [{ label: `operations per ${ms(width).toFixed(1)} ms`, data: counts, backgroundColor: '#5c6bc0' }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: 'ms' } }, y: { beginAtZero: true } },
      plugins: { title: { display: true, text: 'Throughput' } },
    },
  };
}
