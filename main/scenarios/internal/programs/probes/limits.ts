// Probes that exceed the caps of main/protocol/limits.ts, one each, through the lab API and
// on the raw channel (as a worker that bypasses the API would). The one that exceeds a cap
// is a child, "flooder"; it records what its program saw, and the parent then shows the
// kernel still serves another process. Sizes come from the caps themselves.
import {
  MAX_CALLS_PER_MESSAGE, MAX_HELD_BYTES, MAX_HELD_ITEMS, MAX_ITEM_BYTES, MAX_MESSAGE_BYTES, MAX_NESTING,
  MAX_OBJECTS_PER_RUN, MAX_PRINT_CHARS_PER_RUN, MAX_PRINT_LINE_CHARS, MAX_REFUSALS_PER_PROCESS, MAX_TIMEOUT_MS,
} from '../../../../protocol/limits';
import { KERNEL_ID } from '../../../../protocol/worker-protocol';
import type { Queue } from '../../../../worker/handles';
import type { Lab } from '../../../../worker/lab';
import { sendRawText } from '../../../../worker/host-channel';
import { errorCode, type ProbeProgram, type ProbeSet } from './probe-set';

/** A refusal of a call sent without waiting surfaces at a later operation: wait for it. */
async function raisedSoon(lab: Lab): Promise<string> {
  for (let i = 0; i < 20; i++) {
    const code = await errorCode(lab.sleep(0.1));
    if (code !== 'none') return code;
  }
  return 'none';
}

/** One message on the raw channel, as text. */
const raw = (calls: unknown[], ack = 0): void => sendRawText(JSON.stringify({ t: 'calls', ack, c: calls }));

