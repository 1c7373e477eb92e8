// shared-memory's checks (programs: main/scenarios/programs/shared-memory.ts): the final Array
// and Value, lost updates explained by stale reads, globals never shared, children seeing
// the updates made before they started.
import { sharedMemoryMeta } from '../../../shared/scenarios/shared-memory';
import type { Seen } from '../../../shared/scenarios/data/shared-memory';
import type { RunRecord } from '../../core/runs/run-record';
import { completion, endingOf, safety } from './judging';
import type { Checks } from './scenario';
import { resultNote, returned } from '../../../shared/event-values';

export const sharedMemory: Checks<typeof sharedMemoryMeta> = {
  meta: sharedMemoryMeta,
  check(run, params) {
    const end = endingOf(run);
    const { procs: p, raceIncrements: n, useLock } = params;
    const rootPid = run.root()?.pid;
    const seen = run.events.map(resultNote).filter((r): r is [string, unknown] => !!r && r[0].startsWith('seen:')).map((r) => r[1] as Seen);
    const parent = (label: string) => seen.find((s) => s.pid === rootPid && s.label === label);
    const last = parent('parent end');
    // The parent's last look at the Value and Array is the point the final-value properties talk about.
    const atEnd = { reached: last !== undefined, point: 'before the parent\'s last look at the Value and Array', involved: run.processes };
    const expectedValue = 4 * p + 2 * p * n;
    const expectedArray = new Array<number>(p).fill(2 + 2 * p);
    const lostUpdates = last?.value === undefined ? null : expectedValue - last.value;
    const { lost: lostInEvents, byPid: overwrites } = staleWrites(run);
    const children = seen.filter((s) => s.pid !== rootPid);
    const expectGlobal = expectedGlobals(run, rootPid, p, params.startMethod);
    const wrongGlobals = children.filter((s) => s.global !== expectGlobal(s));
    const parentGlobal = last?.global;
    const late = children.filter((s) => s.value !== undefined && s.value < (valueAtStart(run, s.pid) ?? Infinity));
    const names = new Map(run.processes.map((x) => [x.pid, x.name]));
    const valueDesc = n === 0 ? `the Value ends at ${expectedValue}` : useLock
      ? `with the lock, no update is lost: the Value ends at ${expectedValue}`
      : `without the lock, the Value ends at ${expectedValue} minus the updates lost in the race`;
    const notes: string[] = [];
    if (n > 0 && lostUpdates !== null) {
      const who = [...overwrites].map(([pid, k]) => `${names.get(pid)} (pid ${pid}) ${k}`).join(', ');
      notes.push(lostUpdates > 0
        ? `Lost updates: expected ${expectedValue} but the Value ended at ${last!.value}: ${lostUpdates} increments were lost. `
          + 'Each time, a racer read the Value, another one wrote to it, and the first then wrote back its own old read plus one, '
          + `wiping out the other's work. Writes made over such a stale read: ${who}.`
        : `No update was lost: the Value ended at the expected ${expectedValue}${useLock ? ', because every increment held the lock' : '; this time the unlocked increments did not collide (try a larger raceIncrements)'}.`);
    }
    return {
      invariants: [
        completion(end, 'array-final', `the Array ends at [${expectedArray.join(', ')}]`, JSON.stringify(last?.array) === JSON.stringify(expectedArray),
          `the parent's last look: [${last?.array?.join(', ') ?? 'none'}]`, atEnd),
        completion(end, 'value-final', valueDesc, lostUpdates !== null && (n === 0 || useLock ? lostUpdates === 0 : lostUpdates >= 0),
          `expected ${expectedValue}, the Value ended at ${last?.value ?? 'unknown'}${lostUpdates ? `: ${lostUpdates} lost` : ''}`, atEnd),
        completion(end, 'lost-updates-explained', 'every lost update was overwritten by a write based on a stale read', lostUpdates === lostInEvents,
          `${lostUpdates} missing from the total; replaying the Value's events, writes over stale reads account for ${lostInEvents}`, atEnd),
        completion(end, 'globals-not-shared', params.startMethod === 'fork'
          ? "each child's global is the copy it started with (the parent's count at its start, plus its own += 1), never a later change; the parent's shows only its own"
          : "each child's global starts fresh at 0 (spawn), never showing the parent's changes; the parent's shows only its own",
          wrongGlobals.length === 0 && parentGlobal === 2 * p,
          `${children.length} children: ${wrongGlobals.length ? `unexpected globals in ${wrongGlobals.map((s) => `${names.get(s.pid)}: ${s.global}, not ${expectGlobal(s)}`).join(', ')}` : params.startMethod === 'fork'
            ? `each reader showed the parent's count as it started (${GLOBALS_FORK(p).join(', ')}), each updater that plus its own += 1 (${2 * p + 1})`
            : 'global 0 in every reader, 1 in every updater (its own += 1)'}; `
            + `the parent's global ended at ${parentGlobal ?? 'unknown'}`, { ...atEnd, brokenSoFar: wrongGlobals.length > 0 }),
        safety(end, 'children-see-updates', 'every child sees the shared updates made before it started', late.length === 0,
          late.length ? `stale reads in ${late.map((s) => names.get(s.pid)).join(', ')}` : `${children.filter((s) => s.value !== undefined).length} readers saw them`),
      ],
      result: {
        value: last?.value ?? null, array: last?.array ?? null, expectedValue, lostUpdates,
        globalsSeen: seen.map((s) => ({ label: s.label, name: names.get(s.pid), pid: s.pid, global: s.global })),
      },
      notes,
    };
  },
};

