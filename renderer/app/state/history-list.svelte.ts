// The history view's list: the filters, the runs loaded so far (newest first, a page at a
// time as the student scrolls), how many match in all, and which are selected. Kept while
// the app is open, so coming back from a run finds the list, its filters and its selection
// as they were (and any run made meanwhile).
import type { HistoryEntry, HistoryFilter, LabClient, RunStatus } from '../../../shared/contract';
import { localDayEnd, localDayStart } from '../lib/history-entry';
import { pendingDeletes } from './pending-deletes.svelte';

export const PAGE_SIZE = 20;

export interface HistoryFilters { scenario: string; status: RunStatus | ''; from: string; to: string; search: string }

export class HistoryList {
  filters = $state<HistoryFilters>({ scenario: '', status: '', from: '', to: '', search: '' });
  entries = $state.raw<HistoryEntry[]>([]);
  /** Runs matching the filters in the history (those waiting to be deleted included). */
  total = $state(0);
  loaded = $state(false);
  loading = $state(false);
  error = $state<string | null>(null);
  selected = $state.raw<string[]>([]);
  /** Answers to older requests (the filters changed since) are dropped. */
  private generation = 0;

  constructor() {
    pendingDeletes.onDeleted((ids) => this.removed(ids));
    pendingDeletes.onFailed((lab) => { if (this.loaded) void this.reload(lab); });
  }

  /** The runs on screen: those loaded, less those waiting to be deleted. */
  get visible(): HistoryEntry[] { return this.entries.filter((e) => !pendingDeletes.hides(e.runId)); }
  get hiddenCount(): number { return this.entries.length - this.visible.length; }
  get more(): boolean { return this.entries.length < this.total; }

  /** The filters as the service's query, or why they cannot be one. */
  query(): { ok: true; filter: HistoryFilter } | { ok: false; message: string } {
    const f = this.filters;
    const filter: HistoryFilter = {};
    if (f.scenario) filter.scenario = f.scenario;
    if (f.status) filter.status = f.status;
    if (f.search.trim()) filter.search = f.search.trim();
    if (f.from) {
      const from = localDayStart(f.from);
      if (!from) return { ok: false, message: `“${f.from}” is not a date` };
      filter.from = from;
    }
    if (f.to) {
      const to = localDayEnd(f.to);
      if (!to) return { ok: false, message: `“${f.to}” is not a date` };
      filter.to = to;
    }
    if (f.from && f.to && f.to < f.from) return { ok: false, message: 'The “to” date is before the “from” date: no run can match' };
    return { ok: true, filter };
  }

  /** The first page again (as many runs as were loaded, so the place in the list is kept). */
  async reload(lab: LabClient, keepLoaded = true): Promise<void> {
    const q = this.query();
    const gen = ++this.generation;
    if (!q.ok) { this.error = q.message; this.entries = []; this.total = 0; this.loaded = true; return; }
    this.loading = true;
    const limit = Math.min(1000, keepLoaded ? Math.max(PAGE_SIZE, this.entries.length) : PAGE_SIZE);
    const r = await lab.history({ ...q.filter, limit, offset: 0 });
    if (gen !== this.generation) return;
    this.loading = false;
    this.loaded = true;
    if (!r.ok) { this.error = r.error.message; return; }
    this.error = null;
    this.entries = r.value.runs;
    this.total = r.value.total;
    const ids = new Set(this.entries.map((e) => e.runId));
    this.selected = this.selected.filter((id) => ids.has(id));
  }

  /** The next page, after the runs loaded so far. */
  async loadMore(lab: LabClient): Promise<void> {
    if (this.loading || !this.more) return;
    const q = this.query();
    if (!q.ok) return;
    const gen = this.generation;
    this.loading = true;
    const r = await lab.history({ ...q.filter, limit: PAGE_SIZE, offset: this.entries.length });
    if (gen !== this.generation) return;
    this.loading = false;
    if (!r.ok) { this.error = r.error.message; return; }
    // A run made meanwhile moves the pages by one: a run already listed is not listed twice.
    const have = new Set(this.entries.map((e) => e.runId));
    this.entries = [...this.entries, ...r.value.runs.filter((e) => !have.has(e.runId))];
    this.total = r.value.total;
  }

  toggle(runId: string, on: boolean): void {
    const rest = this.selected.filter((id) => id !== runId);
    this.selected = on ? [...rest, runId] : rest;
  }

  clearSelection(): void { this.selected = []; }

  /** The lab deleted these runs: they leave the list (and the count). */
  private removed(ids: string[]): void {
    const gone = new Set(ids);
    const before = this.entries.length;
    this.entries = this.entries.filter((e) => !gone.has(e.runId));
    this.total = Math.max(0, this.total - (before - this.entries.length));
    this.selected = this.selected.filter((id) => !gone.has(id));
  }
}

export const historyList = new HistoryList();
