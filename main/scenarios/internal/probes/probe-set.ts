import type { Program } from '../../scenario';

/** A group of probes: `main` entries are selectable cases, helpers are their child programs. */
export interface ProbeSet {
  main: Record<string, Program>;
  helpers: Record<string, Program>;
  functions?: Record<string, (x: unknown) => unknown>;
}
