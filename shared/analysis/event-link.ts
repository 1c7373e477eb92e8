// A causal link between two events of a run: an item that travelled from a put to a get,
// a wake-up from the operation that caused it, a spawn to the child's start.
import type { LabEvent } from '../events';

export type LinkKind = 'item' | 'wake' | 'spawn';

export interface EventLink {
  kind: LinkKind;
  from: LabEvent;
  to: LabEvent;
}
