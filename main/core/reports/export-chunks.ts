// Exports of big runs leave in chunks: a run of millions of events makes a CSV or JSON text
// far past V8's longest string (about 512 MiB), so no exporter builds its whole text. The
// pieces (a CSV row, one event's JSON) are joined into chunks of about CHUNK_CHARS, each
// written to the sink before the next is made.

/** Characters per chunk: large enough that writes are few, small enough to stay in the cache. */
export const CHUNK_CHARS = 64 * 1024;

/** The pieces joined into chunks of at least `size` characters (the last may be shorter). */
export function* chunked(pieces: Iterable<string>, size = CHUNK_CHARS): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  for (const p of pieces) {
    parts.push(p);
    length += p.length;
    if (length >= size) {
      yield parts.join('');
      parts = [];
      length = 0;
    }
  }
  if (length > 0) yield parts.join('');
}

/**
 * The JSON text of `{ ...head, [key]: items }`, in pieces: the head's fields, then each item
 * on its own. Same text as JSON.stringify of that object (head must not have `key` itself).
 */
export function* jsonObjectWithArray(head: object, key: string, items: Iterable<unknown>): Generator<string> {
  const open = JSON.stringify(head);
  yield `${open.length > 2 ? `${open.slice(0, -1)},` : '{'}${JSON.stringify(key)}:[`;
  let first = true;
  for (const item of items) {
    // In an array, what JSON cannot write (undefined, a function) is written null.
    const text = JSON.stringify(item) ?? 'null';
    yield first ? text : `,${text}`;
    first = false;
  }
  yield ']}';
}
