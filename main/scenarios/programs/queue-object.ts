// queue-object: the parent puts an object of our own class on a Queue; the worker gets a copy
// rebuilt from its class name and fields, and the copy's method runs there, in the worker.
import { queueObjectMeta } from '../../../shared/scenarios/queue-object';
import { CLIENT, errandLine } from '../../../shared/scenarios/data/queue-object';
import type { Queue } from '../../worker/handles';
import { definePrograms, type LabOf } from './program';

/** Travels by name with its one field, as pickle sends it (listed below, so every process knows it). */
export class Errand {
  constructor(readonly client: string) {}

  runErrand(lab: LabOf<typeof queueObjectMeta>): void {
    // Runs wherever the object is: here, in the worker that got it from the queue.
    const here = lab.currentProcess().name;
    lab.print(errandLine(here, this.client));
  }
}

export const queueObjectPrograms = definePrograms(queueObjectMeta, {
  main: async (lab) => {
    const queue = lab.queue({ name: 'queue' });
    const w = await lab.spawn('worker', [queue]);
    await queue.put(new Errand(CLIENT));
    await queue.close(); // this process will put nothing more on the queue
    await queue.joinThread(); // wait until what it put has been handed over
    try {
      await queue.put(new Errand('nobody')); // not allowed any more: close() said so
    } catch (e) {
      lab.result('putAfterClose', `${(e as Error).name}: ${(e as Error).message}`);
    }
    await w.join(); // then wait for the worker
  },
  worker: async (lab, queue: Queue) => {
    const errand = await queue.get<Errand>(); // a copy rebuilt from the class name and the fields
    errand.runErrand(lab);
  },
}, {}, [Errand]);
