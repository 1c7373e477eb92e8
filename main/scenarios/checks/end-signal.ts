// end-signal's checks (programs: main/scenarios/programs/end-signal.ts): every dish eaten once,
// and what each variant's way of stopping (or not) means: a hang with the consumer blocked in
// get(), one None per consumer after the producers were joined, or task_done() before join()
// with daemon consumers ended by the parent's exit.
import { endSignalMeta } from '../../../shared/scenarios/end-signal';
import { MAIN_LINE, cast, dishesOf } from '../../../shared/scenarios/data/end-signal';
import type { LabEvent } from '../../../shared/events';
import type { ProcessRecord } from '../../../shared/run-report';
import { errorOf } from '../../../shared/event-values';
import type { RunRecord } from '../../core/runs/run-record';
import { putsOn, takesFrom } from './queue-events';
import { completion, eachProcess, endingOf, safety } from './judging';
import type { Checks } from './scenario';

const QUEUE = 'queue';
const list = (xs: readonly string[]) => xs.join(', ');

/** The ends of the parent's joins of `procs` (X when the child had already exited, else E). */
function joinEnds(run: RunRecord, parent: number | undefined, procs: readonly ProcessRecord[]): LabEvent[] {
  const joined = new Set(procs.map((p) => `proc:${p.pid}`));
  return run.events.filter((e) => e.kind === 'op' && e.op === 'join' && e.pid === parent && e.ph !== 'B' && joined.has(e.obj ?? ''));
}

/** The seq of the last of `joins`; Infinity when there is none (nothing came after it). */
function lastSeq(joins: readonly LabEvent[]): number {
  return joins.length ? Math.max(...joins.map((e) => e.seq)) : Infinity;
}

