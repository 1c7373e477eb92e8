import type { ParamsOf } from '../../../../../shared/scenario-meta';
import type { PoolFunction, Program } from '../../../programs/program';
import type { probeMeta } from '../../probe-meta';

/** A probe program: its `lab.params` are probe's (the `case` it runs). */
export type ProbeProgram = Program<ParamsOf<typeof probeMeta>>;

/** A group of probes: `main` entries are selectable cases, helpers are their child programs. */
export interface ProbeSet {
  main: Record<string, ProbeProgram>;
  helpers: Record<string, ProbeProgram>;
  functions?: Record<string, PoolFunction>;
}

/** The error name a call raised ('Empty', 'ValueError', ...), or 'none'. */
export async function errorCode(p: Promise<unknown>): Promise<string> {
  try { await p; return 'none'; } catch (e) { return (e as Error).name; }
}
