// The report of one run: what `lab run --json` prints and what the store and exports keep.
import type { ExitHow } from './events';
import type { ParamValues } from './params';

/** 'interrupted': the host died while the run went on (found so when the history is next opened). */
export type RunStatus = 'running' | 'completed' | 'failed' | 'stopped' | 'hung' | 'timeout' | 'interrupted';

export interface ProcessRecord {
  pid: number;
  name: string;
  program: string;
  parentPid: number | null;
  daemon: boolean;
  exitCode: number | null;
  signal: string | null;
  /** How it ended; null while it runs, or when the history does not know (older runs). */
  how: ExitHow | null;
  startMs: number;
  endMs: number | null;
}

export interface OutputLine { tMs: number; pid: number; name: string; text: string }

/** ok: true held, false broken, null not judged (the run ended in a way that leaves it
 *  unknowable; `detail` says why). A report never shows ✓ for what it could not judge. */
export interface InvariantResult { id: string; description: string; ok: boolean | null; detail: string }

/** One process stuck at the end of a hung run, and what it waits for. */
export interface BlockedProcess { pid: number; name: string; op: string; obj: string; objKind: string; waitsFor: number[] }

export interface HangReport {
  blocked: BlockedProcess[];
  /** pids forming a wait-for cycle (deadlock), empty when the hang is a missing wake-up. */
  cycle: number[];
  /** Locks held by processes that already exited. */
  orphanedLocks: { obj: string; ownerPid: number }[];
  summary: string;
}

export interface RunReport {
  runId: string;
  scenario: string;
  status: RunStatus;
  params: ParamValues & { seed: number; timeUnitMs: number };
  startedAt: string;
  durationMs: number;
  processes: ProcessRecord[];
  output: OutputLine[];
  invariants: InvariantResult[];
  result: Record<string, unknown>;
  eventCount: number;
  /** Why the run ended the way it did, in one or two sentences. */
  notes: string[];
  /** How this scenario, with these parameters, is meant to end (a hang can be the lesson). */
  expectedStatus: RunStatus;
  /** The run ended as expected and every invariant holds. */
  passed: boolean;
  /** The scenario's "predict, then run" question and this run's answer to it. */
  prediction?: { question: string; answer: unknown };
  hang?: HangReport;
}
