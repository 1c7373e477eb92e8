// Probes for Queue and JoinableQueue.
import type { Queue, JoinableQueue } from '../../../../worker/handles';
import type { Lab } from '../../../../worker/lab';
import { errorCode, type ProbeSet } from './probe-set';

export const queueProbes = {
  main: {
    /** Items come out in order; blocked getters are served in the order they blocked. */
    'queue-fifo': async (lab) => {
      const q = lab.queue({ name: 'q' });
      for (const x of [1, 2, 3, 4, 5]) await q.put(x);
      const got: unknown[] = [];
      for (let i = 0; i < 5; i++) got.push(await q.get());
      lab.result('order', got);
      const waiting = lab.queue({ name: 'w' });
      const kids = [];
      for (const name of ['A', 'B', 'C']) {
        kids.push(await lab.spawn('getter', [waiting], { name }));
        await lab.sleep(2);
      }
      for (const x of ['x', 'y', 'z']) await waiting.put(x);
      for (const k of kids) await k.join();
    },
    /** get/put with block=false and with timeouts, on empty and full queues. */
    'queue-timeouts': async (lab) => {
      const q = lab.queue({ name: 'q' });
      lab.result('nowaitEmpty', await errorCode(q.getNowait()));
      lab.result('timeoutEmpty', await errorCode(q.get({ timeout: 3 })));
      const b = lab.queue({ maxsize: 1, name: 'b' });
      await b.put('first');
      lab.result('fullFlag', await b.full());
      lab.result('nowaitFull', await errorCode(b.put('second', { block: false })));
      lab.result('timeoutFull', await errorCode(b.put('second', { timeout: 2 })));
      lab.result('qsize', await b.qsize());
      lab.result('empty', await q.empty());
    },
    /** A bounded queue blocks its producer until the consumer makes room. */
    'queue-bounded': async (lab) => {
      const q = lab.queue({ maxsize: 2, name: 'q' });
      const c = await lab.spawn('slowConsumer', [q, 5], { name: 'consumer' });
      for (let i = 0; i < 5; i++) await q.put(i);
      await c.join();
    },
    /** What can travel: JSON values and lab objects; a Map or a function is refused in the sender. */
    'travel': async (lab) => {
      const q = lab.queue({ name: 'q' });
      const inner = lab.queue({ name: 'inner' });
      await q.put({ list: [1, 'two', null, true], nested: { x: 1.5 }, gone: undefined });
      await q.put(inner);
      lab.result('plain', await q.get());
      const back = await q.get<typeof inner>();
      await back.put('through a queue that travelled');
      lab.result('viaTravelledHandle', await inner.get());
      const refused = async (v: unknown) => { try { await q.put(v); return 'sent'; } catch (e) { return (e as Error).message; } };
      lab.result('map', await refused(new Map([[1, 2]])));
      lab.result('function', await refused(() => 1));
      lab.result('nan', await refused(Number.NaN));
      lab.result('sizeAfter', await q.qsize());
    },
    /** join() returns only after every item was marked task_done(). */
    'joinable': async (lab) => {
      const q = lab.joinableQueue({ name: 'jq' });
      const workers = [];
      for (let i = 0; i < 3; i++) workers.push(await lab.spawn('taskWorker', [q], { name: `w${i}`, daemon: true }));
      for (let i = 0; i < 9; i++) await q.put(i);
      await q.join();
      lab.print('join returned');
      lab.result('tooMany', await errorCode(q.taskDone()));
    },
  },
  helpers: {
    getter: async (lab, q: Queue) => { lab.result(`got-${lab.name}`, await q.get()); },
    slowConsumer: async (lab, q: Queue, n: number) => {
      const got = [];
      for (let i = 0; i < n; i++) { await lab.sleep(1); got.push(await q.get()); }
      lab.result('consumed', got);
    },
    taskWorker: async (lab: Lab, q: JoinableQueue) => {
      for (;;) {
        await q.get();
        await lab.sleep(0.5);
        await q.taskDone();
      }
    },
  },
} satisfies ProbeSet;
