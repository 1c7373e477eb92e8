// end-signal (seed 004's own programs): producers cook dishes onto a queue, consumers eat them
// in an endless loop; `variant` picks how (or whether) the consumers learn that nothing more comes.
import { endSignalMeta } from '../../../shared/scenarios/end-signal';
import { DISHES_EACH, MAIN_LINE, cast } from '../../../shared/scenarios/data/end-signal';
import type { JoinableQueue, Queue } from '../../worker/handles';
import { definePrograms } from './program';

export const endSignalPrograms = definePrograms(endSignalMeta, {
  main: async (lab) => {
    const { variant } = lab.params;
    const { cooks, eaters } = cast(variant);
    const queue = variant === 'joinable-daemons' ? lab.joinableQueue({ name: 'queue' }) : lab.queue({ name: 'queue' });
    const producers = [];
    for (const { cook, food } of cooks) producers.push(await lab.spawn('producer', [queue, cook, food]));
    // Daemons end when the parent exits: with a JoinableQueue, that is the consumers' way out.
    for (const eater of eaters) await lab.spawn('consumer', [queue, eater], { daemon: variant === 'joinable-daemons' });
    if (variant !== 'no-signal') {
      for (const p of producers) await p.join(); // every dish is on the queue now
      if (variant !== 'joinable-daemons') for (let i = 0; i < eaters.length; i++) await queue.put(null); // one end signal per consumer
    }
    lab.print(MAIN_LINE);
    // no-signal: nothing will ever tell the consumer to stop, and the parent waits for its
    // children when its program ends: that wait never ends.
  },
  producer: async (lab, queue: Queue, cook: string, food: string) => {
    for (let i = 0; i < DISHES_EACH; i++) {
      await lab.sleep(1); // cooking takes a while
      const dish = `${food} ${i}`;
      lab.print(`${cook} Produced ${dish}`);
      await queue.put(dish);
    }
    if (lab.params.variant === 'joinable-daemons') await (queue as JoinableQueue).join(); // until every dish put is eaten
  },
  consumer: async (lab, queue: Queue, eater: string) => {
    for (;;) {
      const dish = await queue.get<string | null>(); // waits while the queue is empty
      if (dish === null) break; // the end signal
      lab.print(`${eater} Ate ${dish}`);
      if (lab.params.variant === 'joinable-daemons') await (queue as JoinableQueue).taskDone(); // this dish is dealt with
    }
  },
});