/** What the readers' globals show under fork: the parent's count when each started (child, loop 1, loop 2). */
const GLOBALS_FORK = (p: number): number[] => Array.from({ length: 2 * p + 1 }, (_, i) => i);

/**
 * The global each child should show. Under fork a child starts with the parent's count as it
 * was at start(): the parent adds one before each child of loops 1 and 2, so the j-th child
 * (in creation order) reads j, and an updater (loops 3 and 4, after the parent's 2p) shows
 * 2p + 1 after its own += 1. Under spawn every child starts at 0: readers 0, updaters 1.
 */
function expectedGlobals(run: RunRecord, rootPid: number | undefined, p: number, method: 'fork' | 'spawn'): (s: Seen) => number {
  const created = run.processes.filter((x) => x.parentPid === rootPid)
    .map((x) => ({ pid: x.pid, seq: run.life(x.pid, 'created')?.seq ?? Infinity }))
    .sort((a, b) => a.seq - b.seq).map((x) => x.pid);
  const updater = (s: Seen) => s.value === undefined;
  if (method === 'spawn') return (s) => (updater(s) ? 1 : 0);
  return (s) => (updater(s) ? 2 * p + 1 : created.indexOf(s.pid));
}

/**
 * Replays the Value's events. Every write stores (what its writer last read) + 1, so the
 * total lost is the sum, over the writes, of (the value just before the write - what its
 * writer had read). Also counts, per process, its writes made over a stale read.
 */
function staleWrites(run: RunRecord): { lost: number; byPid: Map<number, number> } {
  const byPid = new Map<number, number>();
  const lastRead = new Map<number, number>();
  let current = 0;
  let lost = 0;
  for (const e of run.ops('value')) {
    if (e.op === 'get' && returned(e) !== undefined) lastRead.set(e.pid, Number(returned(e)));
    const read = lastRead.get(e.pid);
    if (e.op === 'set' && read !== undefined) {
      lost += current - read;
      if (current !== read) byPid.set(e.pid, (byPid.get(e.pid) ?? 0) + 1);
    }
    current = e.state?.value ?? current;
  }
  return { lost, byPid };
}

/** The Value when a process was created (what the parent had written by then). */
function valueAtStart(run: RunRecord, pid: number): number | undefined {
  const created = run.life(pid, 'created')?.seq ?? -1;
  return run.ops('value').filter((e) => e.seq < created).pop()?.state?.value;
}
