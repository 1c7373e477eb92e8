// What a check may claim about a run that did not end the way its scenario means it to:
// stopped, cut at the time limit, hung, capped, a process crashed, or the host died (interrupted).
// Two kinds of invariant:
// - safety ("never two holders"): judged on the part of the run that happened; its detail
//   says "so far" when the run did not get to its end;
// - completion ("every name consumed exactly once"): judged only once the run got to the point
//   it talks about, and never broken by a process that ended otherwise (that is not judged,
//   naming the process and how it ended).
import type { ExitHow } from '../../../shared/events';
import type { InvariantResult, ProcessRecord, RunStatus } from '../../../shared/run-report';
import type { RunRecord } from '../../core/runs/run-record';

/** How far a run got, for the checks. */
export interface Ending {
  status: RunStatus;
  /** The run got to its natural end: every process ended on its own, or it hung (or hit the
   *  process cap) as the scenario means it to. */
  complete: boolean;
  /** Why it did not, as a clause ("the user stopped the run"); for a run that ended on purpose
   *  by a hang or the cap, what ended it. Empty when every process ended on its own. */
  why: string;
}

/** What the scenario means a run with these parameters to end with, beyond every process ending. */
export interface Expected { hung?: boolean; capped?: boolean }

/** Ends a process may have that its program (or Python's rules) meant. */
const MEANT: readonly ExitHow[] = ['returned', 'exit', 'daemon', 'terminated'];

export function endingOf(run: RunRecord, expected: Expected = {}): Ending {
  const status = run.status;
  const not = (why: string): Ending => ({ status, complete: false, why });
  if (status === 'interrupted') return not('the lab\'s host stopped during the run');
  if (status === 'stopped') return not('the user stopped the run');
  if (status === 'timeout') return not(`the lab ended the run at its ${run.timeoutS === undefined ? '' : `${run.timeoutS} s `}wall-clock limit`);
  if (status === 'running') return not('the run had not ended when it was checked');
  if (run.capped && !expected.capped) return not('the lab\'s process cap ended the run');
  if (run.hang && !expected.hung) return not('the run hung');
  const root = run.root();
  if (!root) return not('the parent process never started');
  // Every process ended, and none was still running when the lab ended the run (a hang the
  // scenario teaches, or the cap that stops a runaway, end the rest on purpose).
  const onPurpose = (p: ProcessRecord) => (p.how === 'stopped' && ((expected.hung && run.hang) || (expected.capped && run.capped)));
  const left = run.processes.filter((p) => p.how === null || (p.how === 'stopped' && !onPurpose(p)));
  if (left.length) return not(`${names(left)} did not get to end on ${left.length === 1 ? 'its' : 'their'} own`);
  const why = run.capped ? 'the lab\'s process cap ended the run' : run.hang ? 'the run hung' : '';
  return { status, complete: true, why };
}

/** The process ended otherwise than its program meant: crashed, raised, ended by the lab
 *  (a stop the scenario means included: that process still did not finish), or had not ended
 *  when the record stops. */
export function endedOtherwise(p: ProcessRecord): boolean {
  return p.how === null || !MEANT.includes(p.how);
}

/** How a process ended, in words: "consumer-3 (pid 812) crashed (killed by SIGKILL) at 1.20 s". */
export function howEnded(end: Ending, p: ProcessRecord): string {
  const who = `${p.name} (pid ${p.pid})`;
  const at = p.endMs === null ? '' : ` at ${(p.endMs / 1000).toFixed(2)} s`;
  switch (p.how) {
    case null: return `${who} had not ended when the record stops`;
    case 'crashed': return `${who} crashed (${p.signal ? `killed by ${p.signal}` : `exit code ${p.exitCode}`})${at}`;
    case 'raised': return `${who} raised an error${at}`;
    case 'cap': return `${who} went over one of the lab's limits and was ended${at}`;
    case 'stopped': return `${who} was still running when ${end.why || 'the run ended'}`;
    case 'daemon': return `${who} was terminated as a daemon when its parent exited${at}`;
    case 'terminated': return `${who} was terminated by its parent${at}`;
    case 'exit': return `${who} called exit(${p.exitCode})${at}`;
    case 'returned': return `${who} returned${at}`;
  }
}

