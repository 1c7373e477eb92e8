// What the finished-run view shows of a stored run when only its report is at hand: the
// transcript from the report's output lines, the process table from its process records.
import type { OutputLine, ProcessRecord } from '../../../shared/contract';
import type { ProcessRow } from './process-table';
import type { TranscriptLine } from './transcript';

/** The report marks what a process raised with this prefix (main/core/runs/run-record.ts). */
const ERROR_PREFIX = '[error] ';

export function transcriptFromOutput(output: readonly OutputLine[]): TranscriptLine[] {
  return output.flatMap((o, i) => {
    const error = o.text.startsWith(ERROR_PREFIX);
    const text = error ? o.text.slice(ERROR_PREFIX.length) : o.text;
    return text.split('\n').map((t) => ({ seq: i, tMs: o.tMs, pid: o.pid, text: t, kind: error ? 'error' as const : 'print' as const }));
  });
}

/** One row per process, in order of start; a process whose end the history never got (an
 *  interrupted run) is shown so, not as running. */
export function rowsFromRecords(records: readonly ProcessRecord[]): ProcessRow[] {
  return [...records].sort((a, b) => a.startMs - b.startMs).map((p, index) => ({
    pid: p.pid, name: p.name, program: p.program, parentPid: p.parentPid,
    state: p.endMs !== null || p.how !== null || p.exitCode !== null || p.signal !== null ? 'exited' : 'unended',
    exitCode: p.exitCode, signal: p.signal, how: p.how, index,
  }));
}
