// pool-map: a Pool of poolSize workers maps x * 2 over 0..inputs-1; each worker's
// initializer prints its name. maxTasksPerChild retires workers after k tasks (chunks).
import { poolMapMeta } from '../../../shared/scenarios/pool-map';
import type { Lab } from '../../worker/lab';
import { definePrograms } from './program';

const double = (x: number) => x * 2;

export const poolMapPrograms = definePrograms(poolMapMeta, {
  main: async (lab) => {
    const { inputs: n, poolSize, maxTasksPerChild } = lab.params;
    const inputs = Array.from({ length: n }, (_, i) => i);
    lab.print('Input   :', inputs);
    lab.print('Built-in:', inputs.map(double));
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
  startProcess: (lab: Lab) => { lab.print('Starting', lab.name); },
});
