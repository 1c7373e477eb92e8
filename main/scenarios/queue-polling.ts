// queue-polling: counter processes post [pid, state] on a Queue once per unit; the parent
// polls without blocking every half unit, printing "no data..." when there is nothing yet.
import { queuePollingMeta } from '../../shared/scenarios/queue-polling';
import type { Queue } from '../worker/handles';
import { emptyGets, putsOn, takesFrom } from './queue-events';
import { completion, eachProcess, endingOf } from './judging';
import type { Scenario } from './scenario';

/** Where counter k starts: 0, 100, 1000, 10000, ... */
const startOf = (k: number) => (k === 0 ? 0 : 10 ** (k + 1));

export const queuePolling: Scenario = {
  meta: queuePollingMeta,
  programs: {
    main: async (lab) => {
      const { counters, steps } = lab.params as { counters: number; steps: number };
      lab.print('start', lab.pid);
      const post = lab.queue({ name: 'post' });
      const ks = Array.from({ length: counters }, (_, k) => k);
      const procs = await lab.startAll('counter', ks.map((k) => [startOf(k), post]), { names: ks.map((k) => `counter-${k + 1}`) });
      let expected = counters * steps;
      while (expected > 0) {
        await lab.sleep(0.5);
        try {
          const data = await post.getNowait<[number, number]>();
          lab.print('posted:', data);
          expected--;
        } catch (e) {
          if ((e as Error).name !== 'Empty') throw e;
          lab.print('no data...');
        }
      }
      await lab.joinAll(procs); // every post is taken: now wait for the counters
      lab.print('finish', lab.pid, procs.map((p) => p.exitcode));
    },
    counter: async (lab, start: number, post: Queue) => {
      let state = start;
      for (let i = 0; i < (lab.params.steps as number); i++) {
        await lab.sleep(1);
        state += 1;
        lab.print('@', lab.pid, state);
        await post.put([lab.pid, state]);
      }
      lab.print('@', lab.pid, '-');
    },
  },
  check(run, params) {
    const end = endingOf(run);
    const { counters, steps } = params as { counters: number; steps: number };
    const root = run.root();
    const parent = root?.pid;
    const posts = takesFrom(run, 'post').filter((t) => t.pid === parent).map((t) => t.value as [number, number]);
    const sent = putsOn(run, 'post').length;
    const want = counters * steps;
    const procs = run.byProgram('counter').sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    const rising = procs.map((p, k) => {
      const states = posts.filter(([pid]) => pid === p.pid).map(([, s]) => s);
      const risesSoFar = states.length <= steps && states.every((s, i) => s === startOf(k) + i + 1);
      return { ok: risesSoFar && states.length === steps, risesSoFar, text: `${p.name} ${states.join('→') || '(none)'}` };
    });
    const exitCodes = Object.fromEntries(procs.map((p) => [p.name, p.signal ?? p.exitCode]));
    const everyone = run.processes;
    const allIn = posts.length === want;
    return {
      invariants: [
        completion(end, 'post-count', `the parent receives counters*steps (${want}) posts`, allIn && sent === posts.length,
          `${sent} posts sent, ${posts.length} received`,
          { reached: allIn, point: `before the parent had received all ${want} posts`, involved: everyone, brokenSoFar: posts.length > want || sent > want }),
        completion(end, 'states-rise', "each counter's states rise by 1 from its start", procs.length === counters && rising.every((r) => r.ok),
          rising.map((r) => r.text).join('; ') || 'no counter started',
          { reached: allIn, point: 'before every counter had posted all its states', involved: everyone, brokenSoFar: rising.some((r) => !r.risesSoFar) }),
        procs.length === counters
          ? eachProcess(end, 'exit-0', 'every counter exits with code 0', procs, (p) => (p.exitCode === 0 ? null : `exit ${p.signal ?? p.exitCode}`),
            procs.map((p) => `${p.name} (pid ${p.pid}): ${p.signal ?? p.exitCode}`).join(', '), { point: 'before every counter had exited' })
          : completion(end, 'exit-0', 'every counter exits with code 0', false, `${procs.length} of ${counters} counters started`,
            { point: 'before every counter had started', involved: root ? [root] : [] }),
      ],
      result: {
        posts, postCount: allIn || end.complete ? posts.length : null,
        noDataCount: emptyGets(run, 'post').filter((e) => e.pid === parent).length, exitCodes,
      },
    };
  },
};
