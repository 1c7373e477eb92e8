// The metrics of `npm run bench`: what each measures, its unit, which way is better and
// the workload size used on both sides (lab and Python get the same n).
import type { Measurement } from '../scenarios/internal/bench-meta';

export interface MetricSpec {
  metric: string;
  /** "per second" units are throughputs (higher is better); the others are times per operation. */
  unit: string;
  better: 'higher' | 'lower';
  n: number;
  /** False for lab-only diagnostics that have no Python twin. */
  python: boolean;
}

export interface Row { metric: string; unit: string; lab: number | null; python: number | null; ratio: number | null }

const throughput = (metric: string, unit: string, n: number): MetricSpec => ({ metric, unit, better: 'higher', n, python: true });
const latency = (metric: string, unit: string, n: number): MetricSpec => ({ metric, unit, better: 'lower', n, python: true });

export const METRICS: MetricSpec[] = [
  latency('process-start-sequential', 'ms/process', 40),
  latency('process-start-10', 'ms/batch', 5),
  throughput('queue-1-1', 'items/s', 24_000),
  throughput('queue-3-6', 'items/s', 24_000),
  throughput('joinable-4', 'items/s', 12_000),
  throughput('semaphore-3-10', 'acquisitions/s', 20_000),
  throughput('manager-dict-4', 'sets/s', 12_000),
  throughput('pool-map-100k', 'tasks/s', 100_000),
  latency('pipe-rtt', 'µs/round trip', 5_000),
  latency('event-wakeup', 'µs/wakeup', 4_000),
  { ...latency('kernel-call-rtt', 'µs/call', 5_000), python: false },
];

/** The size of the ≥ 1,000,000-event run for the host memory check (about 2 events per item). */
export const FLOOD_ITEMS = 600_000;

const SCALE: Record<string, number> = { 'ms/process': 1e3, 'ms/batch': 1e3, 'µs/round trip': 1e6, 'µs/wakeup': 1e6, 'µs/call': 1e6 };

/** One side's measurement in the metric's unit. */
export function figure(spec: MetricSpec, m: Measurement): number {
  if (spec.better === 'higher') return m.ops / m.seconds;
  return (m.seconds / m.ops) * SCALE[spec.unit];
}

/** > 1 always means the lab is better. */
export function ratio(spec: MetricSpec, lab: number, python: number | null): number | null {
  if (python === null || python === 0 || lab === 0) return null;
  return spec.better === 'higher' ? lab / python : python / lab;
}

/** Three significant digits, so the JSON stays readable. */
export function round(x: number | null): number | null {
  if (x === null || !Number.isFinite(x)) return null;
  if (Math.abs(x) >= 100) return Math.round(x);
  return Number(x.toPrecision(3));
}
