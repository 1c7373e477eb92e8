// shared-memory: a shared Value and Array against a plain global, through four loops of
// updates (parent, then children; serial, then parallel). raceIncrements adds unlocked
// (or, with useLock, locked) read-modify-writes of the Value by the updater children.
import { sharedMemoryMeta } from '../../../shared/scenarios/shared-memory';
import type { Seen } from '../../../shared/scenarios/data/shared-memory';
import type { Event, Semaphore, SharedArray, Value } from '../../worker/handles';
import { definePrograms, type LabOf } from './program';

/** A per-process global, like the seed's `count`: every process loads this module afresh. */
let count = 0;

async function showdata(lab: LabOf<typeof sharedMemoryMeta>, label: string, v: Value, arr: SharedArray): Promise<void> {
  const seen: Seen = { label, pid: lab.pid, global: count, value: await v.get(), array: await arr.copy() };
  lab.print(`${label.padEnd(12)}: pid:${lab.pid}, global:${count}, value:${seen.value}, array:[${seen.array!.join(', ')}]`);
  lab.result(`seen:${label}:${lab.pid}`, seen);
}
const addOne = (v: Value) => v.getLock().with(async () => v.set((await v.get()) + 1));
const bumpSlot = (arr: SharedArray, i: number) => arr.getLock().with(async () => arr.set(i, (await arr.get(i)) + 1));

export const sharedMemoryPrograms = definePrograms(sharedMemoryMeta, {
  main: async (lab) => {
    const procs = lab.params.procs;
    const scalar = lab.value(0, { name: 'value' });
    const vector = lab.array(new Array<number>(procs).fill(0), { name: 'array' });
    const names = (loop: number) => Array.from({ length: procs }, (_, i) => `loop${loop}-${i}`);
    await showdata(lab, 'parent start', scalar, vector);
    await lab.runAll('showdata', [['child', scalar, vector]], { name: 'child' });

    lab.print('loop1 (updates in parent, serial children)...');
    for (let i = 0; i < procs; i++) {
      count += 1; await addOne(scalar); await bumpSlot(vector, i);
      await lab.runAll('showdata', [[`process ${i}`, scalar, vector]], { name: `loop1-${i}` });
    }
    lab.print('loop2 (updates in parent, parallel children)...');
    const ps = [];
    for (let i = 0; i < procs; i++) {
      count += 1; await addOne(scalar); await bumpSlot(vector, i);
      ps.push(await lab.spawn('showdata', [`process ${i}`, scalar, vector], { name: `loop2-${i}` }));
    }
    await lab.joinAll(ps);

    lab.print('loop3 (updates in serial children)...');
    for (const name of names(3)) await lab.runAll('updater', [[scalar, vector, null]], { name });
    await showdata(lab, 'parent temp', scalar, vector);

    lab.print('loop4 (updates in parallel children)...');
    // A starting gun for the race: once every racer is waiting, they all go at once.
    const gun = lab.params.raceIncrements > 0 ? { ready: lab.semaphore(0, { name: 'ready' }), go: lab.event({ name: 'go' }) } : null;
    const updaters = await lab.startAll('updater', names(4).map(() => [scalar, vector, gun]), { names: names(4) });
    if (gun) {
      for (let i = 0; i < procs; i++) await gun.ready.acquire();
      await gun.go.set();
    }
    await lab.joinAll(updaters);
    await showdata(lab, 'parent end', scalar, vector);
  },
  showdata: async (lab, label: string, v: Value, arr: SharedArray) => showdata(lab, label, v, arr),
  updater: async (lab, v: Value, arr: SharedArray, gun: { ready: Semaphore; go: Event } | null) => {
    count += 1; // this process's own global
    await addOne(v);
    const slots = await arr.len();
    for (let i = 0; i < slots; i++) await bumpSlot(arr, i);
    lab.print(`${'updater'.padEnd(12)}: pid:${lab.pid}, global:${count} (its own += 1 only)`);
    lab.result(`seen:updater:${lab.pid}`, { label: lab.name, pid: lab.pid, global: count } satisfies Seen);
    const { raceIncrements: n, useLock } = lab.params;
    if (n === 0) return;
    if (gun) { await gun.ready.release(); await gun.go.wait(); }
    for (let i = 0; i < n; i++) {
      if (useLock) await addOne(v);
      else await v.set((await v.get()) + 1); // read, then write: another process may write in between
    }
  },
});
