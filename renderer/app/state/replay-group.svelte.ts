// The cursor of one or two replayed runs: one time scrubber moves them all (two runs compared
// on one time axis, the same moment of each lined up), Play moves it on at a speed, and the
// step buttons move it to the previous or next event of the process or object chosen.
//
// Moves of the scrubber are applied once per animation frame (however many input events came),
// and the charts are painted in that same frame.
import { formatAt } from '../lib/live/time-axis';
import type { RunReplay, StepChoice } from './run-replay.svelte';

export type Speed = 0.5 | 1 | 2 | 10 | 'max';

export const SPEEDS: readonly { speed: Speed; label: string }[] = [
  { speed: 0.5, label: '0.5×' }, { speed: 1, label: '1×' }, { speed: 2, label: '2×' }, { speed: 10, label: '10×' },
  { speed: 'max', label: 'As fast as possible' },
];

/** "As fast as possible": events folded per frame, adapted to keep a frame's fold near this many ms. */
const MAX_SPEED_FOLD_MS = 8;
/** A frame's clock step is capped (a tab in the background comes back without a leap). */
const MAX_FRAME_MS = 100;

export class ReplayGroup {
  cursorUs = $state(0);
  playing = $state(false);
  speed = $state<Speed>(1);
  selected = $state('');
  stepping = $state(false);
  /** What the last step found, or why it found nothing. */
  note = $state<string | null>(null);

  private seekFrame = 0;
  private playFrame = 0;
  private lastTs = 0;
  private budget = 2_000;
  private disposed = false;

  constructor(readonly replays: RunReplay[]) {
    for (const r of replays) r.onWindow = () => this.lineUp();
  }

  private get ready(): RunReplay[] { return this.replays.filter((r) => r.status === 'ready'); }

  /** The scrubber's ends: from the first run's first event to the last run's end. */
  get firstUs(): number { const r = this.ready; return r.length ? Math.min(...r.map((x) => x.firstUs)) : 0; }
  get lastUs(): number { const r = this.ready; return r.length ? Math.max(...r.map((x) => x.lastUs)) : 0; }
  get loading(): boolean { return this.replays.some((r) => r.loading); }
  /** Every replay has its window for the cursor (the state shown is the state at the cursor). */
  get settled(): boolean { return this.ready.every((r) => !r.loading && r.shownUs === this.cursorUs); }

  /** The processes and objects to step through (named by run when there are two). */
  get choices(): StepChoice[] {
    if (this.replays.length === 1) return this.replays[0].choices;
    return this.replays.flatMap((r, i) => r.choices.map((c) => ({ ...c, key: `${i}/${c.key}`, label: `Run ${'AB'[i] ?? i + 1}: ${c.label}` })));
  }

  /** Opens every run; the cursor starts at the end (the run as it finished). */
  async open(buckets: number): Promise<void> {
    await Promise.all(this.replays.map((r) => r.open(buckets)));
    if (this.disposed) return;
    this.selected ||= this.choices[0]?.key ?? '';
    this.cursorUs = this.lastUs;
    this.apply();
  }

  /** Moves the cursor (applied at the next frame). */
  seek(us: number): void {
    this.cursorUs = Math.min(this.lastUs, Math.max(this.firstUs, us));
    if (!this.seekFrame) this.seekFrame = requestAnimationFrame(() => { this.seekFrame = 0; this.apply(); });
  }

  /** Shows the state at the cursor in every run, painted in this frame. */
  private apply(): void {
    for (const r of this.ready) r.show(this.cursorUs);
    for (const r of this.ready) r.view.frame();
  }

  /** Two runs: their charts on one axis, the stretch both windows cover. */
  private lineUp(): void {
    if (this.replays.length < 2) return;
    const infos = this.replays.map((r) => r.windowInfo).filter((w) => w !== null);
    if (!infos.length) return;
    const range = { fromUs: Math.min(...infos.map((w) => w.fromUs)), toUs: Math.max(...infos.map((w) => w.toUs)) };
    for (const r of this.replays) r.setRange(range);
  }

  // ---- playing ---------------------------------------------------------------------------

  play(): void {
    if (this.playing || !this.ready.length) return;
    if (this.cursorUs >= this.lastUs) { this.cursorUs = this.firstUs; this.apply(); }
    this.playing = true;
    this.lastTs = 0;
    this.playFrame = requestAnimationFrame(this.tick);
  }

  pause(): void {
    this.playing = false;
    if (this.playFrame) cancelAnimationFrame(this.playFrame);
    this.playFrame = 0;
  }

  setSpeed(s: Speed): void { this.speed = s; }

  private readonly tick = (ts: number): void => {
    this.playFrame = 0;
    if (!this.playing || this.disposed) return;
    const dt = this.lastTs ? Math.min(MAX_FRAME_MS, ts - this.lastTs) : 0;
    this.lastTs = ts;
    const live = this.ready;
    // Read on ahead of the cursor while there is some way to go in what is held.
    for (const r of live) if (r.engine.canExtend && r.engine.ahead < r.engine.options.pageEvents / 2) void r.engine.extend();
    let target: number | null = null;
    if (this.speed === 'max') {
      for (const r of live) {
        const m = r.engine.momentAfter(this.budget);
        if (m !== null && m > this.cursorUs) target = target === null ? m : Math.min(target, m);
      }
      // Nothing held ahead: the end, unless a run is still reading on.
      if (target === null && !live.some((r) => r.engine.canExtend || r.loading)) target = this.lastUs;
    } else {
      target = this.cursorUs + dt * 1000 * this.speed;
    }
    if (target !== null) {
      target = Math.min(target, this.lastUs);
      // Never past what a run has read: it waits for its next page there.
      for (const r of live) {
        const held = r.engine.heldUntil;
        if (held !== null && held < target) target = Math.max(this.cursorUs, held);
      }
      if (target > this.cursorUs) {
        const t0 = performance.now();
        this.cursorUs = target;
        this.apply();
        const took = performance.now() - t0;
        if (this.speed === 'max') this.budget = Math.round(Math.min(100_000, Math.max(200, took < MAX_SPEED_FOLD_MS / 2 ? this.budget * 1.5 : took > MAX_SPEED_FOLD_MS * 1.5 ? this.budget / 1.5 : this.budget)));
      }
    }
    if (this.cursorUs >= this.lastUs) { this.pause(); return; }
    this.playFrame = requestAnimationFrame(this.tick);
  };

  // ---- stepping --------------------------------------------------------------------------

  /** Moves to the previous (-1) or next (1) event of the process or object selected. */
  async step(direction: 1 | -1): Promise<void> {
    const i = this.replays.length === 1 ? 0 : Number(this.selected.split('/')[0]);
    const r = this.replays[i];
    const choice = this.choices.find((c) => c.key === this.selected);
    if (!r || !choice || this.stepping) return;
    this.pause();
    this.stepping = true;
    this.note = null;
    try {
      const found = await r.engine.findStep(choice.target, direction);
      if (!found.ok) { this.note = found.error.message; return; }
      const word = direction > 0 ? 'later' : 'earlier';
      if (found.value === null) { this.note = `No ${word} event of ${choice.label}.`; return; }
      this.note = `${choice.label}: its ${direction > 0 ? 'next' : 'previous'} event, at ${formatAt(found.value)}.`;
      this.cursorUs = found.value;
      this.apply();
    } finally {
      this.stepping = false;
    }
  }

  dispose(): void {
    this.disposed = true;
    this.pause();
    if (this.seekFrame) cancelAnimationFrame(this.seekFrame);
    for (const r of this.replays) r.dispose();
  }
}
