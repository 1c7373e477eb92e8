// Helpers shared by the tests: a real LabHost on child_process.fork, and checks that no
// process a run started is left alive.
import { readFileSync } from 'node:fs';
import { LabHost } from '../../main/core/runs/lab-host';
import { NodeForkPort } from '../../main/core/process-port/node-fork-port';
import type { RunReport } from '../../shared/run-report';
import type { RunRequest } from '../../main/core/runs/run-request';
import type { RunHandle } from '../../main/core/runs/run-handle';
import type { RunRecord } from '../../main/core/runs/run-record';

export function newHost(warmWorkers = 2): LabHost {
  return new LabHost(new NodeForkPort(), { warmWorkers });
}

export function startRun(host: LabHost, req: RunRequest): RunHandle {
  const r = host.start(req);
  if (!r.ok) throw new Error(`run refused: ${r.error.message}`);
  return r.value;
}

export async function run(host: LabHost, req: RunRequest): Promise<RunReport> {
  return startRun(host, req).done;
}

/** Runs one probe program with a short time unit; gives the report and the full record. */
export async function probe(host: LabHost, name: string, timeUnitMs = 20): Promise<{ report: RunReport; record: RunRecord }> {
  const handle = startRun(host, { scenario: 'probe', params: { case: name, timeUnitMs, seed: 1 }, timeoutS: 30 });
  const report = await handle.done;
  return { report, record: handle.record };
}

/** The duration of a blocked operation: from its B event to the matching E event, in ms. */
export function blockedMs(record: RunRecord, pid: number, obj: string, op: string): number[] {
  const out: number[] = [];
  let begin: number | undefined;
  for (const e of record.events) {
    if (e.pid !== pid || e.kind !== 'op' || e.op !== op) continue;
    if (e.ph === 'B' && e.obj === obj) begin = e.t;
    if (e.ph === 'E' && begin !== undefined) { out.push((e.t - begin) / 1000); begin = undefined; }
  }
  return out;
}

/** Alive = exists and is not a zombie (an orphan that exited waits as a zombie until
 *  PID 1 reaps it, and a container's PID 1 may never do so). */
export function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); } catch { return false; }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** Waits up to `ms` for every pid to be gone; returns the ones still alive. */
export async function survivors(pids: number[], ms = 1000): Promise<number[]> {
  const until = Date.now() + ms;
  let alive = pids.filter(isAlive);
  while (alive.length && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    alive = alive.filter(isAlive);
  }
  return alive;
}
