// pipe: a sender child sends a list over a Pipe and closes its end; the parent receives it
// (and then EOFError). A talker child sends a dict, then receives the parent's reply.
import { pipeMeta } from '../../../shared/scenarios/pipe';
import type { Connection } from '../../worker/handles';
import { definePrograms } from './program';

export const pipePrograms = definePrograms(pipeMeta, {
  main: async (lab) => {
    let [parentEnd, childEnd] = lab.pipe({ name: 'pipe1' });
    await lab.spawn('sender', [childEnd], { name: 'sender' });
    const first = await parentEnd.recv();
    lab.print('parent got:', first);
    try {
      await parentEnd.recv(); // the sender has closed its end: nothing more can come
    } catch (e) {
      lab.print(`parent's second recv() raised ${(e as Error).name}: ${(e as Error).message}`);
    }
    await parentEnd.close();

    [parentEnd, childEnd] = lab.pipe({ name: 'pipe2' });
    const talker = await lab.spawn('talker', [childEnd], { name: 'talker' });
    lab.print('parent got:', await parentEnd.recv());
    await parentEnd.send([...'spam'].map((c) => c + c).sort()); // the seed's set, as a sorted list
    await talker.join();
    lab.print('parent exit');
  },
  sender: async (lab, end: Connection) => {
    await end.send(['spam', 42, 'eggs']);
    await end.close();
  },
  talker: async (lab, end: Connection) => {
    await end.send({ name: 'Bob', spam: 42 });
    const reply = await end.recv();
    lab.print('talker got:', reply);
  },
});
