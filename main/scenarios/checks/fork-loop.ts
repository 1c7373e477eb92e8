// fork-loop's checks (the programs: main/scenarios/programs/fork-loop.ts): the cap holds, each
// child's line follows its creation, the parent's counter counts its own children only, and the process tree
// has the shape childExits gives it.
import { forkLoopMeta } from '../../../shared/scenarios/fork-loop';
import { completion, eachProcess, endingOf, safety } from './judging';
import type { Checks } from './scenario';

export const forkLoop: Checks<typeof forkLoopMeta> = {
  meta: forkLoopMeta,
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
      safety(end, 'total-within-cap', `total processes <= maxProcesses (${params.maxProcesses})`, run.processes.length <= params.maxProcesses,
        `${run.processes.length} processes`),
      safety(end, 'child-line-after-creation', "each child's line comes after it was created", lateLines.length === 0,
        lateLines.length ? `out of order: ${lateLines.map((p) => p.pid).join(', ')}` : `${others.length} children checked`),
      // The parent's last look at its counter is the point this one talks about; a capped
      // runaway may end before it. It counts the parent's own children: whatever the children
      // did with their copies never reaches it.
      completion(end, 'parent-counter-unchanged', "the parent's counter is unchanged by its children: it counts the parent's own children, whatever the children did with their copies",
        before !== undefined && after === before + direct.length,
        after === undefined ? `${before === undefined ? 'the parent never read its counter' : `the counter was ${before} before the loop`}, and the parent never read it after`
          : `before ${before}, after ${after}; the parent made ${direct.length} children`,
        { reached: after !== undefined, point: 'before the parent read its counter at the end', involved: parent, brokenSoFar: after !== undefined && after !== (before ?? 0) + direct.length }),
    ];
    if (params.childExits) {
      const wrongParent = others.filter((p) => p.parentPid !== rootPid);
      const loopDone = after !== undefined;
      invariants.push(
        safety(end, 'children-parent', "every child's parent is the parent", wrongParent.length === 0,
          wrongParent.length ? `${wrongParent.length} processes have another parent` : `all ${others.length} children of pid ${rootPid}`),
        completion(end, 'children-count', `children created = iterations (${params.iterations})`, direct.length === params.iterations, `${direct.length} children`,
          { reached: loopDone, point: 'before the parent finished its loop', involved: parent, brokenSoFar: direct.length > params.iterations }),
        eachProcess(end, 'children-exit-0', 'every child exits 0', others, (p) => (p.exitCode === 0 ? null : `exit ${p.signal ?? p.exitCode}`),
          `all ${others.length} exit codes 0`, { reached: loopDone && others.every((p) => p.how !== null && p.how !== 'stopped'), point: 'before every child had exited' }),
      );
    } else {
      const grandchildren = others.filter((p) => p.parentPid !== rootPid);
      const expectGrand = params.iterations >= 2;
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
