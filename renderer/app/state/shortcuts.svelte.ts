// The app's keyboard shortcuts: Ctrl/Cmd+Enter runs the scenario on screen, Escape stops the
// run on screen. Views register what the keys do while they are shown.

class Shortcuts {
  run = $state<(() => void) | null>(null);
  stop = $state<(() => void) | null>(null);

  handle(e: KeyboardEvent): void {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && this.run) {
      e.preventDefault();
      this.run();
    } else if (e.key === 'Escape' && this.stop) {
      e.preventDefault();
      this.stop();
    }
  }
}

export const shortcuts = new Shortcuts();
