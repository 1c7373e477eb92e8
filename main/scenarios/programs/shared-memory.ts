// shared-memory: a shared Value and Array against a plain global, through four loops of
// updates (parent, then children; serial, then parallel). raceIncrements adds unlocked
// (or, with useLock, locked) read-modify-writes of the Value by the updater children.
import { sharedMemoryMeta } from '../../../shared/scenarios/shared-memory';
import type { Seen } from '../../../shared/scenarios/data/shared-memory';
import { pyRepr } from '../../../shared/py-format';
import type { Event, Semaphore, SharedArray, Value } from '../../worker/handles';
import { definePrograms, type LabOf } from './program';

type Lab = LabOf<typeof sharedMemoryMeta>;

/** A global of this program, like the seed's `count`: every process has its own. */
let count = 0;

/**
 * What a child starts with besides its arguments. Under fork Python's child is a copy of its
 * parent as it is at start(), globals included; a lab child is a fresh process, so it is
 * handed that copy. Under spawn the child imports the program afresh: it is handed nothing
 * and its count starts at 0.
 */
type Globals = { count: number } | null;
const forkCopy = (lab: Lab): Globals => (lab.startMethod === 'fork' ? { count } : null);
const adopt = (g: Globals): void => { if (g) count = g.count; };

async function showdata(lab: Lab, label: string, v: Value, arr: SharedArray): Promise<void> {
  const seen: Seen = { label, pid: lab.pid, global: count, value: await v.get(), array: await arr.copy() };
  // As the seed's '%-12s: pid:%4s, ...': the Array holds doubles ('d'), shown as floats (8.0).
  lab.print(`${label.padEnd(12)}: pid:${String(lab.pid).padStart(4)}, global:${count}, value:${seen.value}, array:${pyRepr(seen.array, { floats: true })}`);
  lab.result(`seen:${label}:${lab.pid}`, seen);
}
const addOne = (v: Value) => v.getLock().with(async () => v.set((await v.get()) + 1));
const bumpSlot = (arr: SharedArray, i: number) => arr.getLock().with(async () => arr.set(i, (await arr.get(i)) + 1));

export const sharedMemoryPrograms = definePrograms(sharedMemoryMeta, {
  main: async (lab) => {
    const procs = lab.params.procs;
    const scalar = lab.value(0, { name: 'value' });
    const vector = lab.array(new Array<number>(procs).fill(0), { name: 'array' });
    await showdata(lab, 'parent start', scalar, vector);
    await (await lab.spawn('showdata', [forkCopy(lab), 'child', scalar, vector])).join();

    lab.print();
    lab.print('loop1 (updates in parent, serial children)...');
    for (let i = 0; i < procs; i++) {
      count += 1; await addOne(scalar); await bumpSlot(vector, i);
      await (await lab.spawn('showdata', [forkCopy(lab), `process ${i}`, scalar, vector])).join();
    }
    lab.print();
    lab.print('loop2 (updates in parent, parallel children)...');
    const ps = [];
    for (let i = 0; i < procs; i++) {
      count += 1; await addOne(scalar); await bumpSlot(vector, i);
      ps.push(await lab.spawn('showdata', [forkCopy(lab), `process ${i}`, scalar, vector]));
    }
    await lab.joinAll(ps);

    lab.print();
    lab.print('loop3 (updates in serial children)...');
    for (let i = 0; i < procs; i++) await (await lab.spawn('updater', [forkCopy(lab), scalar, vector, null])).join();
    await showdata(lab, 'parent temp', scalar, vector);

    lab.print();
    lab.print('loop4 (updates in parallel children)...');
    // A starting gun for the race: once every racer is waiting, they all go at once.
    const gun = lab.params.raceIncrements > 0 ? { ready: lab.semaphore(0, { name: 'ready' }), go: lab.event({ name: 'go' }) } : null;
    const updaters = [];
    for (let i = 0; i < procs; i++) updaters.push(await lab.spawn('updater', [forkCopy(lab), scalar, vector, gun]));
    if (gun) {
      for (let i = 0; i < procs; i++) await gun.ready.acquire();
      await gun.go.set();
    }
    await lab.joinAll(updaters);
    await showdata(lab, 'parent end', scalar, vector);
  },
  showdata: async (lab, g: Globals, label: string, v: Value, arr: SharedArray) => {
    adopt(g);
    await showdata(lab, label, v, arr);
  },
  updater: async (lab, g: Globals, v: Value, arr: SharedArray, gun: { ready: Semaphore; go: Event } | null) => {
    adopt(g);
    count += 1; // this process's own global: nobody else sees it
    await addOne(v);
    const slots = await arr.len();
    for (let i = 0; i < slots; i++) await bumpSlot(arr, i);
    lab.result(`seen:updater:${lab.pid}`, { label: 'updater', pid: lab.pid, global: count } satisfies Seen);
    const { raceIncrements: n, useLock } = lab.params;
    if (n === 0) return;
    if (gun) { await gun.ready.release(); await gun.go.wait(); }
    for (let i = 0; i < n; i++) {
      if (useLock) await addOne(v);
      else await v.set((await v.get()) + 1); // read, then write: another process may write in between
    }
  },
});
