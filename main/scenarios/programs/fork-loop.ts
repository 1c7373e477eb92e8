// fork-loop: a parent makes a child each round of its loop. With childExits=false every
// child falls back into the loop, and the processes double each round (up to maxProcesses).
import { forkLoopMeta } from '../../../shared/scenarios/fork-loop';
import { definePrograms, type LabOf } from './program';

/** What a child gets instead of a forked memory image: the parent's variables, copied. */
interface Snapshot { counter: number; round: number }

/** The loop the parent runs; a child that does not exit runs the rest of it too. */
async function forkRounds(lab: LabOf<typeof forkLoopMeta>, firstRound: number, counter: number): Promise<void> {
  for (let round = firstRound; round < lab.params.iterations; round++) {
    const child = await lab.spawn('child', [{ counter, round } satisfies Snapshot]);
    lab.print(`Hello from parent ${lab.pid} ${child.pid}`);
    await lab.sleep(lab.params.intervalUnits);
  }
}

export const forkLoopPrograms = definePrograms(forkLoopMeta, {
  main: async (lab) => {
    const counter = 0;
    lab.result('parentCounterBefore', counter);
    await forkRounds(lab, 0, counter);
    lab.result('parentCounterAfter', counter);
    lab.print(`parent ${lab.pid}: my counter is still ${counter}`);
  },
  child: async (lab, snap: Snapshot) => {
    // The child changes its own copy of the counter; the parent's copy is separate.
    const counter = snap.counter + 1;
    lab.print(`Hello from child ${lab.pid} (my copy of the counter is now ${counter})`);
    if (lab.params.childExits) await lab.exit(0);
    // The bug the seed warns about: no exit, so the child carries on with the loop.
    await lab.sleep(lab.params.intervalUnits);
    await forkRounds(lab, snap.round + 1, counter);
  },
});
