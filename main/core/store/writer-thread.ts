// The history's writer thread: it only writes. The fold thread (fold-thread.ts) hands it each
// run's start, its events already folded into blocks, buckets, tables and keyframes, and its
// report, in the order the kernel's thread posted them; it writes the events that came in one
// turn of its event loop in one transaction, however many, so a slow disk never stalls a run.
//
// Nothing thrown here may end the thread silently: every write is guarded, a failure is sent
// back as `failed` (with the run it concerns and SQLite's message and code) and the thread
// goes on; a writer that cannot open the file sends `fatal` and ends, and the main thread then
// refuses every later message (store-writer.ts).
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { openWriterConnection } from './open-database';
import type { RunWriteSet } from './run-folder';
import { RunWrites } from './run-writes';
import { describeError, sqliteCode } from './store-error';
import type { StoreReply, WriteMessage } from './writer-messages';

export interface WriterData { file: string; nativeBinding?: string; busyTimeoutMs?: number; folded: MessagePort }

const main = parentPort!;
const data = workerData as WriterData;
const reply = (m: StoreReply): void => main.postMessage(m);
const why = (e: unknown): string => { const code = sqliteCode(e); return code ? `${describeError(e)} (${code})` : describeError(e); };

function start(): void {
  const db = openWriterConnection(data.file, data);
  const writes = new RunWrites(db);
  const pending: { runId: string; set: RunWriteSet }[] = [];
  /** Run ids to the numbers that key their events (only runs whose row was written). */
  const runNos = new Map<string, number>();
  let scheduled = false;
  let written = 0;

  const commit = db.transaction((sets: typeof pending) => {
    let n = 0;
    for (const p of sets) n += writes.insertEvents(runNos.get(p.runId)!, p.runId, p.set);
    return n;
  });

  /** Writes what has queued up; never throws. Events of a run whose row failed are dropped (that failure was told). */
  function writePending(): void {
    scheduled = false;
    if (!pending.length) return;
    const sets = pending.splice(0).filter((p) => runNos.has(p.runId));
    if (!sets.length) return;
    try {
      written += commit(sets);
    } catch (e) {
      for (const runId of new Set(sets.map((p) => p.runId))) reply({ t: 'failed', runId, message: why(e) });
    }
  }

  function handle(m: WriteMessage): void {
    if (m.t === 'write') {
      pending.push({ runId: m.runId, set: m.set });
      if (!scheduled) { scheduled = true; setImmediate(writePending); }
      return;
    }
    writePending(); // everything before this message lands first
    if (m.t === 'begin') {
      try { runNos.set(m.run.id, writes.beginRun(m.run)); } catch (e) { reply({ t: 'failed', runId: m.run.id, message: why(e) }); }
    } else if (m.t === 'end') {
      if (!runNos.has(m.report.runId)) return; // its row was never written: told at 'begin'
      runNos.delete(m.report.runId);
      try { writes.endRun(m.report); } catch (e) { reply({ t: 'failed', runId: m.report.runId, message: why(e) }); }
    } else {
      reply({ t: 'flushed', id: m.id, written });
    }
  }

  data.folded.on('message', (m: WriteMessage) => {
    try {
      handle(m);
    } catch (e) {
      // Not a write (those are guarded): a message this thread cannot make sense of.
      reply({ t: 'fatal', message: `unexpected ${describeError(e)} handling "${(m as { t?: string }).t}"` });
      data.folded.close();
    }
  });
}

try {
  start();
} catch (e) {
  reply({ t: 'fatal', message: why(e) });
  data.folded.close(); // nothing keeps the thread alive: it ends
}