/** A nested list `depth` levels deep. */
function nested(depth: number): unknown {
  let v: unknown = 0;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Runs `program` in a child named "flooder", then shows the kernel serving the parent. */
function flood(program: string, ...args: unknown[]): ProbeProgram {
  return async (lab) => {
    const q = lab.queue({ name: 'after' }); // made first: the flooder may use up the objects cap
    const c = await lab.spawn(program, args, { name: 'flooder' });
    await c.join();
    lab.result('flooderExit', c.exitcode);
    await q.put('still served');
    lab.result('served', await q.get());
  };
}

/** Takes every item out of q again, so the run's held caps have room for the parent. */
async function drain(q: Queue): Promise<void> {
  for (let n = await q.qsize(); n > 0; n--) await q.get();
}

const KB60 = 'x'.repeat(60_000);

export const limitProbes = {
  main: {
    'limit-item-bytes': flood('overItem'),
    'limit-message-bytes': flood('overMessage'),
    'limit-calls-per-message': flood('overCalls'),
    'limit-nesting': flood('overNesting'),
    'limit-print': flood('overPrint'),
    'limit-held-bytes': flood('overHeldBytes'),
    'limit-held-items': flood('overHeldItems'),
    'limit-objects': flood('overObjects'),
    'limit-result': flood('overResult'),
    'limit-protocol': flood('badAck'),
    'limit-refusals': flood('keepsFlooding'),
    'limit-heap': flood('eatsMemory'),
    /** Spawns until the host's process cap (a LabHost with maxProcesses) says no. */
    'limit-processes': async (lab) => {
      const kids = [];
      let refused = 'none';
      for (let i = 0; i < 10 && refused === 'none'; i++) {
        try { kids.push(await lab.spawn('sleeper', [], { name: `kid${i}` })); } catch (e) { refused = (e as Error).name; }
      }
      lab.result('spawned', kids.length);
      lab.result('refused', refused);
      for (const k of kids) await k.terminate();
      for (const k of kids) await k.join();
      // With room again, a spawn works.
      const again = await lab.spawn('sleeper', [0], { name: 'again' });
      await again.join();
      lab.result('afterRoom', again.exitcode);
    },
    /** A timeout longer than MAX_TIMEOUT_MS counts as none: nothing can wake this get, the run is hung. */
    'timeout-over-max': async (lab) => {
      const q = lab.queue({ name: 'q' });
      await q.get({ timeout: 2 ** 31 });
    },
    /** A sleep longer than MAX_TIMEOUT_MS never ends within a run either. */
    'sleep-over-max': async (lab) => { await lab.sleep(2 ** 40); },
    /** A timeout of exactly MAX_TIMEOUT_MS is a real timer: the run waits (the test stops it). */
    'timeout-at-max': async (lab) => {
      const q = lab.queue({ name: 'q' });
      lab.result('waiting', true);
      await q.get({ timeout: MAX_TIMEOUT_MS / lab.timeUnitMs });
    },
    /** A daemon child that ignores SIGTERM: only the run's wall-clock limit can end it. */
    'ignores-sigterm': async (lab) => {
      const ready = lab.queue({ name: 'ready' });
      await lab.spawn('deaf', [ready], { name: 'deaf', daemon: true });
      await ready.get();
    },
  },
  helpers: {
    sleeper: async (lab, units = 1000) => { await lab.sleep(units); },
    overItem: async (lab) => {
      const q = lab.queue({ name: 'q' });
      await q.qsize(); // the queue exists before the raw message refers to it
      lab.result('apiPut', await errorCode(q.put('x'.repeat(MAX_ITEM_BYTES))));
      raw([[0, q.id, 'put', ['x'.repeat(MAX_ITEM_BYTES)]]]);
      lab.result('rawPut', await raisedSoon(lab));
      lab.result('qsize', await q.qsize());
    },
    overMessage: async (lab) => {
      const q = lab.queue({ name: 'q' });
      await q.qsize();
      // Five 60 KB items in one turn: more than one message can carry, so the API sends two.
      for (let i = 0; i < 5; i++) await q.put(KB60);
      lab.result('apiPuts', await q.qsize());
      sendRawText(`{"t":"calls","ack":0,"c":[[0,"${q.id}","put",["${'x'.repeat(MAX_MESSAGE_BYTES)}"]]]}`);
      lab.result('rawMessage', await raisedSoon(lab));
      lab.result('qsize', await q.qsize());
    },
    overCalls: async (lab) => {
      const q = lab.queue({ name: 'q' });
      await q.qsize();
      const n = MAX_CALLS_PER_MESSAGE * 2 + 500;
      for (let i = 0; i < n; i++) await q.put(i); // one turn: the API sends three messages
      lab.result('apiPuts', await q.qsize());
      raw(Array.from({ length: MAX_CALLS_PER_MESSAGE + 1 }, () => [0, q.id, 'put', [1]]));
      lab.result('rawCalls', await raisedSoon(lab));
      lab.result('qsize', await q.qsize());
    },
    overNesting: async (lab) => {
      const q = lab.queue({ name: 'q' });
      lab.result('okDepth', await errorCode(q.put(nested(MAX_NESTING - 2))));
      lab.result('apiPut', await errorCode(q.put(nested(MAX_NESTING + 1))));
      sendRawText('['.repeat(100_000) + ']'.repeat(100_000));
      lab.result('rawDeep', await raisedSoon(lab));
      lab.result('qsize', await q.qsize());
    },
    overPrint: async (lab) => {
      lab.print('y'.repeat(MAX_PRINT_LINE_CHARS + 100));
      lab.result('longLine', await raisedSoon(lab));
      const line = 'z'.repeat(MAX_PRINT_LINE_CHARS);
      for (let i = 0; i < MAX_PRINT_CHARS_PER_RUN / MAX_PRINT_LINE_CHARS + 20; i++) lab.print(line);
      lab.result('perRun', await raisedSoon(lab));
    },
    overHeldBytes: async (lab) => {
      const q = lab.queue({ name: 'q' });
      const n = Math.ceil(MAX_HELD_BYTES / KB60.length) + 30;
      for (let i = 0; i < n; i++) await q.put(KB60);
      lab.result('put', await raisedSoon(lab));
      const held = await q.qsize();
      lab.result('held', held);
      for (let i = 0; i < 10; i++) await q.get();
      lab.result('afterRoom', await errorCode(q.put(KB60).then(() => q.qsize())));
      lab.result('qsize', await q.qsize());
      await drain(q);
    },
    overHeldItems: async (lab) => {
      // Arrays hold one item per slot: fill most of the cap cheaply, then put the rest.
      const slots = 30_000;
      const arrays = Math.floor((MAX_HELD_ITEMS - 1000) / slots);
      for (let i = 0; i < arrays; i++) lab.array(new Array<number>(slots).fill(0), { lock: false });
      const q = lab.queue({ name: 'q' });
      const left = MAX_HELD_ITEMS - arrays * slots;
      for (let i = 0; i < left + 5; i++) await q.put(i);
      lab.result('put', await raisedSoon(lab));
      lab.result('qsize', await q.qsize());
      await drain(q);
    },
    overObjects: async (lab) => {
      for (let i = 0; i < MAX_OBJECTS_PER_RUN + 5; i++) lab.queue();
      lab.result('create', await raisedSoon(lab));
    },
    overResult: async (lab) => {
      const l = lab.manager().list<string>([], { name: 'l' });
      for (let i = 0; i < 5; i++) await l.append(KB60);
      lab.result('copy', await errorCode(l.copy()));
      const first = await l.get(0);
      lab.result('getOne', first.length);
    },
    badAck: async (lab) => {
      raw([[0, KERNEL_ID, 'print', ['sneaky']]], 999);
      lab.result('ack', await raisedSoon(lab));
    },
    /** Catches every refusal and goes on: after MAX_REFUSALS_PER_PROCESS the kernel ends it. */
    keepsFlooding: async (lab) => {
      const q = lab.queue({ name: 'q' });
      const big = 'x'.repeat(MAX_ITEM_BYTES);
      for (let i = 0; i < MAX_REFUSALS_PER_PROCESS * 3; i++) {
        try { await q.put(big); } catch { /* and again */ }
        if (i % 100 === 99) await lab.sleep(0);
      }
      lab.result('survived', true);
    },
    /** Allocates until its heap limit ends it. */
    eatsMemory: async () => {
      const hoard: number[][] = [];
      for (;;) hoard.push(new Array<number>(1_000_000).fill(hoard.length + 0.5));
    },
    deaf: async (lab, ready: Queue) => {
      process.on('SIGTERM', () => { /* ignored */ });
      await ready.put(1);
      for (;;) await lab.sleep(1);
    },
  },
} satisfies ProbeSet;
