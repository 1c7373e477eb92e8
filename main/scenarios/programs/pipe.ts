// pipe: a sender child sends a list over a Pipe and closes its end; the parent receives it
// (and, once it has closed its own copy of the child's end too, EOFError). A talker child
// sends a dict, then receives the parent's reply.
import { pipeMeta } from '../../../shared/scenarios/pipe';
import type { Connection } from '../../worker/handles';
import { definePrograms } from './program';

export const pipePrograms = definePrograms(pipeMeta, {
  main: async (lab) => {
    let [parentEnd, childEnd] = lab.pipe({ name: 'pipe1' });
    await lab.spawn('sender', [childEnd]);
    const first = await parentEnd.recv();
    lab.print('parent got:', first);
    // The parent still holds its own copy of the child's end: until it closes it, a second
    // recv() would wait for ever (the other end is not closed everywhere).
    await childEnd.close();
    try {
      await parentEnd.recv(); // every copy of the other end is closed now: nothing more can come
    } catch (e) {
      lab.print(`parent's second recv() raised ${(e as Error).name}: ${(e as Error).message}`);
    }
    await parentEnd.close();

    [parentEnd, childEnd] = lab.pipe({ name: 'pipe2' });
    const talker = await lab.spawn('talker', [childEnd]);
    lab.print('parent got:', await parentEnd.recv());
    await parentEnd.send(new Set([...'spam'].map((x) => x + x))); // {x * 2 for x in 'spam'}: a set
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
