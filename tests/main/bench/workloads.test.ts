// The benchmark's workloads, run small: each must finish and measure what it says, on both
// sides, so `npm run bench` cannot rot between runs. (Speed itself is the bench's job.)
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METRICS } from '../../../main/bench/metrics';
import { runLab } from '../../../main/bench/lab-side';
import { findPython, runPython } from '../../../main/bench/python-side';
import { newHost } from '../../support/lab-host';
import { processesNeeded } from '../../../shared/scenarios/process-counts';

const host = newHost(4);
afterAll(() => host.close());

/** Small sizes that every workload can split evenly. */
const SMALL: Record<string, number> = { 'process-start-sequential': 2, 'process-start-10': 1, 'pool-map-100k': 120 };
const sizeOf = (metric: string) => SMALL[metric] ?? 120;
/** event-wakeup times n ping-pong rounds: two wake-ups each. */
const opsOf = (metric: string) => sizeOf(metric) * (metric === 'event-wakeup' ? 2 : 1);

describe('bench workloads (lab side)', () => {
  it.each(METRICS.map((m) => m.metric))('%s runs and counts its operations, in a run prepared with every process it starts', async (metric) => {
    const n = sizeOf(metric);
    const r = await runLab(host, metric, n, 2);
    expect(r.m.ops).toBe(opsOf(metric));
    expect(r.m.seconds).toBeGreaterThan(0);
    // The host prepares this many workers before the run's clock starts: every start inside it takes a ready one.
    expect(processesNeeded('bench', { metric, n, procs: 2 })).toBe(r.processes);
  });
});

describe('bench workloads (python side)', () => {
  const py = findPython();
  it('finds python3 with multiprocessing on this machine, from the sources and from dist/', () => {
    expect(py?.startMethod).toBeTruthy();
    const compiled = path.resolve(__dirname, '../../../dist/main/bench/python-side.js');
    const r = spawnSync(process.execPath, ['-e', `console.log(JSON.stringify(require(${JSON.stringify(compiled)}).findPython()))`], { encoding: 'utf8' });
    expect(JSON.parse(r.stdout)).toEqual(py);
  });
  it.each(METRICS.filter((m) => m.python).map((m) => m.metric))('%s runs in Python with the same size', async (metric) => {
    const n = sizeOf(metric);
    const m = await runPython(py!, metric, n, 2);
    expect(m.ops).toBe(opsOf(metric));
    expect(m.seconds).toBeGreaterThan(0);
  });
});
