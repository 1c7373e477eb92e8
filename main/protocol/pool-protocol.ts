// What a Pool's parent and its workers put on the pool's queues, and how map() cuts its
// inputs by default. The host's checks read the same shapes from a run's events.

/** [jobId, chunkIndex, functionName, items] or null: the pill that stops one worker. */
export type PoolTask = [number, number, string, unknown[]] | null;
/**
 * [jobId, chunkIndex, ok, values or error text, worker pid], and for results too large to
 * travel as one item, [..., part, parts]: the values of one chunk, in order, in several puts.
 */
export type PoolResult = [number, number, boolean, unknown, number] | [number, number, boolean, unknown[], number, number, number];

/** Python's default map() chunksize: about four chunks per worker. */
export function defaultChunksize(inputs: number, processes: number): number {
  return Math.max(1, Math.ceil(inputs / (processes * 4)));
}
