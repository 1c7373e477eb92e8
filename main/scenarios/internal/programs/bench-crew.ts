// The start line of every multi-process benchmark: workers are started, each says it is
// ready and waits for "go", so the timed part covers the work only, not process start-up
// or exit. main/bench/python/mp_bench.py does the same thing with multiprocessing.
import type { Event, Queue } from '../../../worker/handles';
import type { Lab } from '../../../worker/lab';
import type { ProcessHandle } from '../../../worker/process-handle';
import type { Program } from '../../programs/program';

export interface Member { program: string; args: unknown[] }

/** Wraps a worker body: report ready, wait for go, work, report done. */
export function crewMember(body: Program): Program {
  return async (lab, ready: Queue, go: Event, done: Queue, ...args: unknown[]) => {
    await ready.put(lab.pid);
    await go.wait();
    await body(lab, ...args);
    await done.put(lab.pid);
  };
}

/**
 * Starts every member, waits until all are ready, then times from "go" until every member
 * has reported done. Returns the seconds elapsed; the members have been joined.
 */
export async function runCrew(lab: Lab<unknown>, members: Member[]): Promise<number> {
  const ready = lab.queue({ name: 'ready' });
  const done = lab.queue({ name: 'done' });
  const go = lab.event({ name: 'go' });
  const procs: ProcessHandle[] = [];
  for (const [i, m] of members.entries()) procs.push(await lab.spawn(m.program, [ready, go, done, ...m.args], { name: `${m.program}-${i}` }));
  for (let i = 0; i < members.length; i++) await ready.get();
  const t0 = performance.now();
  await go.set();
  for (let i = 0; i < members.length; i++) await done.get();
  const seconds = (performance.now() - t0) / 1000;
  for (const p of procs) await p.join();
  return seconds;
}
