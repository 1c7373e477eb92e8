// What queue-polling's programs and its checks agree on: where each counter starts.

/** Where counter k starts: 0, 100, 1000, 10000, ... */
export const startOf = (k: number): number => (k === 0 ? 0 : 10 ** (k + 1));
