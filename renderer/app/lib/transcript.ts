// The transcript of a run: what its processes printed, and their errors, in order.
import type { LabEvent } from '../../../shared/contract';

export interface TranscriptLine {
  seq: number;
  tMs: number;
  pid: number;
  text: string;
  /** print: the program's print(); error: what it raised; stderr: text written outside the lab API. */
  kind: 'print' | 'error' | 'stderr';
}

export function transcriptLines(events: readonly LabEvent[]): TranscriptLine[] {
  const out: TranscriptLine[] = [];
  for (const e of events) {
    if ((e.kind !== 'print' && e.kind !== 'error') || e.text === undefined) continue;
    const kind = e.kind === 'error' ? 'error' : e.stream === 'stderr' ? 'stderr' : 'print';
    // A printed block of several lines is shown as several lines, each tagged with its process.
    for (const text of e.text.split('\n')) out.push({ seq: e.seq, tMs: e.t / 1000, pid: e.pid, text, kind });
  }
  return out;
}
