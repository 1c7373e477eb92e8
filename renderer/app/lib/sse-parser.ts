// Server-sent events read from a byte stream (fetch + reader, so the request can carry the
// Authorization header that EventSource cannot send). Feed it text as it arrives; it calls
// back once per complete message.

export interface SseMessage { event: string; data: string }

export class SseParser {
  private buffer = '';
  /** How much of the buffer is known to hold no line end (a long line arrives in many chunks:
   *  each is searched once, not the whole line again). */
  private scanned = 0;
  private event = '';
  private data: string[] = [];

  constructor(private readonly onMessage: (m: SseMessage) => void) {}

  feed(text: string): void {
    this.buffer += text;
    let pos = 0;
    let nl: number;
    while ((nl = this.nextLineEnd(Math.max(pos, this.scanned))) >= 0) {
      let line = this.buffer.slice(pos, nl);
      const skip = this.buffer[nl] === '\r' && this.buffer[nl + 1] === '\n' ? 2 : 1;
      pos = nl + skip;
      this.scanned = 0;
      if (line.endsWith('\r')) line = line.slice(0, -1);
      this.line(line);
    }
    if (pos > 0) this.buffer = this.buffer.slice(pos);
    // A lone \r at the end may still become \r\n: it is searched again.
    this.scanned = Math.max(0, this.buffer.length - 1);
  }

  private nextLineEnd(from: number): number {
    const n = this.buffer.indexOf('\n', from);
    const r = this.buffer.indexOf('\r', from);
    if (r >= 0 && (n < 0 || r < n)) {
      // A lone \r at the very end may be the first half of \r\n: wait for more.
      if (r === this.buffer.length - 1) return -1;
      return r;
    }
    return n;
  }

  private line(line: string): void {
    if (line === '') {
      if (this.data.length) this.onMessage({ event: this.event || 'message', data: this.data.join('\n') });
      this.event = '';
      this.data = [];
      return;
    }
    if (line.startsWith(':')) return; // a comment (keep-alive)
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
  }
}
