// Colours shared by the charts, the transcript and the app, so a process keeps its colour.
// Both sets are safe for the common colour-vision deficiencies, and nothing is told by colour
// alone: a lane's state also has a pattern and a label, an arrow's kind a dash pattern, a
// process its name and pid.

/** Okabe & Ito's colour-universal-design set. */
export const OKABE_ITO = {
  orange: '#E69F00', skyBlue: '#56B4E9', bluishGreen: '#009E73', yellow: '#F0E442',
  blue: '#0072B2', vermillion: '#D55E00', reddishPurple: '#CC79A7', grey: '#999999',
} as const;

/** A lane's state: running solid, blocked hatched, sleeping dotted, exited a marker and its code. */
export const STATE_COLOURS = {
  running: OKABE_ITO.bluishGreen, blocked: OKABE_ITO.vermillion, sleeping: OKABE_ITO.skyBlue, exited: OKABE_ITO.grey,
} as const;

/** Arrows between processes: colour and dash pattern per kind (item: put → get, send → recv;
 *  wake: release → acquire, notify / set → wake; spawn → child; exit → join). */
export const ARROW_STYLES = {
  item: { colour: OKABE_ITO.blue, dash: [] as number[] },
  wake: { colour: OKABE_ITO.orange, dash: [6, 3] },
  spawn: { colour: OKABE_ITO.reddishPurple, dash: [2, 3] },
  exit: { colour: OKABE_ITO.grey, dash: [9, 3, 2, 3] },
} as const;

/** Paul Tol's "bright" set: readable on light and dark backgrounds alike. */
const PROCESS_COLOURS = ['#4477AA', '#EE6677', '#228833', '#CCBB44', '#66CCEE', '#AA3377', '#BBBBBB'];

/** A stable colour for the i-th process of a run. */
export function processColour(index: number): string {
  return PROCESS_COLOURS[index % PROCESS_COLOURS.length];
}
