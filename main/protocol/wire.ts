// How messages travel on a byte stream: one JSON text per line (JSON.stringify never writes
// a raw newline). The Node port uses it on a pipe of its own (fd 3) instead of Node's IPC
// channel, because Node's IPC parses every message, however large, before anyone sees it;
// here the host reads a line only while it stays under MAX_MESSAGE_BYTES and drops a longer
// one unread.

/** Stands for a message that was too large to be read: only its size is known. */
export class OversizeMessage {
  constructor(readonly bytes: number) {}
}

/** The worker's first message, as text. */
export const READY_TEXT = '{"t":"ready"}';

/** Whether a message from a worker (text or object) is its "ready". */
export function isReady(m: unknown): boolean {
  if (typeof m === 'string') return m === READY_TEXT;
  return typeof m === 'object' && m !== null && (m as { t?: unknown }).t === 'ready';
}

/**
 * Splits a byte stream into lines and hands each one on as text. A line longer than
 * `maxBytes` is not kept: its bytes are skipped as they come and `onOversize` gets its size.
 * While paused, complete lines wait here (the owner also stops reading the stream).
 */
export class FrameReader {
  private buf: Buffer = Buffer.alloc(0);
  /** Bytes of an oversize line skipped so far, or -1 when not skipping. */
  private skipped = -1;
  private paused = false;

  constructor(
    private readonly maxBytes: number,
    private readonly onFrame: (text: string) => void,
    private readonly onOversize: (bytes: number) => void = () => {},
  ) {}

  push(chunk: Buffer): void {
    let rest = chunk;
    if (this.skipped >= 0) {
      const nl = rest.indexOf(10);
      if (nl < 0) { this.skipped += rest.length; return; }
      const bytes = this.skipped + nl;
      this.skipped = -1;
      rest = rest.subarray(nl + 1);
      this.onOversize(bytes);
    }
    this.buf = this.buf.length === 0 ? rest : Buffer.concat([this.buf, rest]);
    this.drain();
  }

  pause(): void { this.paused = true; }
  resume(): void { this.paused = false; this.drain(); }
  get isPaused(): boolean { return this.paused; }

  private drain(): void {
    while (!this.paused && this.skipped < 0) {
      const nl = this.buf.indexOf(10);
      if (nl < 0) {
        // No end in sight yet: a partial line past the limit is dropped now, not buffered.
        if (this.buf.length > this.maxBytes) { this.skipped = this.buf.length; this.buf = Buffer.alloc(0); }
        return;
      }
      const line = this.buf.subarray(0, nl);
      this.buf = this.buf.subarray(nl + 1);
      if (line.length > this.maxBytes) this.onOversize(line.length);
      else this.onFrame(line.toString('utf8'));
    }
  }
}
