// The history's fold thread: the kernel's thread posts each batch of events here as JSON text
// (store-writer.ts says why) and does nothing more with it. Here the batches of each run are
// parsed and folded (run-folder.ts: blocks, chart buckets, object and process tables,
// keyframes), once per turn of this thread's event loop, and passed on in order to the writer
// thread, which only writes. Two threads, because folding and writing each cost about as much
// as the other: one after the other in one thread, they would halve how fast a run is kept.
//
// Nothing thrown here may end the thread silently: a batch that cannot be folded is told as
// `failed` for its run, and the thread goes on.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { KEYFRAME_EVERY, RunFolder } from './run-folder';
import { describeError } from './store-error';
import type { StoreMessage, StoreReply, WriteMessage } from './writer-messages';

export interface FoldData { writer: MessagePort }

const main = parentPort!;
const writer = (workerData as FoldData).writer;
const reply = (m: StoreReply): void => main.postMessage(m);
const pass = (m: WriteMessage): void => writer.postMessage(m);

const folders = new Map<string, RunFolder>();
/** Batches waiting for this turn's fold, per run, in the order they came. */
const pending = new Map<string, string[]>();
let scheduled = false;

function foldPending(): void {
  scheduled = false;
  for (const [runId, texts] of pending) {
    const folder = folders.get(runId);
    if (!folder) continue; // 'begin' always comes first; nothing to fold into otherwise
    try {
      const set = folder.fold(texts);
      if (set.modelFailure) reply({ t: 'failed', runId, message: set.modelFailure });
      pass({ t: 'write', runId, set });
    } catch (e) {
      reply({ t: 'failed', runId, message: `a batch of its events could not be read: ${describeError(e)}` });
    }
  }
  pending.clear();
}

main.on('message', (m: StoreMessage) => {
  try {
    if (m.t === 'events') {
      const list = pending.get(m.runId);
      if (list) list.push(m.json); else pending.set(m.runId, [m.json]);
      if (!scheduled) { scheduled = true; setImmediate(foldPending); }
      return;
    }
    foldPending(); // everything before this message goes first
    if (m.t === 'begin') {
      const run = { ...m.run, keyframeEvery: m.run.keyframeEvery ?? KEYFRAME_EVERY };
      folders.set(run.id, new RunFolder(run.keyframeEvery));
      pass({ t: 'begin', run });
    } else if (m.t === 'end') {
      folders.delete(m.report.runId);
      pass(m);
    } else {
      pass(m);
    }
  } catch (e) {
    reply({ t: 'fatal', message: `the fold thread failed handling "${(m as { t?: string }).t}": ${describeError(e)}` });
    main.close();
    writer.close();
  }
});
