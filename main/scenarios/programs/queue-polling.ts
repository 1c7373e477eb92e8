// queue-polling: counter processes post [pid, state] on a Queue once per unit; the parent
// polls without blocking every half unit, printing "no data..." when there is nothing yet.
import { queuePollingMeta } from '../../../shared/scenarios/queue-polling';
import { startOf } from '../../../shared/scenarios/data/queue-polling';
import type { Queue } from '../../worker/handles';
import { definePrograms } from './program';

/** The seed's Counter.label: a space, then @ (print adds another space after it). */
const LABEL = ' @';

export const queuePollingPrograms = definePrograms(queuePollingMeta, {
  main: async (lab) => {
    const { counters, steps } = lab.params;
    lab.print('start', lab.pid);
    const post = lab.queue({ name: 'post' });
    // The seed's counters are a Process subclass, Counter: Python names them Counter-1, Counter-2, ...
    const procs = [];
    for (let k = 0; k < counters; k++) procs.push(await lab.spawn('counter', [startOf(k), post], { cls: 'Counter' }));
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
    lab.print('finish', lab.pid, procs[procs.length - 1].exitcode); // the last counter's, as the seed shows
  },
  counter: async (lab, start: number, post: Queue) => {
    let state = start;
    for (let i = 0; i < lab.params.steps; i++) {
      await lab.sleep(1);
      state += 1;
      lab.print(LABEL, lab.pid, state);
      await post.put([lab.pid, state]);
    }
    lab.print(LABEL, lab.pid, '-');
  },
});
