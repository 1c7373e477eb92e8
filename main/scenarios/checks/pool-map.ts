// pool-map's checks (programs: main/scenarios/programs/pool-map.ts): the output in input order,
// each chunk done once, every worker's initializer first, and maxTasksPerChild kept, with
// retired workers replaced.
import { isDeepStrictEqual } from 'node:util';
import { poolMapMeta } from '../../../shared/scenarios/pool-map';
import { POOL_WORKER_PROGRAM } from '../../protocol/worker-protocol';
import { defaultChunksize } from '../../protocol/pool-protocol';
import { completion, endedOtherwise, endingOf, safety } from './judging';
import type { Checks } from './scenario';
import { argOf } from '../../../shared/event-values';
import { pyRepr } from '../../../shared/py-format';

const tasks = (n: number) => `${n} task${n === 1 ? '' : 's'}`;

export const poolMap: Checks<typeof poolMapMeta> = {
  meta: poolMapMeta,
  check(run, params) {
    const { inputs: n, poolSize, maxTasksPerChild: k } = params;
    // The pool numbers its workers in the order it starts them: ForkPoolWorker-1, -2, ... (SpawnPoolWorker-N under spawn)
    const number = (name: string) => Number(/(\d+)$/.exec(name)?.[1] ?? Infinity);
    const workers = run.processes.filter((p) => p.program === POOL_WORKER_PROGRAM).sort((a, b) => number(a.name) - number(b.name));
    const names = new Map(workers.map((w) => [w.pid, w.name]));
    const cs = defaultChunksize(n, poolSize);
    const chunks = Math.ceil(n / cs);
    // Each finished task is one put on the result queue by the worker that ran it: [job, chunk, ok, values, pid].
    const puts = run.events.filter((e) => e.kind === 'op' && e.op === 'put' && names.has(e.pid));
    const tasksPerWorker: Record<string, number> = Object.fromEntries(workers.map((w) => [w.pid, 0]));
    const whoRan: Record<string, number> = {};
    const chunkRuns = new Array<number>(chunks).fill(0);
    for (const e of puts) {
      const item = argOf(e, 0, 'Queue');
      const r = item.ok ? item.value as unknown[] : undefined;
      // [job, chunk, ok, values, pid] (a result sent in parts: [..., part, parts], counted once, at its first part)
      if (!Array.isArray(r) || r[2] !== true || (r.length > 5 && r[5] !== 0)) continue;
      const c = Number(r[1]);
      chunkRuns[c]++;
      tasksPerWorker[e.pid]++;
      for (let x = c * cs; x < Math.min(n, (c + 1) * cs); x++) whoRan[x] = e.pid;
    }
    const output = run.results().output as number[] | undefined;
    const expected = Array.from({ length: n }, (_, i) => i * 2);
    const badChunks = chunkRuns.map((r, i) => [i, r]).filter(([, r]) => r !== 1);
    const end = endingOf(run);
    const root = run.root();
    const everyone = run.processes;
    const gotOutput = output !== undefined;
    // The pool is closed and joined once the parent's program returned: only then are its workers all known.
    const poolDone = root?.how === 'returned';
    const lateInit = workers.filter((w) => {
      const first = run.prints(w.pid)[0];
      const firstPut = puts.find((e) => e.pid === w.pid);
      if (firstPut !== undefined && (!first || firstPut.seq < first.seq)) return true;
      if (first) return first.text !== `Starting ${w.name}`;
      return !endedOtherwise(w); // a worker that ended as meant without its Starting line
    });
    const list = (pids: number[]) => pids.map((p) => `${names.get(p)} (pid ${p})`).join(', ');
    const invariants = [
      completion(end, 'output-in-order', `the output is [${n <= 3 ? expected.join(', ') : `0, 2, .., ${2 * (n - 1)}`}] in input order`, isDeepStrictEqual(output, expected),
        output ? `got ${pyRepr(output)}` : 'the parent never got the output',
        { reached: gotOutput, point: 'before map() returned', involved: everyone }),
      completion(end, 'each-chunk-once', `each of the ${chunks} tasks (chunks of ${cs}) was done exactly once`, badChunks.length === 0,
        badChunks.length ? badChunks.map(([i, r]) => `chunk ${i}: done ${r} times`).join(', ') : `${puts.length} results from ${workers.length} workers`,
        { reached: gotOutput, point: 'before every chunk was done', involved: everyone, brokenSoFar: chunkRuns.some((r) => r > 1) }),
      safety(end, 'initializer-first', 'every worker ran the initializer ("Starting <name>") before its first task', lateInit.length === 0,
        lateInit.length ? `not so for ${list(lateInit.map((w) => w.pid))}` : `${workers.length} workers printed their Starting line first`),
    ];
    const notes = [`map() cut the ${n} inputs into ${chunks} chunks of ${cs} (Python's default chunksize): a task here is one chunk.`];
    const idle = workers.filter((w) => tasksPerWorker[w.pid] === 0).map((w) => w.pid);
    if (idle.length && gotOutput) notes.push(`${list(idle)} ran no task: the other workers took them all first.`);
    const replaced = workers.length - poolSize;
    if (k === 0) {
      invariants.push(completion(end, 'fixed-workers', `without maxTasksPerChild the pool keeps its ${poolSize} workers`, workers.length === poolSize,
        `${workers.length} worker processes started`,
        { reached: poolDone, point: 'before the pool was closed and joined', involved: everyone, brokenSoFar: workers.length > poolSize && !workers.some(endedOtherwise) }));
    } else {
      const most = Math.max(0, ...Object.values(tasksPerWorker));
      const retired = workers.filter((w) => tasksPerWorker[w.pid] === k).map((w) => w.pid);
      // A worker that left before the last result had to be replaced: the pool was still open.
      const lastPut = puts[puts.length - 1]?.seq ?? Infinity;
      const early = retired.filter((pid) => (run.life(pid, 'exited')?.seq ?? Infinity) < lastPut);
      invariants.push(
        safety(end, 'max-tasks-per-child', `no worker process ran more than maxTasksPerChild (${k}) tasks`, most <= k,
          `the busiest worker ran ${tasks(most)}`),
        completion(end, 'retired-replaced', 'fresh workers replace retired ones', replaced >= early.length && replaced <= retired.length,
          `${retired.length} workers retired after ${tasks(k)} (${early.length} of them while work remained); ${replaced} fresh workers were started`,
          { reached: poolDone, point: 'before the pool was closed and joined', involved: everyone }),
      );
      if (retired.length && poolDone) {
        notes.push(`Retired after ${tasks(k)}: ${list(retired)}. The pool started ${replaced} fresh workers in their place: `
          + `${list(workers.slice(poolSize).map((w) => w.pid)) || 'none'}${replaced < retired.length ? '. Workers that retired once the pool was closed were not replaced' : ''}.`);
      }
    }
    return {
      invariants,
      result: {
        output: output ?? null, chunksize: cs, whoRan, workers: workers.map((w) => w.pid),
        tasksPerWorker, workersStarted: poolDone ? workers.length : null, replaced,
      },
      notes,
    };
  },
};
