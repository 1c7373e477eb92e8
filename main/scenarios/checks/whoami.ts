// whoami's checks (programs: main/scenarios/programs/whoami.ts): children exit 0, the order of
// the lines as it happened, every line printed under the lock, the parent exiting last.
import { whoamiMeta } from '../../../shared/scenarios/whoami';
import { EXIT_LINE } from '../../../shared/scenarios/data/whoami';
import { completion, eachProcess, endingOf, safety } from './judging';
import type { Checks } from './scenario';

export const whoami: Checks<typeof whoamiMeta> = {
  meta: whoamiMeta,
  check(run, params) {
    const end = endingOf(run);
    const root = run.root();
    const kids = run.processes.filter((p) => p.parentPid !== null);
    const everyone = run.processes;
    const prints = run.prints();
    const labelOf = (text = '') => (text === EXIT_LINE ? 'exit' : text.split(':')[0]);
    const order = prints.map((e) => labelOf(e.text));
    const exitAt = order.indexOf('exit');
    const after = exitAt < 0 ? [] : order.slice(exitAt + 1);
    const unlocked = run.notUnderLock('print-lock', prints);
    const joinedAt = order.indexOf('spawned child');
    const rootExit = root && run.life(root.pid, 'exited');
    const parentExited = root?.how === 'returned';
    const lateKids = kids.filter((p) => !rootExit || (run.life(p.pid, 'exited')?.seq ?? Infinity) > rootExit.seq);
    const expectedLines = 3 + params.children;
    const want = 1 + params.children;
    return {
      invariants: [
        kids.length === want
          ? eachProcess(end, 'children-exit-0', 'all children exit 0', kids, (p) => (p.exitCode === 0 ? null : `exit ${p.signal ?? p.exitCode}`),
            `${kids.length} children, all exit codes 0`, { point: 'before every child had exited' })
          : completion(end, 'children-exit-0', 'all children exit 0', false, `${kids.length} of ${want} children started`,
            { point: 'before every child had started', involved: root ? [root] : [] }),
        completion(end, 'order-shown', 'the children\'s lines may follow the parent\'s exit line; the report shows the order that happened',
          prints.length === expectedLines && exitAt >= 0,
          `${prints.length} of ${expectedLines} lines; ${after.length} after the parent's exit line${after.length ? ` (${after.join(', ')})` : ''}`,
          { reached: prints.length === expectedLines, point: `before all ${expectedLines} lines were printed`, involved: everyone }),
        completion(end, 'joined-child-first', 'the joined child\'s line comes right after the direct call, before the later children and the exit line',
          joinedAt === 1 && order[0] === 'function call', `order: ${order.join(' → ')}`,
          { reached: order.length >= 2, point: 'before the joined child printed', involved: everyone.filter((p) => p.parentPid === null || p.pid === kids[0]?.pid) }),
        safety(end, 'prints-under-lock', 'every line is printed while its process holds the print lock', unlocked.length === 0,
          unlocked.length ? `${unlocked.length} lines printed without the lock` : `all ${prints.length} lines printed under the lock`),
        completion(end, 'parent-waits-for-children', 'the parent process exits only after all its children have', !!rootExit && lateKids.length === 0,
          lateKids.length ? `still running when the parent exited: ${lateKids.map((p) => p.name).join(', ')}` : `parent exited at ${rootExit ? rootExit.t : '?'} µs, after its ${kids.length} children`,
          { reached: parentExited, point: 'before the parent exited', involved: everyone }),
      ],
      result: {
        parentPid: root?.pid ?? null,
        order,
        // How many came after the exit line is known once no child can print any more.
        linesAfterParentExit: parentExited && exitAt >= 0 ? after.length : null,
        pids: Object.fromEntries(prints.map((e) => [labelOf(e.text), e.pid])),
      },
      notes: after.length && parentExited ? [`${after.length} of the ${params.children} unjoined children printed after the parent's exit line (${after.join(', ')}); the parent process still waited for them before exiting.`] : [],
    };
  },
};
