// producer-consumer: producers put names on a Queue, twice as many consumers take them for
// ever; `ending` picks how the consumers stop (daemons, poison pills, JoinableQueue, or not at all).
import { producerConsumerMeta } from '../../shared/scenarios/producer-consumer';
import type { RunRecord } from '../core/runs/run-record';
import type { JoinableQueue, Lock, Queue } from '../worker/handles';
import { putsOn, takesFrom } from './queue-events';
import { invariant, type Scenario } from './scenario';

type Ending = 'daemon' | 'poison-pill' | 'joinable' | 'none';
const LISTS = [
  ['Ada', 'Basil', 'Cora', 'Dmitri'],
  ['Elsa', 'Femi', 'Gwen', 'Hugo', 'Ines'],
  ['Jonas', 'Keiko', 'Luca', 'Mira', 'Nico'],
];
/** Producer i's names: the lists in turn; later rounds carry a number so every name is unique. */
const namesFor = (i: number) => LISTS[i % 3].map((n) => (i < 3 ? n : `${n} ${Math.floor(i / 3) + 1}`));
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

/** Replays the console lock's events: who held it when; a second holder is a violation. */
function consoleHolders(run: RunRecord): { acquisitions: number; problems: string[] } {
  let holder: number | null = null;
  let acquisitions = 0;
  const problems: string[] = [];
  for (const e of run.ops('console')) {
    if (e.op === 'acquire' && e.ph !== 'B' && e.res === 'true') {
      acquisitions++;
      if (holder !== null) problems.push(`pid ${e.pid} acquired it while pid ${holder} held it`);
      if (e.state?.owner !== e.pid) problems.push(`after pid ${e.pid}'s acquire the owner was ${e.state?.owner}`);
      holder = e.pid;
    } else if (e.op === 'release' && e.res === 'null') {
      if (holder !== e.pid) problems.push(`pid ${e.pid} released it while pid ${holder} held it`);
      holder = null;
    }
  }
  return { acquisitions, problems };
}

