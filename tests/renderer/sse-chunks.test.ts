// The push stream's parser reads the same messages however the bytes are cut into chunks: at
// every byte, inside \r\n, in long data lines that arrive over many chunks (which it searches
// once each, not from the line's start again).
import { describe, expect, it } from 'vitest';
import { SseParser, type SseMessage } from '../../renderer/app/lib/sse-parser';

const STREAM = [
  'event: session\ndata: {"session":"abc"}\n\n',
  ': keep-alive\n\n',
  'event: push\r\ndata: {"a":1}\r\n\r\n',
  `event: push\ndata: ${JSON.stringify({ events: Array.from({ length: 3000 }, (_, i) => ({ seq: i, text: `line ${i}` })) })}\n\n`,
  'event: push\rdata: first\rdata: second\r\r',
  'data: no event name\n\n',
].join('');

function parse(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const p = new SseParser((m) => out.push(m));
  for (const c of chunks) p.feed(c);
  return out;
}

const cut = (s: string, sizes: () => number): string[] => {
  const out: string[] = [];
  for (let i = 0; i < s.length;) { const n = Math.max(1, sizes()); out.push(s.slice(i, i + n)); i += n; }
  return out;
};

describe('the push stream parser, fed in chunks', () => {
  const whole = parse([STREAM]);

  it('reads every message of the stream fed whole', () => {
    expect(whole.map((m) => m.event)).toEqual(['session', 'push', 'push', 'push', 'message']);
    expect(whole[2].data.length).toBeGreaterThan(60_000);
    expect(whole[2].data).toBe(JSON.stringify({ events: Array.from({ length: 3000 }, (_, i) => ({ seq: i, text: `line ${i}` })) }));
    expect(whole[3].data).toBe('first\nsecond');
  });

  it('reads the same messages cut at every size, and at random', () => {
    for (const size of [1, 2, 3, 7, 64, 1000, 65536]) expect(parse(cut(STREAM, () => size)), `chunks of ${size}`).toEqual(whole);
    let seed = 42;
    const rnd = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed / 2 ** 31; };
    for (let k = 0; k < 20; k++) expect(parse(cut(STREAM, () => Math.floor(rnd() * 5000)))).toEqual(whole);
  });

  it('keeps a lone \\r at a chunk\'s end until it knows whether \\n follows', () => {
    expect(parse(['data: x\r', '\n\r', '\n'])).toEqual([{ event: 'message', data: 'x' }]);
  });
});
