// FrameReader: the host reads a worker's line only while it stays under the limit.
import { describe, expect, it } from 'vitest';
import { FrameReader, isReady, READY_TEXT } from '../../../main/protocol/wire';

function reader(max: number) {
  const frames: string[] = [];
  const oversize: number[] = [];
  const r = new FrameReader(max, (t) => frames.push(t), (b) => oversize.push(b));
  return { r, frames, oversize };
}

describe('FrameReader', () => {
  it('splits lines across and within chunks, UTF-8 intact', () => {
    const { r, frames } = reader(100);
    const text = Buffer.from('{"a":"é"}\n{"b":2}\n{"c"', 'utf8');
    r.push(text.subarray(0, 6)); // cuts "é" in half
    r.push(text.subarray(6));
    r.push(Buffer.from(':3}\n'));
    expect(frames).toEqual(['{"a":"é"}', '{"b":2}', '{"c":3}']);
  });

  it('drops a line past the limit as it streams by, without keeping it, then reads on', () => {
    const { r, frames, oversize } = reader(1000);
    r.push(Buffer.from('{"ok":1}\n'));
    const chunk = Buffer.alloc(64 * 1024, 0x78);
    for (let i = 0; i < 100; i++) {
      r.push(chunk);
      expect((r as unknown as { buf: Buffer }).buf.length).toBeLessThanOrEqual(1000 + chunk.length);
    }
    r.push(Buffer.from('xx\n{"next":2}\n'));
    expect(frames).toEqual(['{"ok":1}', '{"next":2}']);
    expect(oversize).toEqual([100 * chunk.length + 2]);
  });

  it('keeps complete lines while paused and hands them over on resume', () => {
    const { r, frames } = reader(100);
    r.push(Buffer.from('1\n'));
    r.pause();
    r.push(Buffer.from('2\n3\n'));
    expect(frames).toEqual(['1']);
    r.resume();
    expect(frames).toEqual(['1', '2', '3']);
  });

  it('knows a worker\'s "ready" as text and as an object', () => {
    expect(isReady(READY_TEXT)).toBe(true);
    expect(isReady({ t: 'ready' })).toBe(true);
    expect(isReady('{"t":"calls"}')).toBe(false);
  });
});
