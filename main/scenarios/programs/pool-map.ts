// pool-map: a Pool of poolSize workers maps x * 2 over 0..inputs-1; each worker's
// initializer prints its name. maxTasksPerChild retires workers after k tasks (chunks).
import { poolMapMeta } from '../../../shared/scenarios/pool-map';
import type { Lab } from '../../worker/lab';
import { definePrograms } from './program';

const double = (x: number) => x * 2;

/**
 * Python 3's built-in map(): lazy, it computes each value only when asked for it. Printing it
 * shows the object, as Python does (<map object at 0x7f...>), not a list of values.
 */
class MapObject<T, R> implements Iterable<R> {
  constructor(private readonly f: (x: T) => R, private readonly items: readonly T[], private readonly address: string) {}
  *[Symbol.iterator](): Iterator<R> { for (const x of this.items) yield this.f(x); }
  toString(): string { return `<map object at ${this.address}>`; }
}

/** An address like CPython's for a new object: it differs from run to run. */
const address = (lab: Lab) => `0x7f${Math.floor(lab.random() * 2 ** 36).toString(16).padStart(9, '0')}0`;

export const poolMapPrograms = definePrograms(poolMapMeta, {
  main: async (lab) => {
    const { inputs: n, poolSize, maxTasksPerChild } = lab.params;
    const inputs = Array.from({ length: n }, (_, i) => i);
    lab.print('Input   :', inputs);
    const builtin = new MapObject(double, inputs, address(lab)); // nothing computed yet
    lab.print('Built-in:', builtin);
    const pool = await lab.pool(poolSize, { initializer: 'startProcess', maxTasksPerChild });
    const outputs = await pool.map<number>('double', inputs);
    await pool.close(); // no more tasks
    await pool.join();  // wait for the workers to finish
    lab.print('Pool    :', outputs);
    lab.result('output', outputs);
  },
}, {
  // The functions the pool's workers run by name: the task, and the initializer.
  double,
  startProcess: (lab: Lab) => { lab.print('Starting', lab.currentProcess().name); },
});
