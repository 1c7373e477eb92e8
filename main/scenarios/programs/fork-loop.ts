// fork-loop: a parent makes a child each round of its loop. With childExits=false every
// child falls back into the loop, and the processes double each round (up to maxProcesses).
import { forkLoopMeta } from '../../../shared/scenarios/fork-loop';
import { definePrograms, type LabOf } from './program';

/** A global of this program: how many children this process has made. Every process has its own. */
let counter = 0;

/**
 * What a child is handed instead of a forked memory image: its place in the loop, and under
 * fork a copy of the parent's globals as they are now. Under spawn the child imports the
 * program afresh, so it gets no copy and its counter starts at 0.
 */
interface Start { round: number; counter: number | null }

/** The loop the parent runs; a child that does not exit runs the rest of it too. */
async function forkRounds(lab: LabOf<typeof forkLoopMeta>, firstRound: number): Promise<void> {
  for (let round = firstRound; round < lab.params.iterations; round++) {
    const child = await lab.spawn('child', [{ round, counter: lab.startMethod === 'fork' ? counter : null } satisfies Start]);
    counter += 1; // in this process only: the child has its own copy
    lab.print(`Hello from parent ${lab.pid} ${child.pid}`);
    await lab.sleep(lab.params.intervalUnits);
  }
}

export const forkLoopPrograms = definePrograms(forkLoopMeta, {
  main: async (lab) => {
    lab.result('parentCounterBefore', counter);
    await forkRounds(lab, 0);
    lab.result('parentCounterAfter', counter);
    lab.print(`parent ${lab.pid}: my counter is ${counter}`);
  },
  child: async (lab, start: Start) => {
    if (start.counter !== null) counter = start.counter;
    lab.print(`Hello from child ${lab.pid} (my copy of the counter is ${counter})`);
    if (lab.params.childExits) await lab.exit(0);
    // The bug the seed warns about: no exit, so the child carries on with the loop.
    await lab.sleep(lab.params.intervalUnits);
    await forkRounds(lab, start.round + 1);
  },
});
