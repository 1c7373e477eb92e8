// The report of one run: what `lab run --json` prints and what the store and exports keep.
import type { ParamValues } from './params';

export type RunStatus = 'running' | 'completed' | 'failed' | 'stopped' | 'hung' | 'timeout';

export interface ProcessRecord {
  pid: number;
  name: string;
  program: string;
  parentPid: number | null;
  daemon: boolean;
  exitCode: number | null;
  signal: string | null;
  startMs: number;
  endMs: number | null;
}

export interface OutputLine { tMs: number; pid: number; name: string; text: string }

export interface InvariantResult { id: string; description: string; ok: boolean; detail: string }

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
