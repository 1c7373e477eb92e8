// The history's writer, in a worker thread: the kernel's thread only posts messages, so a
// slow disk can never stall a run. Event blocks are written in one transaction per turn of
// this thread's event loop, however many came in.
//
// Nothing thrown here may end the thread silently: every write is guarded, a failure is sent
// back as `failed` (with the run it concerns and SQLite's message and code) and the thread
// goes on; a writer that cannot open the file sends `fatal` and ends, and the main thread then
// refuses every later message (store-writer.ts).
import { parentPort, workerData } from 'node:worker_threads';
import type { RunReport } from '../../../shared/run-report';
import { openWriterConnection } from './open-database';
import { RunWrites, type EventBlock, type RunStart } from './run-writes';
import { describeError, sqliteCode } from './store-error';

export type WriterMessage =
  | { t: 'begin'; run: RunStart }
  | { t: 'events'; runId: string; block: EventBlock }
  | { t: 'end'; report: RunReport }
  | { t: 'flush'; id: number };

export type WriterReply =
  | { t: 'flushed'; id: number; written: number }
  /** Part of a run could not be written: `message` says why (SQLite's code in brackets). */
  | { t: 'failed'; runId: string; message: string }
  /** The writer cannot work at all and has stopped. */
  | { t: 'fatal'; message: string };

export interface WriterData { file: string; nativeBinding?: string; busyTimeoutMs?: number }

const port = parentPort!;
const reply = (m: WriterReply): void => port.postMessage(m);
const why = (e: unknown): string => { const code = sqliteCode(e); return code ? `${describeError(e)} (${code})` : describeError(e); };

function start(data: WriterData): void {
  const db = openWriterConnection(data.file, data);
  const writes = new RunWrites(db);
  const pending: { runId: string; block: EventBlock }[] = [];
  /** Run ids to the numbers that key their events (only runs whose row was written). */
  const runNos = new Map<string, number>();
  let scheduled = false;
  let written = 0;

  const commit = db.transaction((blocks: typeof pending) => {
    let n = 0;
    for (const p of blocks) n += writes.insertEvents(runNos.get(p.runId)!, p.block);
    return n;
  });

  /** Writes what has queued up; never throws. Blocks of a run whose row failed are dropped (that failure was told). */
  function writePending(): void {
    scheduled = false;
    if (!pending.length) return;
    const blocks = pending.splice(0).filter((p) => runNos.has(p.runId));
    if (!blocks.length) return;
    try {
      written += commit(blocks);
    } catch (e) {
      for (const runId of new Set(blocks.map((p) => p.runId))) reply({ t: 'failed', runId, message: why(e) });
    }
  }

  function handle(m: WriterMessage): void {
    if (m.t === 'events') {
      pending.push({ runId: m.runId, block: m.block });
      if (!scheduled) { scheduled = true; setImmediate(writePending); }
      return;
    }
    writePending(); // everything before this message lands first
    if (m.t === 'begin') {
      try { runNos.set(m.run.id, writes.beginRun(m.run)); } catch (e) { reply({ t: 'failed', runId: m.run.id, message: why(e) }); }
    } else if (m.t === 'end') {
      if (!runNos.has(m.report.runId)) return; // its row was never written: told at 'begin'
      try { writes.endRun(m.report); } catch (e) { reply({ t: 'failed', runId: m.report.runId, message: why(e) }); }
    } else {
      reply({ t: 'flushed', id: m.id, written });
    }
  }

  port.on('message', (m: WriterMessage) => {
    try {
      handle(m);
    } catch (e) {
      // Not a write (those are guarded): a message this thread cannot make sense of.
      reply({ t: 'fatal', message: `unexpected ${describeError(e)} handling "${(m as { t?: string }).t}"` });
      port.close();
    }
  });
}

try {
  start(workerData as WriterData);
} catch (e) {
  reply({ t: 'fatal', message: why(e) });
  port.close(); // nothing keeps the thread alive: it ends
}
