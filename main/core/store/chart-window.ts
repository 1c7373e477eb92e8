// Chart data for a time window of a stored run, in at most `slices` equal slices, merged from
// the stored 10 ms buckets: per object and field the min of their minima, the max of their
// maxima and the last of the last bucket that saw the field; operations counted.
// Slices lie on the stored buckets' grid (each holds whole buckets, none is split): the first
// begins at or before `fromUs`, the last ends at or after `toUs` (and may be narrower than the
// others: it ends with the bucket that holds `toUs`).
// A run stored before buckets kept minima and last values (runs.keyframe_every NULL) has its
// buckets folded again from its events, which costs reading the whole run.
import type { BucketField as FieldValues, ChartBucket } from '../../../shared/contract';
import type { LabEvent } from '../../../shared/events';
import type { Db } from './open-database';
import { BUCKET_COLUMNS, BUCKET_FIELDS, BUCKET_US, FIELD_AT, aggregateBuckets, type BucketRow } from './bucket-aggregator';

export function chartWindow(
  db: Db, runNo: number | undefined, stored: boolean, fromUs: number, toUs: number, slices: number, allEvents: () => LabEvent[],
): ChartBucket[] {
  const g0 = Math.floor(fromUs / BUCKET_US);
  const g1 = Math.max(g0, Math.floor(toUs / BUCKET_US));
  const per = Math.ceil((g1 - g0 + 1) / slices);
  const n = Math.ceil((g1 - g0 + 1) / per);
  const out: ChartBucket[] = Array.from({ length: n }, (_, i) => ({
    fromUs: (g0 + i * per) * BUCKET_US, toUs: Math.min(g0 + (i + 1) * per, g1 + 1) * BUCKET_US - 1, ops: 0, objects: {},
  }));
  if (runNo === undefined) return out;
  const rows = stored
    ? db.prepare(`SELECT ${BUCKET_COLUMNS.join(', ')} FROM event_buckets WHERE run_no = ? AND bucket BETWEEN ? AND ? ORDER BY bucket`)
      .raw().all(runNo, g0, g1) as BucketRow[]
    : aggregateBuckets(allEvents()).filter((r) => r[0] >= g0 && r[0] <= g1);
  for (const r of rows) {
    const slot = out[Math.floor((r[0] - g0) / per)];
    if (r[1] === '') { slot.ops += r[2]; continue; }
    for (let i = 0; i < BUCKET_FIELDS.length; i++) {
      const at = FIELD_AT + 3 * i;
      const max = r[at] as number | null;
      if (max === null) continue;
      const min = r[at + 1] as number | null;
      const last = r[at + 2] as number | null;
      const o = (slot.objects[r[1]] ??= {});
      const v: FieldValues | undefined = o[BUCKET_FIELDS[i]];
      if (!v) { o[BUCKET_FIELDS[i]] = { min: min ?? max, max, last: last ?? max }; continue; }
      if (max > v.max) v.max = max;
      if (min !== null && min < v.min) v.min = min;
      if (last !== null) v.last = last;
    }
  }
  return out;
}
