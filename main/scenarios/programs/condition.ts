// condition: stage-2 processes wait on a Condition, started one unit apart; then stage 1
// starts and, holding the condition, says it is done and calls notifyAll.
import { conditionMeta } from '../../../shared/scenarios/condition';
import type { Condition } from '../../worker/handles';
import { definePrograms } from './program';

export const conditionPrograms = definePrograms(conditionMeta, {
  main: async (lab) => {
    const cond = lab.condition(undefined, { name: 'cond' });
    const stage2 = [];
    for (let i = 1; i <= lab.params.stage2Workers; i++) {
      stage2.push(await lab.spawn('stage2', [cond], { name: `stage_2[${i}]` }));
      await lab.sleep(1);
    }
    const s1 = await lab.spawn('stage1', [cond], { name: 's1' });
    await s1.join();
    await lab.joinAll(stage2);
  },
  stage1: async (lab, cond: Condition) => {
    const name = lab.currentProcess().name;
    lab.print('Starting', name);
    await cond.with(async () => {
      lab.print(`${name} done and ready for stage 2`);
      await cond.notifyAll();
    });
  },
  stage2: async (lab, cond: Condition) => {
    const name = lab.currentProcess().name;
    lab.print('Starting', name);
    await cond.with(async () => {
      await cond.wait();
      lab.print(`${name} running`);
    });
  },
});
