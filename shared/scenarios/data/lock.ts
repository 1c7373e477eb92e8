// What lock's programs and its checks agree on: a piece of the shared console.

/** One piece a worker appended to the console: its pid and the text. */
export type Chunk = [pid: number, piece: string];
