// A stored run opened from the history, in the finished-run view: its report from the lab's
// `run` answer (outcome, invariants, transcript, process table, exports), and its replay (the
// charts, process table and transcript at any moment, state/run-replay.svelte.ts), opened at
// the same time so the overview comes as early as it can.
import type { LabClient, RunReport } from '../../../shared/contract';
import { rowsFromRecords, transcriptFromOutput } from '../lib/stored-run';
import type { ProcessRow } from '../lib/process-table';
import type { TranscriptLine } from '../lib/transcript';
import { ReplayGroup } from './replay-group.svelte';
import { RunReplay } from './run-replay.svelte';

export class StoredRun {
  report = $state.raw<RunReport | null>(null);
  error = $state<string | null>(null);
  /** The report's transcript and process table (shown until the replay has its own, or without one). */
  lines = $state.raw<TranscriptLine[]>([]);
  processes = $state.raw<ProcessRow[]>([]);
  readonly replay: RunReplay;
  readonly group: ReplayGroup;

  constructor(private readonly lab: LabClient, readonly runId: string) {
    this.replay = new RunReplay(lab, runId);
    this.group = new ReplayGroup([this.replay]);
  }

  /** Reads the report, and opens the replay with an overview `buckets` slices wide. */
  async load(buckets: number): Promise<void> {
    await Promise.all([this.loadReport(), this.group.open(buckets)]);
  }

  private async loadReport(): Promise<void> {
    const r = await this.lab.run({ runId: this.runId });
    if (!r.ok) { this.error = r.error.message; return; }
    this.report = r.value;
    this.lines = transcriptFromOutput(r.value.output);
    this.processes = rowsFromRecords(r.value.processes);
  }

  dispose(): void { this.group.dispose(); }
}
