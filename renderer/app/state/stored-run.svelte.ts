// A stored run opened from the history, in the finished-run view: its report from the lab's
// `run` answer (outcome, invariants, transcript, process table, exports), and its charts when
// the lab can hand over its events (lib/stored-events.ts: the seam the replay takes over).
import type { LabClient, RunReport } from '../../../shared/contract';
import { LiveModel } from '../../../shared/live';
import { LiveView } from '../lib/live/live-view';
import { readStoredEvents } from '../lib/stored-events';
import { rowsFromRecords, transcriptFromOutput } from '../lib/stored-run';
import type { ProcessRow } from '../lib/process-table';
import type { TranscriptLine } from '../lib/transcript';
import { liveUi } from './live-views.svelte';

export type StoredCharts =
  | { kind: 'loading' }
  | { kind: 'drawn'; events: number; complete: boolean }
  /** The lab cannot hand this run's events over (yet): the view says why, without charts. */
  | { kind: 'unavailable'; message: string };

export class StoredRun {
  report = $state.raw<RunReport | null>(null);
  error = $state<string | null>(null);
  lines = $state.raw<TranscriptLine[]>([]);
  processes = $state.raw<ProcessRow[]>([]);
  charts = $state.raw<StoredCharts>({ kind: 'loading' });
  /** The charts' view (finished: drawn to the run's last event), made once events come. */
  view = $state.raw<LiveView | null>(null);

  constructor(private readonly lab: LabClient, readonly runId: string) {}

  async load(): Promise<void> {
    const r = await this.lab.run({ runId: this.runId });
    if (!r.ok) { this.error = r.error.message; return; }
    this.report = r.value;
    this.lines = transcriptFromOutput(r.value.output);
    this.processes = rowsFromRecords(r.value.processes);
    await this.loadCharts();
  }

  private async loadCharts(): Promise<void> {
    const view = new LiveView(liveUi(), undefined, new LiveModel(), false);
    const read = await readStoredEvents(this.lab, this.runId, (events) => view.push(events));
    if (!read.ok) {
      view.dispose();
      this.charts = { kind: 'unavailable', message: read.error.message };
      return;
    }
    this.view = view;
    this.charts = { kind: 'drawn', events: read.value.events, complete: read.value.complete };
  }

  dispose(): void { this.view?.dispose(); }
}
