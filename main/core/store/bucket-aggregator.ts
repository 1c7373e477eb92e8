// Folds events into chart buckets (10 ms of the run's clock each) before they are written:
// per bucket, one row for all events (their seq range, how many operations) and one row per
// object with, per state field, its smallest, largest and last value in the bucket.
//
// The clock is the live model's: an event's t, never earlier than an event before it (an
// operation is stamped when it began, so an event recorded after it can carry an earlier t).
// On that clock buckets follow seq order, so "last" in a bucket is the last event's value and
// the buckets of a run can be merged in order.
import type { LabEvent } from '../../../shared/events';
import { TRACK_FIELDS, fieldNumber } from '../../../shared/live';

export const BUCKET_US = 10_000;

/** The state fields a bucket keeps, in the order of their columns. */
export const BUCKET_FIELDS = TRACK_FIELDS;
export type BucketField = (typeof BUCKET_FIELDS)[number];

/** Where each field's max, min and last sit in a BucketRow. */
export const FIELD_AT = 5;
const NF = BUCKET_FIELDS.length;

/** [bucket, obj, ops, first_seq, last_seq, then per field (BUCKET_FIELDS order): max, min, last] */
export type BucketRow = [number, string, number, number, number, ...(number | null)[]];

/** Accumulates buckets over events given in seq order (across batches: the clock carries on). */
export class BucketFolder {
  /** The model's clock: the latest t so far. */
  clock = 0;
  private bucket = -1;
  private current = new Map<string, BucketRow>();
  private done: BucketRow[] = [];

  add(e: LabEvent): void {
    if (e.t > this.clock) this.clock = e.t;
    const bucket = Math.floor(this.clock / BUCKET_US);
    if (bucket !== this.bucket) {
      for (const row of this.current.values()) this.done.push(row);
      this.current = new Map();
      this.bucket = bucket;
    }
    const isOp = e.kind === 'op';
    this.touch('', e.seq, isOp);
    if (!isOp || !e.obj) return;
    const b = this.touch(e.obj, e.seq, true);
    const s = e.state;
    if (!s) return;
    for (let i = 0; i < NF; i++) {
      const v = fieldNumber(s, BUCKET_FIELDS[i]);
      if (v === undefined) continue;
      const at = FIELD_AT + 3 * i;
      const max = b[at] as number | null;
      if (max === null || v > max) b[at] = v;
      const min = b[at + 1] as number | null;
      if (min === null || v < min) b[at + 1] = v;
      b[at + 2] = v;
    }
  }

  private touch(obj: string, seq: number, isOp: boolean): BucketRow {
    let b = this.current.get(obj);
    if (!b) {
      b = [this.bucket, obj, 0, seq, seq];
      for (let i = 0; i < 3 * NF; i++) b.push(null);
      this.current.set(obj, b);
    }
    if (isOp) b[2]++;
    b[4] = seq;
    return b;
  }

  /** The rows folded so far (the current bucket's included, so it may be given again, merged). */
  take(): BucketRow[] {
    const out = this.done;
    for (const row of this.current.values()) out.push(row);
    this.done = [];
    this.current = new Map();
    return out;
  }
}

/** Folds a run's events (in seq order) into bucket rows, as the writer does. */
export function aggregateBuckets(events: Iterable<LabEvent>): BucketRow[] {
  const f = new BucketFolder();
  for (const e of events) f.add(e);
  return f.take();
}

const COLUMNS = BUCKET_FIELDS.flatMap((f) => [maxColumn(f), `${f}_min`, `${f}_last`]);

/** A field's max column: named after the field (the column older files have). */
function maxColumn(f: BucketField): string { return f; }

export const BUCKET_COLUMNS = ['bucket', 'obj', 'ops', 'first_seq', 'last_seq', ...COLUMNS] as const;

/**
 * Merges a bucket row into the one already stored (a bucket can span two writes): counts add
 * up, the seq range widens, maxima rise, minima fall, and the later write's last value wins
 * where it has one (writes come in seq order).
 */
export const UPSERT_BUCKET = `INSERT INTO event_buckets (run_no, ${BUCKET_COLUMNS.join(', ')})
  VALUES (?, ${BUCKET_COLUMNS.map(() => '?').join(', ')})
  ON CONFLICT (run_no, bucket, obj) DO UPDATE SET ops = ops + excluded.ops,
    first_seq = min(first_seq, excluded.first_seq), last_seq = max(last_seq, excluded.last_seq),
    ${BUCKET_FIELDS.map((f) => {
      const max = maxColumn(f);
      return [
        `${max} = CASE WHEN ${max} IS NULL THEN excluded.${max} WHEN excluded.${max} IS NULL THEN ${max} ELSE max(${max}, excluded.${max}) END`,
        `${f}_min = CASE WHEN ${f}_min IS NULL THEN excluded.${f}_min WHEN excluded.${f}_min IS NULL THEN ${f}_min ELSE min(${f}_min, excluded.${f}_min) END`,
        `${f}_last = coalesce(excluded.${f}_last, ${f}_last)`,
      ].join(',\n    ');
    }).join(',\n    ')}`;