export function notJudged(id: string, description: string, why: string): InvariantResult {
  return { id, description, ok: null, detail: why };
}

/** A safety property: what happened is judged; "so far" when the run did not get to its end. */
export function safety(end: Ending, id: string, description: string, ok: boolean, detail: string): InvariantResult {
  return { id, description, ok, detail: end.complete ? detail : `${detail} (so far: ${end.why})` };
}

export interface CompletionOptions {
  /** The run got to the point the property talks about even though it did not end as meant
   *  (e.g. the parent printed the dict before the user stopped the run). Default: it did not. */
  reached?: boolean;
  /** What the run did not get to, for the reason: "before the parent printed the dict". */
  point?: string;
  /** Processes whose ending matters: if the property fails and one of them ended otherwise,
   *  it is not judged, naming how they ended. */
  involved?: readonly ProcessRecord[];
  /** The property is already broken for good by what happened (e.g. a name taken twice). */
  brokenSoFar?: boolean;
}

/** Why a completion property was not reached: a process involved that died on its way
 *  (crashed, raised, over a limit) if any, else how the run ended. */
function notReached(end: Ending, o: CompletionOptions): string {
  const died = (o.involved ?? []).filter((p) => p.how === 'crashed' || p.how === 'raised' || p.how === 'cap');
  if (died.length) return `${died.map((p) => howEnded(end, p)).join('; ')}, so the run did not get that far`;
  return `${end.why} ${o.point ?? 'before the run finished'}`;
}

/** A completion (liveness) property: judged only when the run got to what it talks about. */
export function completion(end: Ending, id: string, description: string, ok: boolean, detail: string, o: CompletionOptions = {}): InvariantResult {
  if (o.brokenSoFar) return { id, description, ok: false, detail };
  if (!end.complete && !o.reached) return notJudged(id, description, notReached(end, o));
  if (!ok) {
    const otherwise = (o.involved ?? []).filter((p) => endedOtherwise(p));
    if (otherwise.length) return notJudged(id, description, `${otherwise.map((p) => howEnded(end, p)).join('; ')}; ${detail}`);
  }
  return { id, description, ok, detail };
}

export interface EachProcessOptions {
  /** As for `completion`: the run got to the point the property talks about anyway. */
  reached?: boolean;
  point?: string;
  /** Words for a process that ended otherwise; `howEnded` when not given. */
  describe?: (p: ProcessRecord) => string;
}

/**
 * A property of how each of `procs` ended: broken (false) if one that ended as its program
 * meant breaks it; else not judged if one ended otherwise (or the run did not get that far);
 * else held. `problem` says what is wrong with one process, or null.
 */
export function eachProcess(end: Ending, id: string, description: string, procs: readonly ProcessRecord[],
  problem: (p: ProcessRecord) => string | null, okDetail: string, o: EachProcessOptions = {}): InvariantResult {
  const otherwise = procs.filter((p) => endedOtherwise(p));
  const bad = procs.filter((p) => !otherwise.includes(p)).map((p) => ({ p, why: problem(p) })).filter((x) => x.why !== null);
  if (bad.length) return { id, description, ok: false, detail: bad.map((x) => `${x.p.name}: ${x.why}`).join('; ') };
  if (!end.complete && !o.reached) return notJudged(id, description, notReached(end, { point: o.point, involved: procs }));
  if (otherwise.length) return notJudged(id, description, `${okDetail}; ${otherwise.map((p) => (o.describe ?? ((q) => howEnded(end, q)))(p)).join('; ')}`);
  return { id, description, ok: true, detail: okDetail };
}

/** "a, b and 3 more" style list of process names. */
export function names(ps: readonly ProcessRecord[]): string {
  const shown = ps.slice(0, 5).map((p) => p.name).join(', ');
  return ps.length > 5 ? `${shown} and ${ps.length - 5} more` : shown;
}
