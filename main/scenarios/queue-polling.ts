// queue-polling: counter processes post [pid, state] on a Queue once per unit; the parent
// polls without blocking every half unit, printing "no data..." when there is nothing yet.
import { queuePollingMeta } from '../../shared/scenarios/queue-polling';
import type { Queue } from '../worker/handles';
import { emptyGets, putsOn, takesFrom } from './queue-events';
import { invariant, type Scenario } from './scenario';

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
    const { counters, steps } = params as { counters: number; steps: number };
    const parent = run.root()?.pid;
    const posts = takesFrom(run, 'post').filter((t) => t.pid === parent).map((t) => t.value as [number, number]);
    const sent = putsOn(run, 'post').length;
    const procs = run.byProgram('counter').sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    const rising = procs.map((p, k) => {
      const states = posts.filter(([pid]) => pid === p.pid).map(([, s]) => s);
      const ok = states.length === steps && states.every((s, i) => s === startOf(k) + i + 1);
      return { ok, text: `${p.name} ${states.join('→') || '(none)'}` };
    });
    const exitCodes = Object.fromEntries(procs.map((p) => [p.name, p.signal ?? p.exitCode]));
    const nonZero = procs.filter((p) => p.exitCode !== 0);
    return {
      invariants: [
        invariant('post-count', `the parent receives counters*steps (${counters * steps}) posts`, posts.length === counters * steps && sent === posts.length,
          `${sent} posts sent, ${posts.length} received`),
        invariant('states-rise', "each counter's states rise by 1 from its start", procs.length === counters && rising.every((r) => r.ok),
          rising.map((r) => r.text).join('; ')),
        invariant('exit-0', 'every counter exits with code 0', procs.length === counters && nonZero.length === 0,
          procs.map((p) => `${p.name} (pid ${p.pid}): ${p.signal ?? p.exitCode}`).join(', ')),
      ],
      result: { posts, postCount: posts.length, noDataCount: emptyGets(run, 'post').filter((e) => e.pid === parent).length, exitCodes },
    };
  },
};
