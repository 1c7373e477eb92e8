// Probes for Lock, Semaphore, BoundedSemaphore and Condition.
import type { Condition, Event, Lock, ManagerList, Queue, Semaphore } from '../../../../worker/handles';
import { errorCode, type ProbeSet } from './probe-set';

export const lockProbes = {
  main: {
    /** Blocked acquirers get the lock in the order they asked. */
    'lock-fifo': async (lab) => {
      const lock = lab.lock({ name: 'lock' });
      const order = lab.manager().list<string>([], { name: 'order' });
      await lock.acquire();
      const kids = [];
      for (const name of ['A', 'B', 'C']) {
        kids.push(await lab.spawn('locker', [lock, order], { name }));
        await lab.sleep(2);
      }
      await lock.release();
      for (const k of kids) await k.join();
      lab.result('order', await order.copy());
    },
    'lock-timeout': async (lab) => {
      const lock = lab.lock({ name: 'lock' });
      const holder = await lab.spawn('holder', [lock, 6], { name: 'holder' });
      await lab.sleep(2);
      lab.result('nonBlocking', await lock.acquire({ block: false }));
      lab.result('timed', await lock.acquire({ timeout: 2 }));
      await holder.join();
      lab.result('afterRelease', await lock.acquire({ block: false }));
      await lock.release();
      lab.result('releaseUnheld', await errorCode(lock.release()));
    },
    /** A child exits holding the lock; the parent then waits for ever: a hang naming it. */
    'lock-orphaned': async (lab) => {
      const lock = lab.lock({ name: 'lock' });
      const c = await lab.spawn('holder', [lock, 0, false], { name: 'careless' });
      await c.join();
      await lock.acquire();
    },
    /** Semaphore(2) with 5 contenders: never more than 2 inside. */
    'semaphore-bound': async (lab) => {
      const s = lab.semaphore(2, { name: 'sem' });
      const inside = lab.manager().list<string>([], { name: 'inside' });
      const kids = [];
      for (let i = 0; i < 5; i++) kids.push(await lab.spawn('slot', [s, inside], { name: `s${i}` }));
      for (const k of kids) await k.join();
      const b = lab.semaphore(1, { bounded: true, name: 'bounded' });
      lab.result('boundedOver', await errorCode(b.release()));
      lab.result('value', await s.getValue());
    },
    /** notify(1) wakes the first waiter only; notifyAll wakes the rest; each re-takes the lock. */
    'condition': async (lab) => {
      const cond = lab.condition(undefined, { name: 'cond' });
      const woke = lab.manager().list<string>([], { name: 'woke' });
      const kids = [];
      for (const name of ['A', 'B', 'C']) {
        kids.push(await lab.spawn('condWaiter', [cond, woke], { name }));
        await lab.sleep(2);
      }
      await cond.with(() => cond.notify(1));
      await lab.sleep(2);
      lab.result('afterNotifyOne', await woke.copy());
      await cond.with(() => cond.notifyAll());
      for (const k of kids) await k.join();
      lab.result('afterNotifyAll', await woke.copy());
      lab.result('waitUnheld', await errorCode(cond.wait(1)));
      lab.result('timedWait', await cond.with(() => cond.wait(2)));
    },
    /** Two processes take two locks in opposite orders: a deadlock with a cycle. A barrier
     *  makes sure each holds its first lock before either asks for its second. */
    'deadlock': async (lab) => {
      const a = lab.lock({ name: 'A' });
      const b = lab.lock({ name: 'B' });
      const holding = lab.queue({ name: 'holding' });
      const go = lab.event({ name: 'go' });
      const p1 = await lab.spawn('twoLocks', [a, b, holding, go], { name: 'ab' });
      const p2 = await lab.spawn('twoLocks', [b, a, holding, go], { name: 'ba' });
      await holding.get();
      await holding.get();
      await go.set();
      await p1.join();
      await p2.join();
    },
  },
  helpers: {
    locker: async (lab, lock: Lock, order: ManagerList<string>) => {
      await lock.with(() => order.append(lab.name));
    },
    holder: async (lab, lock: Lock, units: number, release = true) => {
      await lock.acquire();
      await lab.sleep(units);
      if (release) await lock.release();
    },
    slot: async (lab, s: Semaphore, inside: ManagerList<string>) => {
      await s.with(async () => {
        await inside.append(lab.name);
        await lab.sleep(1);
        await inside.remove(lab.name);
      });
    },
    condWaiter: async (lab, cond: Condition, woke: ManagerList<string>) => {
      await cond.with(async () => {
        await cond.wait();
        await woke.append(lab.name);
      });
    },
    twoLocks: async (lab, first: Lock, second: Lock, holding: Queue, go: Event) => {
      await first.acquire();
      await holding.put(lab.name);
      await go.wait();
      await second.acquire();
    },
  },
} satisfies ProbeSet;
