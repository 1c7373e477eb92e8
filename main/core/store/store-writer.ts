// The main thread's side of the history's threads: posts runs and event batches to the fold
// thread (which folds them and passes them on to the writer thread), never waits for the
// disk, and does nothing else with them: the kernel shares this thread. flush() resolves once everything posted so far is written.
// Every flush settles: a writer thread that stopped (could not open the file, crashed, was
// ended) rejects the flushes waiting and every later one with the reason it stopped. Writes
// that failed while the thread went on are kept per run for takeFailures().
import { MessageChannel, Worker } from 'node:worker_threads';
import type { LabEvent } from '../../../shared/events';
import type { RunReport } from '../../../shared/run-report';
import { compiledPath } from '../compiled-path';
import type { RunStart } from './run-writes';
import type { FoldData } from './fold-thread';
import type { WriterData } from './writer-thread';
import type { StoreMessage, StoreReply } from './writer-messages';
import { StoreError, describeError } from './store-error';

export interface WriterOptions { nativeBinding?: string; busyTimeoutMs?: number }

export class StoreWriter {
  private readonly folder: Worker;
  private readonly writer: Worker;
  private nextFlush = 1;
  private readonly flushes = new Map<number, { resolve: (written: number) => void; reject: (e: Error) => void }>();
  private readonly failures = new Map<string, string[]>();
  private stopped: StoreError | undefined;
  private closing = false;

  constructor(file: string, options: WriterOptions = {}) {
    const { port1, port2 } = new MessageChannel();
    const writerData: WriterData = { file, ...options, folded: port2 };
    this.writer = new Worker(compiledPath('main/core/store/writer-thread.js'), { workerData: writerData, transferList: [port2] });
    const foldData: FoldData = { writer: port1 };
    this.folder = new Worker(compiledPath('main/core/store/fold-thread.js'), { workerData: foldData, transferList: [port1] });
    for (const [name, thread] of [['writer', this.writer], ['fold', this.folder]] as const) {
      thread.on('message', (m: StoreReply) => {
        if (m.t === 'failed') this.fail(m.runId, m.message);
        else if (m.t === 'fatal') this.stop(m.message);
        else { this.flushes.get(m.id)?.resolve(m.written); this.flushes.delete(m.id); }
      });
      thread.on('error', (e) => this.stop(describeError(e)));
      thread.on('messageerror', (e) => this.stop(`a message could not be read: ${describeError(e)}`));
      thread.on('exit', (code) => {
        if (this.closing) return;
        const reason = `its ${name} thread ended (exit code ${code})`;
        // The writer also ends, cleanly, when the fold thread's port to it closes: give the
        // fold thread's own exit a moment to be the reason told, since it is the cause.
        if (name === 'writer') setTimeout(() => this.stop(reason), 100).unref();
        else this.stop(reason);
      });
    }
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

  private post(m: StoreMessage): void { if (!this.stopped) this.folder.postMessage(m); }

  begin(run: RunStart): void { this.post({ t: 'begin', run }); }

  /**
   * Hands a batch over: its JSON text, nothing else on this thread. Measured (npm run bench):
   * JSON.stringify costs this thread what a structured clone of the batch costs, and the
   * writer then stores the text as it is and parses it faster than it would deserialize a
   * clone; rows, buckets, tables and keyframes are all the writer's work.
   */
  events(runId: string, batch: LabEvent[]): void {
    if (!batch.length || this.stopped) return;
    try {
      this.post({ t: 'events', runId, json: JSON.stringify(batch) });
    } catch (e) {
      // Never into the kernel: a batch that cannot be written as JSON is a write that failed.
      this.fail(runId, `events ${batch[0].seq}–${batch[batch.length - 1].seq} could not be handed to the writer: ${describeError(e)}`);
    }
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
    await Promise.all([this.folder.terminate(), this.writer.terminate()]);
  }
}
