// producer-consumer: producers put names on a Queue, twice as many consumers take them for
// ever; `ending` picks how the consumers stop (daemons, poison pills, JoinableQueue, or not at all).
import { producerConsumerMeta } from '../../../shared/scenarios/producer-consumer';
import { namesFor } from '../../../shared/scenarios/data/producer-consumer';
import type { JoinableQueue, Lock, Queue } from '../../worker/handles';
import { definePrograms } from './program';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

export const producerConsumerPrograms = definePrograms(producerConsumerMeta, {
  main: async (lab) => {
    const { producers, consumersPerProducer, ending } = lab.params;
    const q = ending === 'joinable' ? lab.joinableQueue({ name: 'names' }) : lab.queue({ name: 'names' });
    const lock = lab.lock({ name: 'console' });
    const ps = await lab.startAll('producer', range(producers).map((i) => [q, lock, namesFor(i)]));
    const n = producers * consumersPerProducer;
    // Daemons die with the parent: the seed's way out of the consumers' endless loop.
    const cs = await lab.startAll('consumer', range(n).map(() => [q, lock]), { daemon: ending === 'daemon' || ending === 'joinable' });
    await lab.joinAll(ps);
    if (ending === 'poison-pill') {
      for (let i = 0; i < cs.length; i++) await q.put(null); // one end marker per consumer
      await lab.joinAll(cs);
    }
    await lock.with(() => lab.print('Parent process exiting...'));
  },
  producer: async (lab, q: Queue, lock: Lock, names: string[]) => {
    await lock.with(() => lab.print(`Starting producer => ${lab.pid}`));
    for (const name of names) {
      await lab.sleep(lab.randint(0, lab.params.sleepMaxUnits));
      await q.put(name);
    }
    if (lab.params.ending === 'joinable') {
      await lock.with(() => lab.print(`Producer ${lab.pid} waits in join() until every name is done`));
      await (q as JoinableQueue).join();
    }
    await lock.with(() => lab.print(`Producer ${lab.pid} exiting...`));
  },
  consumer: async (lab, q: Queue, lock: Lock) => {
    await lock.with(() => lab.print(`Starting consumer => ${lab.pid}`));
    for (;;) {
      await lab.sleep(lab.randint(0, lab.params.sleepMaxUnits));
      const name = await q.get<string | null>(); // waits while the queue is empty
      if (name === null) return lock.with(() => lab.print(`${lab.pid} got the end marker, exiting`));
      await lock.with(() => lab.print(`${lab.pid} got ${name}`));
      if (lab.params.ending === 'joinable') await (q as JoinableQueue).taskDone();
    }
  },
});
