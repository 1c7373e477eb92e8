// The main thread's side of the writer thread: posts runs and event batches, never waits
// for the disk. flush() resolves once everything posted so far is written.
import { Worker } from 'node:worker_threads';
import type { LabEvent } from '../../../shared/events';
import type { RunReport } from '../../../shared/run-report';
import { compiledPath } from '../compiled-path';
import { eventToRow } from './event-rows';
import { aggregateBuckets } from './bucket-aggregator';
import type { RunStart } from './run-writes';
import type { WriterMessage, WriterReply } from './writer-thread';

export class StoreWriter {
  private readonly thread: Worker;
  private nextFlush = 1;
  private readonly flushes = new Map<number, (written: number) => void>();
  readonly errors: string[] = [];

  constructor(file: string, nativeBinding?: string) {
    this.thread = new Worker(compiledPath('main/core/store/writer-thread.js'), { workerData: { file, nativeBinding } });
    this.thread.on('message', (m: WriterReply) => {
      if (m.t === 'error') this.errors.push(m.message);
      else { this.flushes.get(m.id)?.(m.written); this.flushes.delete(m.id); }
    });
    this.thread.on('error', (e) => { this.errors.push(e.message); for (const f of this.flushes.values()) f(-1); this.flushes.clear(); });
  }

  private post(m: WriterMessage): void { this.thread.postMessage(m); }

  begin(run: RunStart): void { this.post({ t: 'begin', run }); }

  /**
   * Hands a batch over as one block: its rows as one JSON string (cheaper to pass than a clone
   * of each event, and stored as it is) and its chart buckets already folded.
   */
  events(runId: string, batch: LabEvent[]): void {
    if (!batch.length) return;
    const rows = batch.map(eventToRow);
    let firstT = batch[0].t;
    let lastT = firstT;
    for (const e of batch) { if (e.t < firstT) firstT = e.t; if (e.t > lastT) lastT = e.t; }
    this.post({ t: 'events', runId, block: {
      firstSeq: batch[0].seq, lastSeq: batch[batch.length - 1].seq, firstT, lastT, count: batch.length,
      events: JSON.stringify(rows), buckets: aggregateBuckets(rows),
    } });
  }

  end(report: RunReport): void { this.post({ t: 'end', report }); }

  /** Resolves with the number of events written so far by this writer (-1 if the thread died). */
  flush(): Promise<number> {
    const id = this.nextFlush++;
    return new Promise((resolve) => { this.flushes.set(id, resolve); this.post({ t: 'flush', id }); });
  }

  async close(): Promise<void> {
    await this.flush();
    await this.thread.terminate();
  }
}
