// One run's accounts against the caps of main/protocol/limits.ts: what its shared objects
// hold, how much it printed, each process's pace, and every refusal (counted per process
// and cap, so the run's notes can say what happened without one line per refusal).
import {
  MAX_EVENTS_PER_SECOND, MAX_HELD_BYTES, MAX_HELD_ITEMS, MAX_PRINT_CHARS_PER_RUN, MAX_PRINT_LINE_CHARS, fmt, type CapName,
} from '../../protocol/limits';
import { LimitError } from './kernel-object';

interface Refusals { count: number; first: string }

/** A process's allowance of operations: a bucket of MAX_EVENTS_PER_SECOND that refills at that rate. */
export class RateBucket {
  private tokens = MAX_EVENTS_PER_SECOND;
  constructor(private lastUs: number) {}

  /** How many of `n` operations may go ahead at `nowUs`. */
  take(n: number, nowUs: number): number {
    const elapsedUs = Math.max(0, nowUs - this.lastUs);
    this.tokens = Math.min(MAX_EVENTS_PER_SECOND, this.tokens + (elapsedUs * MAX_EVENTS_PER_SECOND) / 1e6);
    this.lastUs = Math.max(this.lastUs, nowUs);
    const ok = Math.min(n, Math.floor(this.tokens));
    this.tokens -= ok;
    return ok;
  }
}

export class LimitGuard {
  heldItems = 0;
  heldBytes = 0;
  printedChars = 0;
  private readonly refusals = new Map<number, Map<CapName, Refusals>>();
  /** Refusals by process, cap and error code: how many of each kind were logged so far. */
  private readonly kinds = new Map<string, number>();

  hold(bytes: number, items: number): void {
    if (this.heldItems + items > MAX_HELD_ITEMS) {
      throw new LimitError('held-items', `the run's shared objects hold ${fmt(this.heldItems)} items, the most they may hold at once (MAX_HELD_ITEMS = ${fmt(MAX_HELD_ITEMS)}); take some out first`);
    }
    if (this.heldBytes + bytes > MAX_HELD_BYTES) {
      throw new LimitError('held-bytes', `the run's shared objects hold ${fmt(this.heldBytes)} bytes; ${fmt(bytes)} more would pass the most they may hold (MAX_HELD_BYTES = ${fmt(MAX_HELD_BYTES)}); take some out first`);
    }
    this.heldItems += items;
    this.heldBytes += bytes;
  }

  release(bytes: number, items: number): void {
    this.heldItems -= items;
    this.heldBytes -= bytes;
  }

  /** Counts printed (or recorded) characters against the run's budget. */
  spendText(chars: number): void {
    if (this.printedChars + chars > MAX_PRINT_CHARS_PER_RUN) {
      throw new LimitError('print-run', `the run has printed ${fmt(this.printedChars)} characters, the most one run may print (MAX_PRINT_CHARS_PER_RUN = ${fmt(MAX_PRINT_CHARS_PER_RUN)}); this was not printed`);
    }
    this.printedChars += chars;
  }

  /** Counts one refusal; returns how many of this kind (cap and error code) this process has had. */
  count(pid: number, cap: CapName, code: string, message: string): number {
    let byCap = this.refusals.get(pid);
    if (!byCap) this.refusals.set(pid, (byCap = new Map()));
    const r = byCap.get(cap);
    if (r) r.count++;
    else byCap.set(cap, { count: 1, first: message });
    const kind = `${pid}/${cap}/${code}`;
    const n = (this.kinds.get(kind) ?? 0) + 1;
    this.kinds.set(kind, n);
    return n;
  }

  get refusalCount(): number {
    let n = 0;
    for (const byCap of this.refusals.values()) for (const r of byCap.values()) n += r.count;
    return n;
  }

  /** One note per process and cap: how many operations were refused, and the first reason. */
  notes(nameOf: (pid: number) => string): string[] {
    const out: string[] = [];
    for (const [pid, byCap] of this.refusals) {
      for (const [cap, r] of byCap) {
        const what = r.count === 1 ? 'one operation' : `${fmt(r.count)} operations`;
        const by = cap === 'protocol' ? 'as malformed' : `by the ${cap} cap`;
        out.push(`${nameOf(pid)}: ${what} refused ${by}${r.count > 1 ? '; the first' : ''}: ${r.first}.`);
      }
    }
    return out;
  }
}

/** A printed line cut to MAX_PRINT_LINE_CHARS, saying how much was left out. */
export function cutLine(text: string): string {
  return `${text.slice(0, MAX_PRINT_LINE_CHARS)}… [cut: ${fmt(text.length - MAX_PRINT_LINE_CHARS)} more characters]`;
}
