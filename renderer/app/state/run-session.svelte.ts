// One run watched from the app: started, subscribed from its first event, folded into the
// transcript and the process table as pushes arrive, stopped on request, and its report once
// it ends. The live charts (shared/live) take the same events through onEvents().
import type { LabClient, LabEvent, Push, RunReport, ScenarioInfo, StartArgs } from '../../../shared/contract';
import { ProcessTable, type ProcessRow } from '../lib/process-table';
import { transcriptLines, type TranscriptLine } from '../lib/transcript';

export type RunPhase = 'starting' | 'preparing' | 'running' | 'ending' | 'ended' | 'refused';

/** How many transcript lines are kept on screen (the history keeps them all). */
export const TRANSCRIPT_LIMIT = 5000;

export class RunSession {
  phase = $state<RunPhase>('starting');
  runId = $state<string | null>(null);
  params = $state.raw<Record<string, unknown> | null>(null);
  elapsedMs = $state(0);
  eventCount = $state(0);
  liveProcesses = $state(0);
  lines = $state.raw<TranscriptLine[]>([]);
  droppedLines = $state(0);
  processes = $state.raw<ProcessRow[]>([]);
  report = $state.raw<RunReport | null>(null);
  error = $state<string | null>(null);
  missedEvents = $state(0);
  stopping = $state(false);

  private readonly table = new ProcessTable();
  private readonly listeners = new Set<(events: readonly LabEvent[]) => void>();
  private stopListening: (() => void) | null = null;
  private subscription: string | null = null;
  private clock: ReturnType<typeof setInterval> | null = null;
  private startedAt = 0;
  private lastStatusMs = 0;

  constructor(private readonly lab: LabClient, readonly scenario: ScenarioInfo, readonly args: StartArgs) {}

  get running(): boolean { return this.phase === 'starting' || this.phase === 'preparing' || this.phase === 'running' || this.phase === 'ending'; }

  /** The events of this run as they arrive (the charts fold them; replays come from `events`). */
  onEvents(listener: (events: readonly LabEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => { this.listeners.delete(listener); };
  }

  async start(): Promise<void> {
    const started = await this.lab.start(this.args);
    if (!started.ok) { this.phase = 'refused'; this.error = started.error.message; return; }
    this.runId = started.value.runId;
    this.params = started.value.params;
    this.phase = 'running';
    this.startedAt = performance.now();
    this.clock = setInterval(() => {
      if (this.running) this.elapsedMs = Math.max(this.lastStatusMs, performance.now() - this.startedAt);
    }, 100);
    this.stopListening = this.lab.onPush((p) => this.receive(p));
    const sub = await this.lab.subscribe({ runId: started.value.runId, fromSeq: 0 });
    // A push may have ended the run while the answer travelled.
    const ended = () => (this.phase as RunPhase) === 'ended';
    if (sub.ok) {
      if (ended()) void this.lab.unsubscribe({ subscription: sub.value.subscription });
      else this.subscription = sub.value.subscription;
    } else if (!ended()) {
      // The run may have ended and left before we asked: read its report from the history.
      const r = await this.lab.run({ runId: started.value.runId });
      if (r.ok) this.finish(r.value);
      else this.error = sub.error.message;
    }
  }

  async stop(): Promise<void> {
    if (!this.runId || !this.running || this.stopping) return;
    this.stopping = true;
    const r = await this.lab.stop({ runId: this.runId });
    this.stopping = false;
    if (r.ok) this.finish(r.value);
    else if (this.phase !== 'ended') this.error = r.error.message;
  }

  dispose(): void {
    if (this.subscription && this.phase !== 'ended') void this.lab.unsubscribe({ subscription: this.subscription });
    this.subscription = null;
    this.stopListening?.();
    this.stopListening = null;
    if (this.clock) clearInterval(this.clock);
    this.clock = null;
    this.listeners.clear();
  }

  private receive(p: Push): void {
    if (p.runId !== this.runId || this.phase === 'ended') return;
    switch (p.type) {
      case 'events': this.take(p.events); break;
      case 'gap': this.missedEvents += p.toSeq - p.fromSeq + 1; break;
      case 'status':
        this.phase = p.phase;
        this.lastStatusMs = p.elapsedMs;
        this.elapsedMs = Math.max(this.elapsedMs, p.elapsedMs);
        this.eventCount = Math.max(this.eventCount, p.eventCount);
        this.liveProcesses = p.liveProcesses;
        break;
      case 'ended': this.finish(p.report); break;
    }
  }

  private take(events: readonly LabEvent[]): void {
    if (events.length === 0) return;
    this.eventCount = Math.max(this.eventCount, events[events.length - 1].seq);
    if (this.table.fold(events)) {
      this.processes = this.table.list();
      this.liveProcesses = this.processes.filter((r) => r.state !== 'exited').length;
    }
    const fresh = transcriptLines(events);
    if (fresh.length) {
      let next = this.lines.concat(fresh);
      if (next.length > TRANSCRIPT_LIMIT) {
        this.droppedLines += next.length - TRANSCRIPT_LIMIT;
        next = next.slice(next.length - TRANSCRIPT_LIMIT);
      }
      this.lines = next;
    }
    for (const l of this.listeners) {
      try { l(events); } catch (e) { console.error('a live view failed on a batch of events', e); }
    }
  }

  private finish(report: RunReport): void {
    if (this.phase === 'ended') return;
    this.report = report;
    this.table.settle(report.processes);
    this.processes = this.table.list();
    this.liveProcesses = 0;
    this.eventCount = report.eventCount;
    this.elapsedMs = report.durationMs;
    this.phase = 'ended';
    this.subscription = null;
    if (this.clock) clearInterval(this.clock);
    this.clock = null;
  }
}

class Runs {
  current = $state.raw<RunSession | null>(null);

  begin(lab: LabClient, scenario: ScenarioInfo, args: StartArgs): RunSession {
    const old = this.current;
    if (old?.running) void old.stop();
    old?.dispose();
    const s = new RunSession(lab, scenario, args);
    this.current = s;
    void s.start();
    return s;
  }
}

export const runs = new Runs();
