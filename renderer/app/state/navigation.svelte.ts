// Which view is on screen. The address keeps its #token, so views live in the history's state
// (the browser's Back button works) rather than in the URL.

export type View =
  | { name: 'home' } | { name: 'scenario'; id: string } | { name: 'run'; id: string }
  /** The history of runs; a stored run in its finished view; two stored runs side by side. */
  | { name: 'history' } | { name: 'stored'; runId: string } | { name: 'compare'; a: string; b: string };

class Navigation {
  view = $state<View>({ name: 'home' });

  constructor() {
    const initial = history.state as { view?: View } | null;
    if (initial?.view) this.view = initial.view;
    else history.replaceState({ view: $state.snapshot(this.view) }, '');
    window.addEventListener('popstate', (e) => {
      const v = (e.state as { view?: View } | null)?.view;
      this.view = v ?? { name: 'home' };
    });
  }

  go(view: View): void {
    this.view = view;
    history.pushState({ view: $state.snapshot(view) }, '');
    // The new view's heading takes the focus, so keyboard and screen-reader users land on it.
    queueMicrotask(() => requestAnimationFrame(() => document.querySelector<HTMLElement>('main h1')?.focus()));
  }
}

export const navigation = new Navigation();
