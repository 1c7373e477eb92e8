// One line on stderr that says the run is alive: elapsed time, live processes, events, as
// the service's pushes tell them. On a terminal it rewrites itself; elsewhere it prints at
// most once a second.
export interface Progress { elapsedMs: number; liveProcesses: number; eventCount: number; preparing?: { ready: number; needed: number } }

export class ProgressLine {
  private shown = false;
  private last = 0;
  constructor(private readonly err: (s: string) => void, private readonly tty: boolean) {}

  update(p: Progress): void {
    const now = Date.now();
    if (now - this.last < (this.tty ? 100 : 1000)) return;
    this.last = now;
    const text = p.preparing
      ? `… preparing the run's processes: ${p.preparing.ready} of ${p.preparing.needed} ready`
      : `… ${(p.elapsedMs / 1000).toFixed(1)} s · ${p.liveProcesses} processes live · ${p.eventCount} events`;
    if (this.tty) { process.stderr.write(`\r\x1b[2K${text}`); this.shown = true; } else this.err(text);
  }

  clear(): void {
    if (this.tty && this.shown) { process.stderr.write('\r\x1b[2K'); this.shown = false; }
  }
}
