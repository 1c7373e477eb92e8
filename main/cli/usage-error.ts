/** Bad command-line input: printed with a hint and exit code 2. */
export class UsageError extends Error {}

export const EXIT = { ok: 0, runFailed: 1, usage: 2, interrupted: 130 } as const;
