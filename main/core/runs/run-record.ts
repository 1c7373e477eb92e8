// Everything a finished (or running) run has produced, as the scenario checks and the
// report see it. Events are kept up to a cap so a very long run cannot exhaust memory;
// the checks say so when the cap cut the record short.
import type { LabEvent } from '../../../shared/events';
import { resultNote } from '../../../shared/event-values';
import type { HangReport, OutputLine, ProcessRecord, RunStatus } from '../../../shared/run-report';

/** About 85 MB of kept events; the full stream goes to subscribers (and the store). */
export const DEFAULT_EVENT_CAP = 100_000;

export class RunRecord {
  readonly events: LabEvent[] = [];
  eventCount = 0;
  truncated = false;
  status: RunStatus = 'running';
  hang: HangReport | undefined;
  capped = false;
  crashed: number[] = [];
  notes: string[] = [];
  processes: ProcessRecord[] = [];
  /** The run's wall-clock limit, for the checks' words about a run it cut short. */
  timeoutS: number | undefined;

  constructor(private readonly cap = DEFAULT_EVENT_CAP) {}

  add(batch: LabEvent[]): void {
    this.eventCount += batch.length;
    const room = this.cap - this.events.length;
    if (room >= batch.length) { for (const e of batch) this.events.push(e); return; }
    for (let i = 0; i < room; i++) this.events.push(batch[i]);
    this.truncated = true;
  }

  process(pid: number): ProcessRecord | undefined { return this.processes.find((p) => p.pid === pid); }
  byProgram(program: string): ProcessRecord[] { return this.processes.filter((p) => p.program === program); }
  root(): ProcessRecord | undefined { return this.processes.find((p) => p.parentPid === null); }

  /** Printed lines in order, with the printing process's name. */
  output(): OutputLine[] {
    const names = new Map(this.processes.map((p) => [p.pid, p.name]));
    return this.events
      .filter((e) => e.kind === 'print' || (e.kind === 'error' && e.text !== undefined))
      .map((e) => ({ tMs: e.t / 1000, pid: e.pid, name: names.get(e.pid) ?? String(e.pid), text: e.kind === 'error' ? `[error] ${e.text}` : e.text ?? '' }));
  }

  /** Values the programs recorded with lab.result(key, value); the last one per key wins. */
  results(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const e of this.events) { const r = resultNote(e); if (r) out[r[0]] = r[1]; }
    return out;
  }

  prints(pid?: number): LabEvent[] { return this.events.filter((e) => e.kind === 'print' && (pid === undefined || e.pid === pid)); }
  ops(obj: string, op?: string): LabEvent[] { return this.events.filter((e) => e.kind === 'op' && e.obj === obj && (op === undefined || e.op === op)); }
  /** The events of `acts` that their process did without holding lock `lock` (by the lock's
   *  owner after its last event before each act). */
  notUnderLock(lock: string, acts: readonly LabEvent[]): LabEvent[] {
    const lockEvents = this.ops(lock);
    let i = 0;
    let owner: number | null | undefined;
    return [...acts].sort((a, b) => a.seq - b.seq).filter((a) => {
      while (i < lockEvents.length && lockEvents[i].seq < a.seq) owner = lockEvents[i++].state?.owner;
      return owner !== a.pid;
    });
  }

  life(pid: number, step: 'created' | 'started' | 'exited'): LabEvent | undefined {
    return this.events.find((e) => e.kind === 'life' && e.pid === pid && e.life === step);
  }
}
