// Watches one run through the service's pushes, from its first event: each printed line
// tagged [name pid] (errors on stderr), a crashed process at once as one `✗ crash:` line
// (even with --json: it is news while the run goes on), and the progress line. Resolves
// once the run has ended and the history has kept it (or said why it could not).
import type { RunReport } from '../../shared/run-report';
import type { LabService, ServiceResult } from '../core/service/lab-service';
import { Refused } from './answers';
import type { Io } from './io';
import { ProgressLine } from './progress-line';

export interface WatchOptions {
  /** Print what the run's processes print (off for --json and run all). */
  output: boolean;
  progress: boolean;
}

export interface Watched {
  /** The run's report (from its 'ended' push). */
  report: RunReport;
  /** Whether the history kept it: an error when it could not keep it whole. */
  kept: ServiceResult<RunReport>;
}

export async function watchRun(lab: LabService, runId: string, io: Io, show: WatchOptions): Promise<Watched> {
  const names = new Map<number, string>();
  const progress = show.progress ? new ProgressLine(io.err, io.isTTY) : undefined;
  const since = Date.now();
  let liveProcesses = 0;
  let eventCount = 0;
  let preparing: { ready: number; needed: number } | undefined;
  let ended: RunReport | undefined;
  const sub = lab.subscribe(runId, 0, (push) => {
    switch (push.type) {
      case 'events':
        for (const e of push.events) {
          if (e.kind === 'life' && e.life === 'created') { names.set(e.pid, e.proc?.name ?? e.res ?? String(e.pid)); liveProcesses++; }
          if (e.kind === 'life' && e.life === 'exited') liveProcesses = Math.max(0, liveProcesses - 1);
          if (e.kind === 'error' && e.op === 'crash') {
            progress?.clear();
            io.err(`✗ crash: ${e.text ?? `pid ${e.pid}`}`);
          } else if (show.output && (e.kind === 'print' || e.kind === 'error')) {
            progress?.clear();
            const line = `[${names.get(e.pid) ?? '?'} ${e.pid}] ${e.kind === 'error' ? '✗ ' : ''}${e.text}`;
            if (e.kind === 'print') io.out(line); else io.err(line);
          }
        }
        eventCount = Math.max(eventCount, push.events.at(-1)?.seq ?? 0);
        break;
      case 'gap':
        // The run recorded faster than this client took its pushes; the run itself lost nothing.
        progress?.clear();
        if (show.output) io.err(`lab: events ${push.fromSeq}–${push.toSeq} came faster than they could be shown here and were skipped`);
        eventCount = Math.max(eventCount, push.toSeq);
        break;
      case 'status':
        // The kernel's own count, sent right after the events it has seen.
        liveProcesses = push.liveProcesses;
        eventCount = Math.max(eventCount, push.eventCount);
        preparing = push.phase === 'preparing' && push.needed !== undefined ? { ready: push.prepared ?? 0, needed: push.needed } : undefined;
        break;
      case 'ended':
        progress?.clear();
        ended = push.report;
        return;
    }
    if (eventCount || preparing) progress?.update({ elapsedMs: Date.now() - since, liveProcesses, eventCount, preparing });
  });
  if (!sub.ok) throw new Refused(sub.error);
  const kept = await lab.finished(runId);
  sub.value.unsubscribe();
  progress?.clear();
  // The 'ended' push goes out before finished() answers; a report kept whole is the same one.
  const report = ended ?? (kept.ok ? kept.value : undefined);
  if (!report) throw new Refused(kept.ok ? { code: 'internal', message: `run ${runId} ended without a report` } : kept.error);
  return { report, kept };
}
