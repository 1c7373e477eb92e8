// Folds event rows into chart buckets (10 ms of run time each) before they are written:
// per bucket, one row for all events (their seq range, how many operations) and one row per
// object with the largest value of each state field.
import { EVENT_COLUMNS, type EventRow } from './event-rows';

export const BUCKET_US = 10_000;

const col = (name: (typeof EVENT_COLUMNS)[number]) => EVENT_COLUMNS.indexOf(name);
const SEQ = col('seq'), T = col('t'), KIND = col('kind'), OBJ = col('obj');
const STATE = [col('size'), col('value'), col('waiters'), col('owner'), col('flag')];

/** [bucket, obj, ops, first_seq, last_seq, size, value, waiters, owner, flag] */
export type BucketRow = [number, string, number, number, number, ...(number | null)[]];

export function aggregateBuckets(rows: readonly EventRow[]): BucketRow[] {
  const acc = new Map<string, BucketRow>();
  const touch = (bucket: number, obj: string, seq: number, isOp: boolean): BucketRow => {
    const key = `${bucket}\u0000${obj}`;
    let b = acc.get(key);
    if (!b) acc.set(key, (b = [bucket, obj, 0, seq, seq, null, null, null, null, null]));
    if (isOp) b[2]++;
    if (seq < b[3]) b[3] = seq;
    if (seq > b[4]) b[4] = seq;
    return b;
  };
  for (const r of rows) {
    const bucket = Math.floor((r[T] as number) / BUCKET_US);
    const seq = r[SEQ] as number;
    const isOp = r[KIND] === 'op';
    touch(bucket, '', seq, isOp);
    const obj = r[OBJ] as string | null;
    if (!isOp || !obj) continue;
    const b = touch(bucket, obj, seq, true);
    STATE.forEach((c, i) => {
      const v = r[c] as number | null;
      if (v !== null && (b[5 + i] === null || v > (b[5 + i] as number))) b[5 + i] = v;
    });
  }
  return [...acc.values()];
}

/** Merges a bucket row into the one already stored: counts add up, ranges widen, maxima rise. */
export const UPSERT_BUCKET = `INSERT INTO event_buckets (run_no, bucket, obj, ops, first_seq, last_seq, size, value, waiters, owner, flag)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
  ON CONFLICT (run_no, bucket, obj) DO UPDATE SET ops = ops + excluded.ops,
    first_seq = min(first_seq, excluded.first_seq), last_seq = max(last_seq, excluded.last_seq),
    ${['size', 'value', 'waiters', 'owner', 'flag'].map((f) => `${f} = CASE WHEN ${f} IS NULL THEN excluded.${f} WHEN excluded.${f} IS NULL THEN ${f} ELSE max(${f}, excluded.${f}) END`).join(',\n    ')}`;