export const producerConsumer: Scenario = {
  meta: producerConsumerMeta,
  programs: {
    main: async (lab) => {
      const { producers, consumersPerProducer, ending } = lab.params as { producers: number; consumersPerProducer: number; ending: Ending };
      const q = ending === 'joinable' ? lab.joinableQueue({ name: 'names' }) : lab.queue({ name: 'names' });
      const lock = lab.lock({ name: 'console' });
      const ps = await lab.startAll('producer', range(producers).map((i) => [q, lock, namesFor(i)]),
        { names: range(producers).map((i) => `producer-${i + 1}`) });
      const n = producers * consumersPerProducer;
      // Daemons die with the parent: the seed's way out of the consumers' endless loop.
      const cs = await lab.startAll('consumer', range(n).map(() => [q, lock]),
        { daemon: ending === 'daemon' || ending === 'joinable', names: range(n).map((i) => `consumer-${i + 1}`) });
      await lab.joinAll(ps);
      if (ending === 'poison-pill') {
        for (let i = 0; i < cs.length; i++) await q.put(null); // one end marker per consumer
        await lab.joinAll(cs);
      }
      await lock.with(() => lab.print('Parent process exiting...'));
    },
    producer: async (lab, q: Queue, lock: Lock, names: string[]) => {
      await lock.with(() => lab.print(`Starting producer => ${lab.pid}`));
      for (const name of names) {
        await lab.sleep(lab.randint(0, lab.params.sleepMaxUnits as number));
        await q.put(name);
      }
      if (lab.params.ending === 'joinable') {
        await lock.with(() => lab.print(`Producer ${lab.pid} waits in join() until every name is done`));
        await (q as JoinableQueue).join();
      }
      await lock.with(() => lab.print(`Producer ${lab.pid} exiting...`));
    },
    consumer: async (lab, q: Queue, lock: Lock) => {
      await lock.with(() => lab.print(`Starting consumer => ${lab.pid}`));
      for (;;) {
        await lab.sleep(lab.randint(0, lab.params.sleepMaxUnits as number));
        const name = await q.get<string | null>(); // waits while the queue is empty
        if (name === null) return lock.with(() => lab.print(`${lab.pid} got the end marker, exiting`));
        await lock.with(() => lab.print(`${lab.pid} got ${name}`));
        if (lab.params.ending === 'joinable') await (q as JoinableQueue).taskDone();
      }
    },
  },
  expectedStatus: (params) => (params.ending === 'none' ? 'hung' : 'completed'),
  check(run, params) {
    const ending = params.ending as Ending;
    const expected = range(params.producers as number).flatMap(namesFor);
    const putSeq = new Map(putsOn(run, 'names').filter((p) => p.value !== null).map((p) => [p.value as string, p.seq]));
    const takes = takesFrom(run, 'names');
    const taken = takes.filter((t) => t.value !== null);
    const consumed: Record<string, number> = {};
    const twice = new Set<string>();
    for (const t of taken) { if ((t.value as string) in consumed) twice.add(t.value as string); consumed[t.value as string] = t.pid; }
    const early = taken.filter((t) => !((putSeq.get(t.value as string) ?? Infinity) < t.seq)).map((t) => t.value as string);
    const lost = expected.filter((n) => !(n in consumed));
    const missingPuts = expected.filter((n) => !putSeq.has(n));
    const lockUse = consoleHolders(run);
    const consumers = run.byProgram('consumer').sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
    const list = (xs: string[]) => xs.join(', ');
    const invariants = [
      invariant('all-put', `every producer put its whole list (${expected.length} names)`, missingPuts.length === 0,
        missingPuts.length ? `never put: ${list(missingPuts)}` : `${putSeq.size} names put`),
      invariant('no-name-twice', 'no name consumed twice', twice.size === 0, twice.size ? `taken twice: ${list([...twice])}` : `${taken.length} names taken, none twice`),
      invariant('none-before-put', 'no name consumed before it was put', early.length === 0,
        early.length ? `taken before its put: ${list(early)}` : 'every get that took a name comes after the put of that name'),
      invariant('one-console-holder', 'at most one console-lock holder at any time', lockUse.problems.length === 0,
        lockUse.problems.length ? lockUse.problems.join('; ') : `${lockUse.acquisitions} acquisitions, never two holders`),
    ];
    const notes: string[] = [];
    if (ending === 'daemon') {
      const states = run.ops('names').filter((e) => e.state?.size !== undefined);
      const left = states.length ? states[states.length - 1].state!.size! : 0;
      const notKilled = consumers.filter((c) => c.signal === null);
      invariants.push(
        invariant('lost-listed', 'the names left in the queue when the parent exited are listed as lost', lost.length === left,
          `${left} left in the queue, ${lost.length} listed as lost${lost.length ? `: ${list(lost)}` : ''}`),
        invariant('daemons-ended', 'the daemon consumers were terminated when the parent exited', notKilled.length === 0,
          notKilled.length ? `not terminated: ${list(notKilled.map((c) => c.name))}` : `${consumers.length} consumer(s) ended by ${consumers[0]?.signal ?? '-'}`),
      );
      notes.push(lost.length
        ? `The parent exited with ${lost.length} name(s) still in the queue (${list(lost)}); its daemon consumers were terminated with it, so those names were lost.`
        : 'This time every name was taken before the parent exited, so none was lost; the daemon consumers were still terminated with the parent.');
      const unprinted = Object.entries(consumed).filter(([n, pid]) => !run.prints(pid).some((e) => e.text === `${pid} got ${n}`)).map(([n]) => n);
      if (unprinted.length) notes.push(`${list(unprinted)}: taken from the queue, but the consumer was terminated before it could print it.`);
    } else {
      invariants.push(invariant('each-once', 'every name consumed exactly once', lost.length === 0 && twice.size === 0,
        lost.length ? `never consumed: ${list(lost)}` : `${expected.length} names, each taken once`));
    }
    if (ending === 'poison-pill') {
      const wrong = consumers.filter((c) => takes.filter((t) => t.pid === c.pid && t.value === null).length !== 1 || c.exitCode !== 0);
      invariants.push(invariant('one-pill-each', 'each consumer took exactly one end marker and exited 0', wrong.length === 0,
        wrong.length ? `not so for: ${list(wrong.map((c) => c.name))}` : `${consumers.length} end markers, ${consumers.length} clean exits`));
    }
    if (ending === 'joinable') {
      const dones = run.ops('names', 'task_done').filter((e) => e.res === 'null').length;
      const joins = run.ops('names', 'join').filter((e) => e.ph !== 'B');
      const ok = dones === expected.length && joins.length === (params.producers as number) && joins.every((e) => e.state?.unfinished === 0);
      invariants.push(invariant('all-done-before-join', 'task_done() once per name, and each producer\'s join() returned with no name unfinished', ok,
        `${dones} task_done() calls; ${joins.length} joins returned, unfinished then: ${joins.map((e) => e.state?.unfinished).join(', ')}`));
    }
    if (ending === 'none') {
      const blocked = consumers.filter((c) => run.hang?.blocked.some((b) => b.pid === c.pid && b.op === 'get' && b.obj === 'names'));
      invariants.push(invariant('consumers-blocked', 'the run hangs with every consumer blocked in get()', run.status === 'hung' && blocked.length === consumers.length,
        `status ${run.status}; ${blocked.length} of ${consumers.length} consumers blocked in get() on names`));
      notes.push(`No end signal was sent: no end marker and no daemon flag, so ${list(blocked.map((c) => `${c.name} (pid ${c.pid})`))} ` +
        'stayed blocked in get() on the empty queue, and the parent waited for them at exit for ever.');
    }
    const result = { ending, producedCount: putSeq.size, consumedCount: Object.keys(consumed).length, lostCount: lost.length, consumed, lost };
    return { invariants, result, notes };
  },
};
