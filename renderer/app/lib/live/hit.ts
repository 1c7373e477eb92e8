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
