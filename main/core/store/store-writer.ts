// The main thread's side of the writer thread: posts runs and event batches, never waits
// for the disk. flush() resolves once everything posted so far is written.
// Every flush settles: a writer thread that stopped (could not open the file, crashed, was
// ended) rejects the flushes waiting and every later one with the reason it stopped. Writes
// that failed while the thread went on are kept per run for takeFailures().
import { Worker } from 'node:worker_threads';
import { EVENT_FORMAT_VERSION, type LabEvent } from '../../../shared/events';
import type { RunReport } from '../../../shared/run-report';
import { compiledPath } from '../compiled-path';
import { eventToRow } from './event-rows';
import { aggregateBuckets } from './bucket-aggregator';
import type { RunStart } from './run-writes';
import type { WriterData, WriterMessage, WriterReply } from './writer-thread';
import { StoreError, describeError } from './store-error';

export interface WriterOptions { nativeBinding?: string; busyTimeoutMs?: number }

export class StoreWriter {
  private readonly thread: Worker;
  private nextFlush = 1;
  private readonly flushes = new Map<number, { resolve: (written: number) => void; reject: (e: Error) => void }>();
  private readonly failures = new Map<string, string[]>();
  private stopped: StoreError | undefined;
  private closing = false;

  constructor(file: string, options: WriterOptions = {}) {
    const data: WriterData = { file, ...options };
    this.thread = new Worker(compiledPath('main/core/store/writer-thread.js'), { workerData: data });
    this.thread.on('message', (m: WriterReply) => {
      if (m.t === 'failed') this.fail(m.runId, m.message);
      else if (m.t === 'fatal') this.stop(m.message);
      else { this.flushes.get(m.id)?.resolve(m.written); this.flushes.delete(m.id); }
    });
    this.thread.on('error', (e) => this.stop(describeError(e)));
    this.thread.on('messageerror', (e) => this.stop(`a message could not be read: ${describeError(e)}`));
    this.thread.on('exit', (code) => { if (!this.closing) this.stop(`its thread ended (exit code ${code})`); });
  }

  /** Why the writer stopped, once it has. */
  get stoppedBecause(): string | undefined { return this.stopped?.message; }

  private stop(reason: string): void {
    if (this.stopped) return;
    this.stopped = new StoreError('WRITE_FAILED', `the history writer stopped: ${reason}`);
    for (const f of this.flushes.values()) f.reject(this.stopped);
    this.flushes.clear();
  }

  private fail(runId: string, message: string): void {
    const list = this.failures.get(runId) ?? [];
    if (!list.includes(message)) list.push(message);
    this.failures.set(runId, list);
  }

  /** What could not be written for this run so far (forgotten once taken). */
  takeFailures(runId: string): string[] {
    const list = this.failures.get(runId) ?? [];
    this.failures.delete(runId);
    return list;
  }

  private post(m: WriterMessage): void { if (!this.stopped) this.thread.postMessage(m); }

  begin(run: RunStart): void { this.post({ t: 'begin', run }); }

  /**
   * Hands a batch over as one block: its rows as one JSON string (cheaper to pass than a clone
   * of each event, and stored as it is) and its chart buckets already folded.
   */
  events(runId: string, batch: LabEvent[]): void {
    if (!batch.length || this.stopped) return;
    const rows = batch.map(eventToRow);
    let firstT = batch[0].t;
    let lastT = firstT;
    for (const e of batch) { if (e.t < firstT) firstT = e.t; if (e.t > lastT) lastT = e.t; }
    this.post({ t: 'events', runId, block: {
      firstSeq: batch[0].seq, lastSeq: batch[batch.length - 1].seq, firstT, lastT, count: batch.length, format: EVENT_FORMAT_VERSION,
      events: JSON.stringify(rows), buckets: aggregateBuckets(rows),
    } });
  }

  end(report: RunReport): void { this.post({ t: 'end', report }); }

  /** Resolves with the number of events written so far; rejects if the writer stopped. */
  flush(): Promise<number> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextFlush++;
    return new Promise((resolve, reject) => { this.flushes.set(id, { resolve, reject }); this.post({ t: 'flush', id }); });
  }

  /** Writes what is pending (when it still can) and ends the thread. Never rejects. */
  async close(): Promise<void> {
    try { await this.flush(); } catch { /* told to the callers of flush() already */ }
    this.closing = true;
    this.stop('closed');
    await this.thread.terminate();
  }
}
