// The history's writer, in a worker thread: the kernel's thread only posts messages, so a
// slow disk can never stall a run. Event blocks are written in one transaction per turn of
// this thread's event loop, however many came in.
import { parentPort, workerData } from 'node:worker_threads';
import type { RunReport } from '../../../shared/run-report';
import { openDatabase } from './open-database';
import { RunWrites, type EventBlock, type RunStart } from './run-writes';

export type WriterMessage =
  | { t: 'begin'; run: RunStart }
  | { t: 'events'; runId: string; block: EventBlock }
  | { t: 'end'; report: RunReport }
  | { t: 'flush'; id: number };

export type WriterReply = { t: 'flushed'; id: number; written: number } | { t: 'error'; message: string };

const { file, nativeBinding } = workerData as { file: string; nativeBinding?: string };
const { db } = openDatabase(file, { nativeBinding });
const writes = new RunWrites(db);
const pending: { runId: string; block: EventBlock }[] = [];
/** Run ids to the numbers that key their events. */
const runNos = new Map<string, number>();
let scheduled = false;
let written = 0;

const commit = db.transaction(() => {
  for (const p of pending) written += writes.insertEvents(runNos.get(p.runId)!, p.block);
  pending.length = 0;
});

function writePending(): void {
  scheduled = false;
  if (pending.length) commit();
}

parentPort!.on('message', (m: WriterMessage) => {
  try {
    if (m.t === 'events') {
      pending.push({ runId: m.runId, block: m.block });
      if (!scheduled) { scheduled = true; setImmediate(writePending); }
      return;
    }
    writePending(); // everything before this message lands first
    if (m.t === 'begin') runNos.set(m.run.id, writes.beginRun(m.run));
    else if (m.t === 'end') writes.endRun(m.report);
    else if (m.t === 'flush') parentPort!.postMessage({ t: 'flushed', id: m.id, written } satisfies WriterReply);
  } catch (e) {
    parentPort!.postMessage({ t: 'error', message: (e as Error).message } satisfies WriterReply);
  }
});
