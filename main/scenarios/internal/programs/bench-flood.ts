// The flood behind `npm run bench`'s kernel-max-block figures: workers that send the kernel,
// on the raw channel, the largest messages the caps allow, as fast as it reads them. Two
// shapes: MAX_CALLS_PER_MESSAGE small calls, and a message of about MAX_MESSAGE_BYTES made
// of items of MAX_ITEM_BYTES in the shape JSON.parse is slowest on (lists of tiny lists);
// 'both' alternates them. Each put is followed by a get, so the queue stays small and every
// call does real work.
import { MAX_CALLS_PER_MESSAGE, MAX_ITEM_BYTES, MAX_MESSAGE_BYTES } from '../../../protocol/limits';
import type { Queue } from '../../../worker/handles';
import { sendRawText } from '../../../worker/host-channel';
import { crewMember } from './bench-crew';

export type FloodShape = 'calls' | 'bytes';
export type FloodPlan = FloodShape | 'both';

/** One message of the given shape on queue `qid`, as text; casts only (no replies to wait for). */
export function floodMessage(shape: FloodShape, qid: string): string {
  const calls: string[] = [];
  if (shape === 'calls') {
    for (let i = 0; i < MAX_CALLS_PER_MESSAGE / 2; i++) calls.push(`[0,"${qid}","put",[${i}]]`, `[0,"${qid}","get",[]]`);
  } else {
    // As few items of [[0],[0],...] as fill the message, none over MAX_ITEM_BYTES.
    const get = `[0,"${qid}","get",[]]`;
    const room = MAX_MESSAGE_BYTES - 64;
    const items = Math.ceil(room / MAX_ITEM_BYTES);
    const perItem = Math.min(MAX_ITEM_BYTES, Math.floor(room / items)) - get.length - qid.length - 24;
    const item = `[${Array(Math.floor((perItem - 2) / 4)).fill('[0]').join(',')}]`;
    for (let i = 0; i < items; i++) calls.push(`[0,"${qid}","put",[${item}]]`, get);
  }
  return `{"t":"calls","ack":0,"c":[${calls.join(',')}]}`;
}

/** Sends `messages` flood messages, a few at a time: a round trip after each few keeps the pipe full but bounded. */
export const floodWorker = crewMember(async (_lab, q: Queue, plan: FloodPlan, messages: number) => {
  await q.qsize(); // the queue exists before the raw messages name it
  const texts = plan === 'both' ? [floodMessage('calls', q.id), floodMessage('bytes', q.id)] : [floodMessage(plan, q.id)];
  for (let sent = 0; sent < messages; sent += 4) {
    for (let i = 0; i < 4 && sent + i < messages; i++) sendRawText(texts[(sent + i) % texts.length]);
    await q.qsize();
  }
});
