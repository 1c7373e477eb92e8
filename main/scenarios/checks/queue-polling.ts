// queue-polling's checks (programs: main/scenarios/programs/queue-polling.ts): every post
// arrives, each counter's states rise by one from its start, every counter exits 0.
import { queuePollingMeta } from '../../../shared/scenarios/queue-polling';
import { startOf } from '../../../shared/scenarios/data/queue-polling';
import { emptyGets, putsOn, takesFrom } from './queue-events';
import { completion, eachProcess, endingOf } from './judging';
import type { Checks } from './scenario';

export const queuePolling: Checks<typeof queuePollingMeta> = {
  meta: queuePollingMeta,
  check(run, params) {
    const end = endingOf(run);
    const { counters, steps } = params;
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
