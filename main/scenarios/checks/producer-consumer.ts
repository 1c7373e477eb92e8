// producer-consumer's checks (programs: main/scenarios/programs/producer-consumer.ts): every
// name put, none taken twice or before its put, one console-lock holder at a time, and what
// the ending means: names lost with the daemons, one end marker each, or task_done() before join().
import { producerConsumerMeta } from '../../../shared/scenarios/producer-consumer';
import { namesFor } from '../../../shared/scenarios/data/producer-consumer';
import type { RunRecord } from '../../core/runs/run-record';
import { putsOn, takesFrom } from './queue-events';
import type { ProcessRecord } from '../../../shared/run-report';
import { completion, eachProcess, endingOf, howEnded, safety } from './judging';
import type { Checks } from './scenario';
import { errorOf, returned } from '../../../shared/event-values';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Replays the console lock's events: who held it when; a second holder is a violation. */
function consoleHolders(run: RunRecord): { acquisitions: number; problems: string[] } {
  let holder: number | null = null;
  let acquisitions = 0;
  const problems: string[] = [];
  for (const e of run.ops('console')) {
    if (e.op === 'acquire' && e.ph !== 'B' && returned(e) === true) {
      acquisitions++;
      if (holder !== null) problems.push(`pid ${e.pid} acquired it while pid ${holder} held it`);
      if (e.state?.owner !== e.pid) problems.push(`after pid ${e.pid}'s acquire the owner was ${e.state?.owner}`);
      holder = e.pid;
    } else if (e.op === 'release' && !errorOf(e)) {
      if (holder !== e.pid) problems.push(`pid ${e.pid} released it while pid ${holder} held it`);
      holder = null;
    }
  }
  return { acquisitions, problems };
}

