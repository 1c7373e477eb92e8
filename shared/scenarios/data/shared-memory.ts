// What shared-memory's programs and its checks agree on: what a process reports it saw.

/** One look at the data: the process's own global, and the shared Value and Array. */
export interface Seen { label: string; pid: number; global: number; value?: number; array?: number[] }
