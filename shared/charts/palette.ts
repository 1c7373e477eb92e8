// Colours shared by the charts, the transcript and the app, so a process keeps its colour.
export const STATE_COLOURS = { running: '#4caf50', blocked: '#e53935', sleeping: '#90a4ae', exited: '#bdbdbd' } as const;

const PROCESS_COLOURS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

/** A stable colour for the i-th process of a run. */
export function processColour(index: number): string {
  return PROCESS_COLOURS[index % PROCESS_COLOURS.length];
}
