// What the fold thread makes of a run's events before they are written: the blocks (the
// batches' JSON text as the kernel's thread handed it over, batches of a turn joined up to
// BLOCK_EVENTS), the chart buckets, the object and process tables as they appear, and a
// keyframe (the live model's snapshot) every `keyframeEvery` events.
import { EVENT_FORMAT_VERSION, type LabEvent } from '../../../shared/events';
import { LiveModel } from '../../../shared/live';
import { BucketFolder, type BucketRow } from './bucket-aggregator';
import { describeError } from './store-error';

/**
 * Keyframe interval, in events: the state at any moment costs reading and folding at most this
 * many events, and a keyframe costs one snapshot of the model. Measured on a 1,000,000-event
 * event-flood run (a keyframe there is about 60 KB: a queue's 1,000 items in flight): a
 * 10-second window (a full page of 20,000 events) cost a median 43 ms of CPU with 10,000,
 * 38 ms with 5,000 or 2,000 (the page itself is most of it), while the keyframes took 4%, 7%
 * and 16% of the file.
 */
export const KEYFRAME_EVERY = 10_000;

/** Batches that came in one turn are joined into blocks of about this many events: fewer rows
 *  for chatty runs, small enough that a window reads little more than it needs. A kernel batch
 *  is never split. */
export const BLOCK_EVENTS = 1024;

export interface EventBlock {
  firstSeq: number; lastSeq: number; firstT: number; lastT: number; count: number;
  /** JSON array of event rows (event-rows.ts). */
  events: string;
  format: number;
}

export interface ObjectRow { label: string; kind: string; info: string; seq: number; t: number }
export interface ProcessStart { pid: number; name: string; program: string; parentPid: number | null; daemon: boolean; startMs: number }
export interface ProcessEnd { pid: number; exitCode: number | null; signal: string | null; how: string | null; endMs: number }
export interface Keyframe { seq: number; atUs: number; state: string }

/** Everything one turn of the writer writes for one run. */
export interface RunWriteSet {
  blocks: EventBlock[];
  buckets: BucketRow[];
  objects: ObjectRow[];
  starts: ProcessStart[];
  ends: ProcessEnd[];
  keyframes: Keyframe[];
  /** Why keyframes stopped for this run (the model failed on an event): said once. */
  modelFailure?: string;
}

/** µs → ms, as the run report gives times (report-from-events.ts rounds the same way). */
const ms = (us: number): number => Math.round(us) / 1000;

class BlockCutter {
  private texts: string[] = [];
  private count = 0;
  private firstSeq = 0;
  private lastSeq = 0;
  private minT = 0;
  private maxT = 0;
  readonly blocks: EventBlock[] = [];

  /** Adds a batch (its events parsed, and its text): cuts the block first when it would grow too big. */
  add(batch: readonly LabEvent[], text: string): void {
    if (this.count && this.count + batch.length > BLOCK_EVENTS) this.cut();
    if (!this.count) { this.firstSeq = batch[0].seq; this.minT = this.maxT = batch[0].t; }
    for (const e of batch) {
      if (e.t < this.minT) this.minT = e.t;
      if (e.t > this.maxT) this.maxT = e.t;
    }
    this.lastSeq = batch[batch.length - 1].seq;
    this.count += batch.length;
    this.texts.push(text);
  }

  cut(): void {
    if (!this.count) return;
    // JSON arrays joined: "[a,b]" + "[c]" is "[a,b,c]".
    const events = this.texts.length === 1 ? this.texts[0] : `[${this.texts.map((t) => t.slice(1, -1)).join(',')}]`;
    this.blocks.push({ firstSeq: this.firstSeq, lastSeq: this.lastSeq, firstT: this.minT, lastT: this.maxT, count: this.count, events, format: EVENT_FORMAT_VERSION });
    this.texts = [];
    this.count = 0;
  }
}

export class RunFolder {
  private readonly buckets = new BucketFolder();
  /** Trimmed as it goes: keyframes need the model's state, not its history. */
  private model: LiveModel | undefined = new LiveModel({ retainUs: 1_000_000 });
  private nextKeyframe: number;

  constructor(readonly keyframeEvery = KEYFRAME_EVERY) {
    this.nextKeyframe = keyframeEvery;
  }

  /** Folds the batches that came in this turn (each a JSON array of events, in seq order). */
  fold(texts: readonly string[]): RunWriteSet {
    const out: RunWriteSet = { blocks: [], buckets: [], objects: [], starts: [], ends: [], keyframes: [] };
    const cutter = new BlockCutter();
    for (const text of texts) {
      const batch = JSON.parse(text) as LabEvent[];
      if (!batch.length) continue;
      cutter.add(batch, text);
      for (const e of batch) {
        this.buckets.add(e);
        this.tables(e, out);
      }
      this.foldModel(batch, out);
    }
    cutter.cut();
    out.blocks = cutter.blocks;
    out.buckets = this.buckets.take();
    return out;
  }

  /** Objects and processes, as their events make them known. */
  private tables(e: LabEvent, out: RunWriteSet): void {
    if (e.kind === 'op') {
      if (e.op === 'create' && e.object) out.objects.push({ label: e.object.label, kind: e.object.kind, info: JSON.stringify(e.object), seq: e.seq, t: e.t });
    } else if (e.kind === 'life' && e.pid !== 0) {
      if (e.life === 'created') {
        const p = e.proc;
        out.starts.push({ pid: e.pid, name: p?.name ?? e.res ?? String(e.pid), program: p?.program ?? e.arg ?? '', parentPid: p?.parentPid ?? null, daemon: p?.daemon ?? false, startMs: ms(e.t) });
      } else if (e.life === 'exited') {
        out.ends.push({ pid: e.pid, exitCode: e.exitCode ?? null, signal: e.signal ?? null, how: e.how ?? null, endMs: ms(e.t) });
      }
    }
  }

  /** Folds a batch into the model, taking a keyframe right after each multiple of keyframeEvery. */
  private foldModel(batch: readonly LabEvent[], out: RunWriteSet): void {
    const model = this.model;
    if (!model) return;
    try {
      let from = 0;
      while (from < batch.length) {
        let to = from;
        while (to < batch.length && batch[to].seq < this.nextKeyframe) to++;
        if (to === batch.length) { model.fold(from ? batch.slice(from) : batch); return; }
        model.fold(batch.slice(from, to + 1));
        const s = model.snapshot();
        out.keyframes.push({ seq: s.atSeq, atUs: s.atUs, state: JSON.stringify(s) });
        this.nextKeyframe = (Math.floor(batch[to].seq / this.keyframeEvery) + 1) * this.keyframeEvery;
        from = to + 1;
      }
    } catch (e) {
      // The events are still written; windows after this point fold from the last keyframe.
      this.model = undefined;
      out.modelFailure = `keyframes stopped at seq ${batch[0].seq}: the live model failed (${describeError(e)})`;
    }
  }
}
