// Chart.js configurations for a run, drawn from the live model (shared/live): the process
// timeline from its lanes, the shared objects' tracks from its series, the throughput from
// its call-rate buckets. The HTML report draws these, and so can the app: one charting path.
// Each config costs time in what it draws (spans, points, buckets in the window), never in
// the length of the log.
import type { ChartConfiguration } from 'chart.js';
import { laneSpans, type LiveModel, type TrackedObject, type TrackField } from '../live';
import { STATE_COLOURS, processColour } from './palette';
import { stepPoints } from './step-points';

export interface ChartWindow {
  /** µs since the run started (default: the first event the model saw). */
  fromUs?: number;
  /** Default: the model's last event. */
  toUs?: number;
}

const ms = (us: number) => Math.round(us) / 1000;
const windowOf = (m: LiveModel, w: ChartWindow) => {
  const fromUs = w.fromUs ?? m.progress.firstT ?? 0;
  return { fromUs, toUs: Math.max(w.toUs ?? m.atUs, fromUs + 1) };
};

/** A lane's row label: its name and pid, indented under its parent. */
export function laneLabel(name: string, pid: number, depth: number): string {
  return depth === 0 ? `${name} (${pid})` : `${'\u2003'.repeat(depth - 1)}└ ${name} (${pid})`;
}

/** One horizontal bar per process, nested under its parent, coloured by state over time. */
export function timelineConfig(model: LiveModel, window: ChartWindow = {}): ChartConfiguration<'bar'> {
  const { fromUs, toUs } = windowOf(model, window);
  const rows = model.lanes.tree();
  const labels = rows.map(({ lane, depth }) => laneLabel(lane.name, lane.pid, depth));
  type Bar = { x: [number, number]; y: string; detail: string };
  const data: Record<'running' | 'blocked' | 'sleeping', Bar[]> = { running: [], blocked: [], sleeping: [] };
  rows.forEach(({ lane }, i) => {
    for (const s of laneSpans(model, lane, fromUs, toUs)) {
      const phase = s.state.phase as keyof typeof data;
      data[phase]?.push({ x: [ms(s.from), ms(s.to)], y: labels[i], detail: s.state.label });
    }
  });
  const datasets = (Object.keys(data) as (keyof typeof data)[]).map((phase) => ({
    label: phase, backgroundColor: STATE_COLOURS[phase], data: data[phase], grouped: false, barPercentage: 0.8,
  }));
  return {
    type: 'bar',
    data: { labels, datasets: datasets as unknown as ChartConfiguration<'bar'>['data']['datasets'] },
    options: {
      indexAxis: 'y', animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { type: 'linear', min: ms(fromUs), max: ms(toUs), title: { display: true, text: 'ms since the run started' } }, y: { stacked: true, ticks: { crossAlign: 'far' } } },
      plugins: { title: { display: true, text: 'Processes over time' } },
    },
  };
}

/** The field worth plotting for an object: queue depth or list length, a value, a flag, a lock held. */
export function trackField(o: TrackedObject): TrackField | undefined {
  for (const f of ['size', 'value', 'flag', 'owner'] as const) if (o.series[f]) return f;
  return undefined;
}

/** The limit worth drawing beside an object's track: a queue's maxsize, a semaphore's bound. */
export function trackLimit(o: TrackedObject): { name: string; value: number } | undefined {
  const info = o.info;
  if (!info) return undefined;
  if (info.maxsize) return { name: 'maxsize', value: info.maxsize };
  if (info.kind === 'Semaphore' && (info.bound ?? info.initial) !== undefined) return { name: info.bound != null ? 'bound' : 'initial', value: (info.bound ?? info.initial)! };
  return undefined;
}

export interface TracksOptions extends ChartWindow {
  /** Points per object at most (default 2000): past it each slice of time keeps its extremes. */
  maxPoints?: number;
}

/** A stepped line per shared object over time, each with its limit dashed beside it. */
export function tracksConfig(model: LiveModel, options: TracksOptions = {}): ChartConfiguration<'line'> {
  const { fromUs, toUs } = windowOf(model, options);
  const maxPoints = options.maxPoints ?? 2000;
  const datasets: ChartConfiguration<'line'>['data']['datasets'] = [];
  let i = 0;
  for (const o of model.objects.all()) {
    // A Condition's or a Value's own lock is drawn by its owner.
    if (o.info?.partOf) continue;
    const field = trackField(o);
    if (!field) continue;
    const held = field === 'owner';
    const data = stepPoints(o.series[field]!, fromUs, toUs, maxPoints, held ? (v) => (v === 0 ? 0 : 1) : (v) => v, ms);
    if (data.length === 0) continue;
    const colour = processColour(i++);
    datasets.push({ label: held ? `${o.label} held` : o.label, data, stepped: true, borderColor: colour, backgroundColor: colour, pointRadius: 0, borderWidth: 2 });
    const limit = trackLimit(o);
    if (limit) {
      datasets.push({
        label: `${o.label} ${limit.name}`, data: [{ x: data[0].x, y: limit.value }, { x: data[data.length - 1].x, y: limit.value }],
        borderColor: colour, borderDash: [6, 4], borderWidth: 1, pointRadius: 0,
      });
    }
  }
  return {
    type: 'line',
    data: { datasets },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false, parsing: false,
      scales: { x: { type: 'linear', min: ms(fromUs), max: ms(toUs), title: { display: true, text: 'ms' } }, y: { beginAtZero: true, title: { display: true, text: 'size / value / held' } } },
      plugins: { title: { display: true, text: 'Shared objects' } },
    },
  };
}

/** Calls per slice of the window: how busy the run was. */
export function throughputConfig(model: LiveModel, buckets = 40, window: ChartWindow = {}): ChartConfiguration<'bar'> {
  const { fromUs, toUs } = windowOf(model, window);
  const rate = model.progress.rate;
  const width = (toUs - fromUs) / buckets;
  const counts = new Array<number>(buckets).fill(0);
  // Each rate bucket (finer than a bar) goes to the bar its middle falls in; the edge ones to the edge bars.
  for (let i = Math.max(0, Math.floor(fromUs / rate.width)); i < rate.buckets && i * rate.width <= toUs; i++) {
    const bar = Math.floor(((i + 0.5) * rate.width - fromUs) / width);
    counts[Math.min(buckets - 1, Math.max(0, bar))] += rate.count(i);
  }
  return {
    type: 'bar',
    data: { labels: counts.map((_, i) => ms(fromUs + i * width).toFixed(1)), datasets: [{ label: `calls per ${ms(width).toFixed(1)} ms`, data: counts, backgroundColor: '#5c6bc0' }] },
    options: {
      animation: false, responsive: true, maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: 'ms' } }, y: { beginAtZero: true } },
      plugins: { title: { display: true, text: 'Throughput' } },
    },
  };
}

/** The three charts of a run, over one window. */
export function runChartConfigs(model: LiveModel, window: ChartWindow = {}) {
  return { timeline: timelineConfig(model, window), tracks: tracksConfig(model, window), throughput: throughputConfig(model, 40, window) };
}
