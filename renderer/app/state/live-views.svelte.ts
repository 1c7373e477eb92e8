// The live charts of each run watched: one LiveView per RunSession, made the first time the
// run view asks and subscribed to the session's events from then on, so leaving the run view
// and coming back finds the charts as they are. Its `ui` fields are reactive for the page.
import { gutterWidth } from '../lib/live/chart-layout';
import { LIGHT_THEME } from '../lib/live/chart-theme';
import type { Hit } from '../lib/live/hit';
import { LiveView, type LiveUi } from '../lib/live/live-view';
import type { ViewMode } from '../lib/live/view-window';
import type { RunSession } from './run-session.svelte';

class LiveUiState implements LiveUi {
  mode = $state<ViewMode>('whole');
  arrowsOn = $state(true);
  hover = $state.raw<Hit | null>(null);
  lanes = $state(0);
  objects = $state(0);
  arrows = $state(0);
  arrowsShown = $state(0);
  contentsTick = $state(0);
  gutterPx = $state(gutterWidth(LIGHT_THEME));
}

/** Reactive fields for a view made elsewhere (a stored run's charts). */
export function liveUi(): LiveUi { return new LiveUiState(); }

const views = new WeakMap<RunSession, LiveView>();

export function liveViewOf(session: RunSession): LiveView {
  let v = views.get(session);
  if (!v) {
    v = new LiveView(new LiveUiState(), session);
    views.set(session, v);
  }
  return v;
}
