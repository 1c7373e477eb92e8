// event-signal's checks (programs: main/scenarios/programs/event-signal.ts): the timed wait
// returns at its timeout or after the set, as the timing made right; the untimed one after the set.
import { eventSignalMeta } from '../../../shared/scenarios/event-signal';
import type { RunRecord } from '../../core/runs/run-record';
import { completion, endingOf } from './judging';
import type { Checks } from './scenario';
import { returned } from '../../../shared/event-values';

type Saw = 'set' | 'unset';
interface WaitFacts { pid: number; saw: Saw | null; beganUs: number; returnedUs: number | null; endSeq: number | null }

/** The kernel's record of one process's wait on the event: when it began, ended, what it returned. */
function waitOf(run: RunRecord, name: string): WaitFacts | null {
  const pid = run.processes.find((p) => p.name === name)?.pid;
  const evs = run.ops('event', 'wait').filter((e) => e.pid === pid);
  const begin = evs.find((e) => e.ph === 'B' || e.ph === 'X');
  if (pid === undefined || !begin) return null;
  const end = begin.ph === 'X' ? begin : evs.find((e) => e.ph === 'E' && e.seq > begin.seq);
  const saw = end ? (returned(end) === true ? 'set' : 'unset') : null;
  return { pid, saw, beganUs: begin.t, returnedUs: end?.t ?? null, endSeq: end?.seq ?? null };
}

export const eventSignal: Checks<typeof eventSignalMeta> = {
  meta: eventSignalMeta,
  check(run, params) {
    const end = endingOf(run);
    const T = params.timeoutUnits;
    const S = params.setAfterUnits;
    const unitUs = params.timeUnitMs * 1000;
    const set = run.ops('event', 'set')[0];
    const timed = waitOf(run, 'nonblock');
    const untimed = waitOf(run, 'block');
    const expected: Saw | 'either' = T < S ? 'unset' : T > S ? 'set' : 'either';
    const units = (us: number) => `${(us / unitUs).toFixed(2)} units`;
    const setTxt = set ? `the set came at ${set.t} µs` : 'the event was never set';
    const proc = (name: string) => run.processes.filter((p) => p.name === name || p.parentPid === null);

    const waited = timed?.returnedUs != null ? timed.returnedUs - timed.beganUs : null;
    const timedOk = !!timed && waited !== null && (timed.saw === 'unset'
      ? waited >= T * unitUs && (!set || timed.endSeq! < set.seq)
      : !!set && timed.endSeq! > set.seq);
    const timedDetail = !timed || waited === null ? `the nonblock wait ${timed ? 'never returned' : 'is missing'}; ${setTxt}`
      : `nonblock began waiting at ${timed.beganUs} µs and returned ${timed.saw === 'set'} (${timed.saw}) after ${waited} µs `
        + `(${units(waited)}; its timeout is ${T} units); ${setTxt}`
        + (expected !== 'either' && timed.saw !== expected ? `; not what these parameters predict, but what this run's timing made right (see the note)` : '');
    const timedDesc = expected === 'unset' ? `the timed wait (timeout ${T}) returns unset at its timeout, before the set at ${S} units`
      : expected === 'set' ? `the timed wait (timeout ${T}) is woken by the set at ${S} units and returns set`
        : `the timed wait's timeout and the set both fall at ${S} units: it returns unset at its timeout or set after the set, whichever the kernel sees first`;

    const untimedOk = !!untimed && untimed.saw === 'set' && !!set && untimed.endSeq! > set.seq;
    const untimedDetail = untimed?.returnedUs != null ? `block returned ${untimed.saw === 'set'} at ${untimed.returnedUs} µs; ${setTxt}`
      : `the block wait ${untimed ? 'never returned' : 'is missing'}; ${setTxt}`;

    const notes: string[] = [];
    if (timed?.saw === 'unset' && waited !== null) {
      notes.push(`nonblock's wait ran out after ${units(waited)} and returned false: the event was not set yet. Nothing was raised; only the return value says so.`);
    }
    const sleep = run.events.find((e) => e.kind === 'op' && e.op === 'sleep' && e.pid === run.root()?.pid);
    if (timed?.saw && set && sleep && expected !== 'either' && timed.saw !== expected) {
      notes.push(`With these parameters nonblock should see "${expected}", but this time it saw "${timed.saw}": its wait began at ${timed.beganUs} µs, `
        + `so its timeout was due at ${timed.beganUs + T * unitUs} µs; the parent began its ${S}-unit sleep at ${sleep.t} µs and set the event at ${set.t} µs. `
        + 'Real processes do not keep perfect time, least of all on a busy machine: with a small time unit such near-ties happen.');
    }
    const view = (w: WaitFacts | null) => (w ? { pid: w.pid, saw: w.saw, beganUs: w.beganUs, returnedUs: w.returnedUs } : null);
    return {
      invariants: [
        completion(end, 'timed-wait', timedDesc, timedOk, timedDetail,
          { reached: waited !== null, point: 'before the timed wait returned', involved: proc('nonblock') }),
        completion(end, 'untimed-wait-after-set', 'the untimed wait returns set, after the set', untimedOk, untimedDetail,
          { reached: untimed?.returnedUs != null, point: 'before the untimed wait returned', involved: proc('block') }),
      ],
      result: {
        setAtUs: set?.t ?? null,
        block: view(untimed),
        nonblock: timed ? { ...view(timed), timeoutUnits: T, waitedUs: waited } : null,
        expectedForParams: expected,
        timedWaiterSaw: timed?.saw ?? null,
      },
      notes,
    };
  },
};
