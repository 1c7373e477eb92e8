// The look of the app: light / dark following the OS unless the student picks one, and a
// projector mode with larger type. Kept in localStorage, applied to <html> as data attributes.

export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'process-lab.preferences';

function load(): { theme: ThemeChoice; projector: boolean } {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as { theme?: unknown; projector?: unknown };
    const theme = raw.theme === 'light' || raw.theme === 'dark' ? raw.theme : 'system';
    return { theme, projector: raw.projector === true };
  } catch {
    return { theme: 'system', projector: false };
  }
}

class Preferences {
  theme = $state<ThemeChoice>('system');
  projector = $state(false);
  systemDark = $state(false);
  get effectiveTheme(): 'light' | 'dark' { return this.theme === 'system' ? (this.systemDark ? 'dark' : 'light') : this.theme; }

  constructor() {
    const saved = load();
    this.theme = saved.theme;
    this.projector = saved.projector;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    this.systemDark = media.matches;
    media.addEventListener('change', (e) => { this.systemDark = e.matches; });
  }

  save(): void {
    try {
      localStorage.setItem(KEY, JSON.stringify({ theme: this.theme, projector: this.projector }));
    } catch {
      // private mode: the choice lasts this visit
    }
  }

  /** Applies the current choice to the document (called from an effect). */
  apply(root: HTMLElement = document.documentElement): void {
    root.dataset.theme = this.effectiveTheme;
    root.dataset.projector = this.projector ? 'on' : 'off';
  }
}

export const preferences = new Preferences();
