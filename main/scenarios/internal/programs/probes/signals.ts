// Probes for Event, Pipe, the manager objects and Value/Array.
import type { Connection, Event, Lock, Value } from '../../../../worker/handles';
import { errorCode, type ProbeSet } from './probe-set';

export const signalProbes = {
  main: {
    /** A timed wait returns false at its timeout; an untimed one returns true after set(). */
    'event': async (lab) => {
      const e = lab.event({ name: 'e' });
      const timed = await lab.spawn('eventWaiter', [e, 2], { name: 'timed' });
      const untimed = await lab.spawn('eventWaiter', [e, null], { name: 'untimed' });
      await lab.sleep(4);
      await e.set();
      await timed.join();
      await untimed.join();
      lab.result('isSet', await e.isSet());
      await e.clear();
      lab.result('cleared', await e.isSet());
    },
    /** Pipe: both directions; recv raises EOFError once every copy of the other end is closed. */
    'pipe': async (lab) => {
      const [mine, theirs] = lab.pipe({ name: 'pipe' });
      const c = await lab.spawn('pipeTalker', [theirs], { name: 'talker' });
      lab.result('first', await mine.recv());
      await mine.send({ reply: 'hello' });
      lab.result('second', await mine.recv());
      await c.join();
      lab.result('stillOpen', await mine.poll()); // the parent still holds its own copy of the child's end
      await theirs.close();
      lab.result('eof', await errorCode(mine.recv()));
      lab.result('sendToClosed', await errorCode(mine.send('x')));
    },
    /** The parent keeps its copy of the child's end: its recv() waits for ever (Python's too). */
    'pipe-held': async (lab) => {
      const [mine, theirs] = lab.pipe({ name: 'pipe' });
      const c = await lab.spawn('pipeTalker', [theirs], { name: 'talker' });
      await mine.recv();
      await mine.send({ reply: 'hello' });
      await mine.recv();
      await c.join();
      await mine.recv();
    },
    /** A namespace hands out copies; dict and list behave like Python's managed ones. */
    'manager': async (lab) => {
      const m = lab.manager();
      const ns = m.namespace({ name: 'ns' });
      lab.result('missing', await errorCode(ns.get('nothing')));
      await ns.set('items', [1]);
      const copy = await ns.get<number[]>('items');
      copy.push(2);
      lab.result('afterLocalPush', await ns.get('items'));
      await ns.set('items', copy);
      lab.result('afterAssign', await ns.get('items'));
      const d = m.dict<number>({ name: 'd' });
      const kids = [];
      for (let i = 0; i < 4; i++) kids.push(await lab.spawn('dictSetter', [d, i]));
      for (const k of kids) await k.join();
      lab.result('dict', Object.fromEntries(await d.entries()));
      lab.result('keyError', await errorCode(d.get(99)));
      const l = m.list<string>(['a'], { name: 'l' });
      await l.append('b');
      lab.result('list', await l.copy());
      lab.result('removeMissing', await errorCode(l.remove('zz')));
    },
    /** Unlocked read-modify-write from several processes, with and without the lock. */
    'value-race': async (lab) => {
      const { procs = 4, increments = 200 } = {};
      for (const locked of [false, true]) {
        const v = lab.value(0, { name: locked ? 'locked' : 'unlocked' });
        const go = lab.event(); // a starting gun, so the increments really overlap
        const kids = [];
        for (let i = 0; i < procs; i++) kids.push(await lab.spawn('incrementer', [v, increments, locked, go]));
        await go.set();
        for (const k of kids) await k.join();
        lab.result(locked ? 'withLock' : 'withoutLock', await v.get());
      }
      lab.result('expected', procs * increments);
      const arr = lab.array([0, 0, 0], { name: 'arr' });
      await arr.set(1, 5);
      lab.result('array', await arr.copy());
      lab.result('arrayOutOfRange', await errorCode(arr.get(3)));
    },
  },
  helpers: {
    eventWaiter: async (lab, e: Event, timeout: number | null) => { lab.result(`wait-${lab.name}`, await e.wait(timeout)); },
    pipeTalker: async (lab, end: Connection) => {
      await end.send(['spam', 42]);
      lab.result('talkerGot', await end.recv());
      await end.send('bye');
      await end.close();
    },
    dictSetter: async (lab, d, i: number) => { await d.set(i, i * 2); },
    incrementer: async (lab, v: Value, n: number, locked: boolean, go: Event) => {
      await go.wait();
      const lock: Lock | null = locked ? v.getLock() : null;
      for (let i = 0; i < n; i++) {
        if (lock) await lock.with(async () => v.set((await v.get()) + 1));
        else await v.set((await v.get()) + 1);
      }
    },
  },
} satisfies ProbeSet;
