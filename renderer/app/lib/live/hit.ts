// What the pointer is on: a mark of the charts, with what is needed to name its event.
import type { Arrow, LaneState } from '../../../../shared/live';

export type Hit =
  /** A lane's span: the process was in `state` from `fromUs` to `toUs` (call: the call it belongs to). */
  | { kind: 'span'; pid: number; state: LaneState; fromUs: number; toUs: number; open: boolean; call: number }
  /** A process's end. */
  | { kind: 'exit'; pid: number; atUs: number }
  /** An arrow between two processes. */
  | { kind: 'arrow'; arrow: Arrow }
  /** A point of an object's track: `field` became `value` at `atUs`, until `untilUs`. */
  | { kind: 'point'; obj: string; field: string; value: number; atUs: number; untilUs: number };

/** Where a tooltip goes: the pointer, in the page's CSS pixels. */
export interface HoverAt { hit: Hit; clientX: number; clientY: number }

/** Whether two hits are on the same mark (a pointer moving within one mark changes nothing). */
export function sameHit(a: Hit | null, b: Hit | null): boolean {
  if (a === b) return true;
  if (!a || !b || a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'span': { const o = b as typeof a; return a.pid === o.pid && a.fromUs === o.fromUs && a.toUs === o.toUs; }
    case 'exit': return a.pid === (b as typeof a).pid;
    case 'arrow': { const o = b as typeof a; return a.arrow.from.seq === o.arrow.from.seq && a.arrow.to.seq === o.arrow.to.seq; }
    case 'point': { const o = b as typeof a; return a.obj === o.obj && a.field === o.field && a.atUs === o.atUs && a.untilUs === o.untilUs; }
  }
}
