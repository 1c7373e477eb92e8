// fork-loop: a parent creates a child each round; with childExits=false every child falls
// back into the loop and the processes double each round (capped by maxProcesses).
import { forkLoopMeta } from '../../shared/scenarios/fork-loop';
import type { Lab } from '../worker/lab';
import { completion, eachProcess, endingOf, safety } from './judging';
import type { Scenario } from './scenario';

/** What a child gets instead of a forked memory image: the parent's variables, copied. */
interface Snapshot { counter: number; round: number }

/** The loop the parent runs; a child that does not exit runs the rest of it too. */
async function forkRounds(lab: Lab, firstRound: number, counter: number): Promise<void> {
  const { iterations, intervalUnits } = lab.params as { iterations: number; intervalUnits: number };
  for (let round = firstRound; round < iterations; round++) {
    const child = await lab.spawn('child', [{ counter, round } satisfies Snapshot]);
    lab.print(`Hello from parent ${lab.pid} ${child.pid}`);
    await lab.sleep(intervalUnits);
  }
}

export const forkLoop: Scenario = {
  meta: forkLoopMeta,
  programs: {
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
      await lab.sleep(lab.params.intervalUnits as number);
      await forkRounds(lab, snap.round + 1, counter);
    },
  },
  check(run, params) {
    // Without childExits the cap is how a runaway is meant to end.
    const end = endingOf(run, { capped: !params.childExits });
    const root = run.root();
    const rootPid = root?.pid ?? -1;
    const others = run.processes.filter((p) => p.pid !== rootPid);
    const direct = others.filter((p) => p.parentPid === rootPid);
    const r = run.results();
    const capped = run.capped;
    const before = r.parentCounterBefore as number | undefined;
    const after = r.parentCounterAfter as number | undefined;
    const lateLines = others.filter((p) => {
      const created = run.life(p.pid, 'created');
      const line = run.prints(p.pid)[0];
      return !created || (line !== undefined && line.seq < created.seq);
    });
    const parent = root ? [root] : [];
    const invariants = [
      safety(end, 'total-within-cap', `total processes <= maxProcesses (${params.maxProcesses})`, run.processes.length <= (params.maxProcesses as number),
        `${run.processes.length} processes`),
      safety(end, 'child-line-after-creation', "each child's line comes after it was created", lateLines.length === 0,
        lateLines.length ? `out of order: ${lateLines.map((p) => p.pid).join(', ')}` : `${others.length} children checked`),
      // The parent's last look at its counter is the point this one talks about; a capped
      // runaway may end before it.
      completion(end, 'parent-counter-unchanged', "the parent's counter is unchanged by its children",
        before !== undefined && after === before,
        after === undefined ? `${before === undefined ? 'the parent never read its counter' : `the counter was ${before} before the loop`}, and the parent never read it after` : `before ${before}, after ${after}`,
        { reached: after !== undefined, point: 'before the parent read its counter at the end', involved: parent, brokenSoFar: after !== undefined && after !== before }),
    ];
    if (params.childExits) {
      const wrongParent = others.filter((p) => p.parentPid !== rootPid);
      const loopDone = after !== undefined;
      invariants.push(
        safety(end, 'children-parent', "every child's parent is the parent", wrongParent.length === 0,
          wrongParent.length ? `${wrongParent.length} processes have another parent` : `all ${others.length} children of pid ${rootPid}`),
        completion(end, 'children-count', `children created = iterations (${params.iterations})`, direct.length === params.iterations, `${direct.length} children`,
          { reached: loopDone, point: 'before the parent finished its loop', involved: parent, brokenSoFar: direct.length > (params.iterations as number) }),
        eachProcess(end, 'children-exit-0', 'every child exits 0', others, (p) => (p.exitCode === 0 ? null : `exit ${p.signal ?? p.exitCode}`),
          `all ${others.length} exit codes 0`, { reached: loopDone && others.every((p) => p.how !== null && p.how !== 'stopped'), point: 'before every child had exited' }),
      );
    } else {
      const grandchildren = others.filter((p) => p.parentPid !== rootPid);
      const expectGrand = (params.iterations as number) >= 2;
      invariants.push(completion(end, 'tree-has-grandchildren', 'the process tree shows grandchildren', !expectGrand || grandchildren.length > 0,
        `${grandchildren.length} processes were created by children${capped ? '; the cap stopped the runaway' : ''}`,
        { reached: grandchildren.length > 0, point: 'before any child made a child of its own' }));
    }
    return {
      invariants,
      result: {
        parentPid: rootPid,
        children: direct.sort((a, b) => a.startMs - b.startMs).map((p) => p.pid),
        parentCounterBefore: before ?? null,
        parentCounterAfter: after ?? null,
        capped,
        // "How many processes in all" has an answer only once the parent got to its end.
        totalProcesses: end.complete && (after !== undefined || capped) ? run.processes.length : null,
      },
    };
  },
};