export const endSignal: Checks<typeof endSignalMeta> = {
  meta: endSignalMeta,
  expectedStatus: (params) => (params.variant === 'no-signal' ? 'hung' : 'completed'),
  check(run, params) {
    const variant = params.variant;
    const end = endingOf(run, { hung: variant === 'no-signal' });
    const { cooks, eaters } = cast(variant);
    const expected = cooks.flatMap((c) => dishesOf(c.food));
    const root = run.root();
    const producers = run.byProgram('producer');
    const consumers = run.byProgram('consumer');
    const everyone = [...producers, ...consumers];
    const puts = putsOn(run, QUEUE);
    const putSeq = new Map(puts.filter((p) => p.value !== null).map((p) => [p.value as string, p.seq]));
    const nones = puts.filter((p) => p.value === null);
    const takes = takesFrom(run, QUEUE);
    const dishes = takes.filter((t) => t.value !== null);
    const eaten: Record<string, string> = {};
    const twice = new Set<string>();
    const names = new Map(run.processes.map((p) => [p.pid, p.name]));
    for (const t of dishes) {
      if ((t.value as string) in eaten) twice.add(t.value as string);
      eaten[t.value as string] = names.get(t.pid) ?? `pid ${t.pid}`;
    }
    const early = dishes.filter((t) => !((putSeq.get(t.value as string) ?? Infinity) < t.seq)).map((t) => t.value as string);
    const notEaten = expected.filter((d) => !(d in eaten));
    const output = run.output();
    const mainAt = output.findIndex((o) => o.pid === root?.pid && o.text === MAIN_LINE);
    const mainPrint = run.prints(root?.pid).find((e) => e.text === MAIN_LINE);
    const parentJoins = joinEnds(run, root?.pid, producers);
    const allStarted = producers.length === cooks.length && consumers.length === eaters.length;

    const invariants = [
      safety(end, 'no-dish-twice', 'no dish eaten twice', twice.size === 0, twice.size ? `taken twice: ${list([...twice])}` : `${dishes.length} dishes taken, none twice`),
      safety(end, 'eaten-after-cooked', 'no dish taken before it was put', early.length === 0,
        early.length ? `taken before its put: ${list(early)}` : 'every get that took a dish comes after the put of that dish'),
      completion(end, 'each-eaten-once', `every dish eaten exactly once (${expected.length})`, notEaten.length === 0 && twice.size === 0,
        twice.size ? `taken twice: ${list([...twice])}` : notEaten.length ? `never eaten: ${list(notEaten)}` : `${expected.length} dishes, each eaten once`,
        { brokenSoFar: twice.size > 0, point: 'before every dish could be eaten', involved: everyone }),
    ];
    const notes: string[] = [];

    if (variant === 'no-signal') {
      const joinedFirst = mainPrint ? joinEnds(run, root?.pid, everyone).filter((e) => e.seq < mainPrint.seq).length : 0;
      invariants.push(completion(end, 'main-line-at-once', `the parent prints "${MAIN_LINE}" without joining anyone`, !!mainPrint && joinedFirst === 0,
        mainPrint ? `printed as line ${mainAt + 1} of ${output.length}; ${joinedFirst} joins before it` : 'never printed',
        { reached: !!mainPrint, point: `before the parent printed "${MAIN_LINE}"`, involved: root ? [root] : [] }));
      const blocked = consumers.filter((c) => run.hang?.blocked.some((b) => b.pid === c.pid && b.op === 'get' && b.obj === QUEUE));
      const parentWaits = !!root && !!run.hang?.blocked.some((b) => b.pid === root.pid && b.op === 'atexit');
      invariants.push(completion(end, 'consumer-blocked', 'the run hangs: the consumer waits in get() for ever, the parent for it at exit',
        !!run.hang && blocked.length === consumers.length && consumers.length === eaters.length && parentWaits,
        `status ${run.status}; ${blocked.length} of ${eaters.length} consumer(s) blocked in get() on ${QUEUE}; the parent ${parentWaits ? 'waits' : 'does not wait'} at exit`,
        { point: 'before it could hang', involved: consumers }));
      if (run.hang) {
        notes.push(`Nothing told the consumer to stop: ${list(blocked.map((c) => `${c.name} (pid ${c.pid})`))} ate every dish and then waited `
          + 'in get() on the empty queue, and the parent, its program done, waited for it at exit for ever.');
      }
    } else {
      const joinedAll = parentJoins.length === producers.length && producers.length === cooks.length;
      const ok = joinedAll && !!mainPrint && lastSeq(parentJoins) < mainPrint.seq;
      invariants.push(completion(end, 'main-line-after-joins', `the parent prints "${MAIN_LINE}" after joining every producer`, ok,
        mainPrint ? `${parentJoins.length} of ${cooks.length} producer joins ended before it; printed as line ${mainAt + 1} of ${output.length}` : 'never printed',
        { reached: !!mainPrint, point: `before the parent printed "${MAIN_LINE}"`, involved: root ? [root, ...producers] : producers }));
    }

    if (variant === 'one-none' || variant === 'none-per-consumer') {
      const tooSoon = nones.filter((n) => n.seq < lastSeq(parentJoins));
      invariants.push(
        safety(end, 'none-after-joins', 'every None is put after the parent joined every producer', tooSoon.length === 0 && (nones.length === 0 || parentJoins.length === cooks.length),
          `${nones.length} None(s) put, ${tooSoon.length} before the last producer's join ended`),
        completion(end, 'one-none-each', `one None per consumer (${eaters.length}), put by the parent`, nones.length === eaters.length && nones.every((n) => n.pid === root?.pid),
          `${nones.length} put`, { reached: nones.length >= eaters.length, point: 'before the parent put its end signals', involved: root ? [root] : [] }),
      );
      const took = (c: ProcessRecord) => takes.filter((t) => t.pid === c.pid && t.value === null).length;
      invariants.push(eachProcess(end, 'left-after-none', 'each consumer takes exactly one None and exits 0', consumers,
        (c) => (took(c) !== 1 || c.exitCode !== 0 ? `${took(c)} None(s), exit ${c.signal ?? c.exitCode}` : null),
        `${consumers.length} consumer(s), one None each, exit 0`, { point: 'before every consumer had taken its None' }));
    }

    if (variant === 'joinable-daemons') {
      const dones = run.ops(QUEUE, 'task_done').filter((e) => !errorOf(e)).length;
      const joins = run.ops(QUEUE, 'join').filter((e) => e.ph !== 'B' && !errorOf(e));
      const ok = dones === expected.length && joins.length === cooks.length && joins.every((e) => e.state?.unfinished === 0);
      invariants.push(completion(end, 'done-before-join', 'task_done() once per dish, and each producer\'s join() returns with no dish unfinished', ok,
        `${dones} task_done() call(s); ${joins.length} join(s) returned, unfinished then: ${joins.map((e) => e.state?.unfinished).join(', ') || 'none'}`,
        { brokenSoFar: joins.some((e) => e.state?.unfinished !== 0), reached: joins.length === cooks.length, point: 'before every producer\'s join() returned', involved: everyone }));
      const ateAfter = mainPrint ? run.prints().filter((e) => / Ate /.test(e.text ?? '') && e.seq > mainPrint.seq).length : 0;
      invariants.push(completion(end, 'eaten-before-main-line', `every dish is eaten before the parent prints "${MAIN_LINE}"`, !!mainPrint && ateAfter === 0 && notEaten.length === 0,
        mainPrint ? `${Object.keys(eaten).length} eaten, ${ateAfter} "Ate" line(s) after it` : 'never printed',
        { reached: !!mainPrint, point: `before the parent printed "${MAIN_LINE}"`, involved: everyone }));
      const parentExited = root?.how === 'returned';
      invariants.push(parentExited || end.complete
        ? eachProcess(end, 'daemons-ended', 'the daemon consumers are ended when the parent exits', consumers,
          (c) => (c.how === 'daemon' ? null : `ended ${c.how}, not as a daemon with the parent`), `${consumers.length} ended as daemons`, { reached: parentExited })
        : completion(end, 'daemons-ended', 'the daemon consumers are ended when the parent exits', false, '', { point: 'before the parent exited', involved: root ? [root] : [] }));
    }

    const result = {
      variant,
      endsOnItsOwn: end.complete && allStarted ? run.status === 'completed' : null,
      eaten, notEaten, nonesPut: nones.length,
      mainLine: mainAt >= 0 ? mainAt + 1 : null,
    };
    return { invariants, result, notes };
  },
};