export const producerConsumer: Checks<typeof producerConsumerMeta> = {
  meta: producerConsumerMeta,
  expectedStatus: (params) => (params.ending === 'none' ? 'hung' : 'completed'),
  check(run, params) {
    const ending = params.ending;
    const end = endingOf(run, { hung: ending === 'none' });
    const expected = range(params.producers).flatMap(namesFor);
    const putSeq = new Map(putsOn(run, 'names').filter((p) => p.value !== null).map((p) => [p.value as string, p.seq]));
    const takes = takesFrom(run, 'names');
    const taken = takes.filter((t) => t.value !== null);
    const consumed: Record<string, number> = {};
    const twice = new Set<string>();
    for (const t of taken) { if ((t.value as string) in consumed) twice.add(t.value as string); consumed[t.value as string] = t.pid; }
    const early = taken.filter((t) => !((putSeq.get(t.value as string) ?? Infinity) < t.seq)).map((t) => t.value as string);
    const notConsumed = expected.filter((n) => !(n in consumed));
    const missingPuts = expected.filter((n) => !putSeq.has(n));
    const inQueue = notConsumed.filter((n) => putSeq.has(n));
    const lockUse = consoleHolders(run);
    const root = run.root();
    const producers = run.byProgram('producer');
    const consumers = run.byProgram('consumer').sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    const list = (xs: string[]) => xs.join(', ');
    const allProduced = producers.length === params.producers && producers.every((p) => p.how === 'returned');
    const invariants = [
      completion(end, 'all-put', `every producer put its whole list (${expected.length} names)`, missingPuts.length === 0,
        missingPuts.length ? `never put: ${list(missingPuts)}` : `${putSeq.size} names put`,
        { reached: missingPuts.length === 0 || allProduced, point: 'before every producer had put its list', involved: producers }),
      safety(end, 'no-name-twice', 'no name consumed twice', twice.size === 0, twice.size ? `taken twice: ${list([...twice])}` : `${taken.length} names taken, none twice`),
      safety(end, 'none-before-put', 'no name consumed before it was put', early.length === 0,
        early.length ? `taken before its put: ${list(early)}` : 'every get that took a name comes after the put of that name'),
      safety(end, 'one-console-holder', 'at most one console-lock holder at any time', lockUse.problems.length === 0,
        lockUse.problems.length ? lockUse.problems.join('; ') : `${lockUse.acquisitions} acquisitions, never two holders`),
    ];
    const notes: string[] = [];
    // Names are lost when the parent exits and its daemon consumers die with it; other endings
    // lose none once the run is over. Either way only a run that got there can say which.
    const parentExited = root?.how === 'returned';
    const lostKnown = ending === 'daemon' ? parentExited : end.complete;
    if (ending === 'daemon') {
      const states = run.ops('names').filter((e) => e.state?.size !== undefined);
      const left = states.length ? states[states.length - 1].state!.size! : 0;
      const parentGone = { reached: parentExited, point: 'before the parent exited', involved: root ? [root] : [] };
      const asDaemons = consumers.filter((c) => c.how === 'daemon');
      const ends = [...new Set(asDaemons.map((c) => c.signal ?? `exit code ${c.exitCode}`))].join(', ');
      const before = (c: ProcessRecord) => (c.endMs !== null && root?.endMs != null && c.endMs <= root.endMs
        ? `, ${((root.endMs - c.endMs) / 1000).toFixed(2)} s before the parent exited` : '');
      invariants.push(
        completion(end, 'lost-listed', 'the names left in the queue when the parent exited are listed as lost', notConsumed.length === left,
          `${left} left in the queue, ${notConsumed.length} listed as lost${notConsumed.length ? `: ${list(notConsumed)}` : ''}`, parentGone),
        parentExited
          ? eachProcess(end, 'daemons-ended', 'the daemon consumers were terminated when the parent exited', consumers,
            (c) => (c.how === 'daemon' ? null : `ended ${c.how}, not as a daemon with the parent`),
            `${asDaemons.length} ended as daemons when the parent exited${ends ? ` (${ends})` : ''}`,
            { reached: true, describe: (c) => `${howEnded(end, c)}${before(c)}` })
          : completion(end, 'daemons-ended', 'the daemon consumers were terminated when the parent exited', false, '', parentGone),
      );
      if (parentExited) {
        notes.push(notConsumed.length
          ? `The parent exited with ${notConsumed.length} name(s) still in the queue (${list(notConsumed)}); its daemon consumers were terminated with it, so those names were lost.`
          : 'This time every name was taken before the parent exited, so none was lost; the daemon consumers were still terminated with the parent.');
      } else {
        const cause = root && (root.how === 'crashed' || root.how === 'raised' || root.how === 'cap')
          ? `${howEnded(end, root)}, so it never exited as its program meant` : `${end.why} before the parent exited`;
        notes.push(`${cause[0].toUpperCase()}${cause.slice(1)}: ${inQueue.length} name(s) were in the queue${inQueue.length ? ` (${list(inQueue)})` : ''} `
          + `and ${missingPuts.length} were never put${missingPuts.length ? ` (${list(missingPuts)})` : ''}. `
          + 'Names are lost only when the parent exits and its daemon consumers die with it: this run did not get that far.');
      }
    } else {
      invariants.push(completion(end, 'each-once', 'every name consumed exactly once', notConsumed.length === 0 && twice.size === 0,
        twice.size ? `taken twice: ${list([...twice])}` : notConsumed.length ? `never consumed: ${list(notConsumed)}` : `${expected.length} names, each taken once`,
        { brokenSoFar: twice.size > 0, point: 'before every name could be consumed', involved: [...producers, ...consumers] }));
    }
    if (ending === 'poison-pill') {
      const pills = (c: ProcessRecord) => takes.filter((t) => t.pid === c.pid && t.value === null).length;
      invariants.push(eachProcess(end, 'one-pill-each', 'each consumer took exactly one end marker and exited 0', consumers,
        (c) => (pills(c) !== 1 || c.exitCode !== 0 ? `${pills(c)} end markers, exit ${c.signal ?? c.exitCode}` : null),
        `${consumers.length} end markers, ${consumers.length} clean exits`, { point: 'before every consumer had taken its end marker' }));
    }
    if (ending === 'joinable') {
      const dones = run.ops('names', 'task_done').filter((e) => !errorOf(e)).length;
      const joins = run.ops('names', 'join').filter((e) => e.ph !== 'B');
      const ok = dones === expected.length && joins.length === params.producers && joins.every((e) => e.state?.unfinished === 0);
      invariants.push(completion(end, 'all-done-before-join', 'task_done() once per name, and each producer\'s join() returned with no name unfinished', ok,
        `${dones} task_done() calls; ${joins.length} joins returned, unfinished then: ${joins.map((e) => e.state?.unfinished).join(', ')}`,
        { brokenSoFar: joins.some((e) => e.state?.unfinished !== 0), point: 'before every producer\'s join() returned', involved: [...producers, ...consumers] }));
    }
    if (ending === 'none') {
      const blocked = consumers.filter((c) => run.hang?.blocked.some((b) => b.pid === c.pid && b.op === 'get' && b.obj === 'names'));
      invariants.push(completion(end, 'consumers-blocked', 'the run hangs with every consumer blocked in get()', !!run.hang && blocked.length === consumers.length,
        `status ${run.status}; ${blocked.length} of ${consumers.length} consumers blocked in get() on names`, { point: 'before it could hang', involved: consumers }));
      if (run.hang) {
        notes.push(`No end signal was sent: no end marker and no daemon flag, so ${list(blocked.map((c) => `${c.name} (pid ${c.pid})`))} `
          + 'stayed blocked in get() on the empty queue, and the parent waited for them at exit for ever.');
      }
    }
    const unprinted = Object.entries(consumed).filter(([n, pid]) => !run.prints(pid).some((e) => e.text === `${pid} got ${n}`));
    for (const c of consumers) {
      const mine = unprinted.filter(([, pid]) => pid === c.pid).map(([n]) => n);
      if (!mine.length) continue;
      notes.push(c.how === 'daemon' ? `${list(mine)}: taken from the queue, but the consumer was terminated before it could print it.`
        : `${list(mine)}: taken from the queue, but ${howEnded(end, c)}, before it could print it.`);
    }
    const result = {
      ending, producedCount: putSeq.size, consumedCount: Object.keys(consumed).length,
      lostCount: lostKnown ? notConsumed.length : null, consumed, lost: lostKnown ? notConsumed : null, inQueue, neverPut: missingPuts,
    };
    return { invariants, result, notes };
  },
};
