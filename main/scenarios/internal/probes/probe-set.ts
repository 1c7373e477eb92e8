import type { Program } from '../../scenario';

/** A group of probes: `main` entries are selectable cases, helpers are their child programs. */
export interface ProbeSet {
  main: Record<string, Program>;
  helpers: Record<string, Program>;
  functions?: Record<string, (x: unknown) => unknown>;
}

/** The error name a call raised ('Empty', 'ValueError', ...), or 'none'. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try { await p; return 'none'; } catch (e) { return (e as Error).name; }
}
