// The installers' icons, rendered from the one SVG by build/make-icons.mjs: each Linux PNG at
// its size, the Windows .ico with 16 to 256 px, the macOS .icns with 32 to 1024 px (read back
// with build/icns.mjs), all of them the SVG's picture, not an empty square.
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, readIcns, writeIcns } from '../../build/icns.mjs';
import { ICO_SIZES, ICON_SOURCE, LINUX_SIZES, makeIcons, renderPng } from '../../build/make-icons.mjs';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
  expect(png.toString('latin1', 12, 16)).toBe('IHDR');
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

/** The ICONDIR of an .ico: one entry per image (a width of 0 means 256). */
function icoSizes(ico: Buffer): number[] {
  expect(ico.readUInt16LE(0)).toBe(0);
  expect(ico.readUInt16LE(2)).toBe(1);
  const sizes: number[] = [];
  for (let i = 0; i < ico.readUInt16LE(4); i++) {
    const at = 6 + i * 16;
    const w = ico[at] || 256;
    expect(ico[at + 1] || 256).toBe(w);
    expect(ico.readUInt32LE(at + 12) + ico.readUInt32LE(at + 8)).toBeLessThanOrEqual(ico.length);
    sizes.push(w);
  }
  return sizes;
}

describe('the icons', () => {
  it('are the SVG drawn at every size each platform asks for', async () => {
    const made = await makeIcons({ out: mkdtempSync(path.join(os.tmpdir(), 'lab-icons-')) });
    expect(readdirSync(made.png).sort()).toEqual(LINUX_SIZES.map((s) => `${s}x${s}.png`).sort());
    for (const s of LINUX_SIZES) expect(pngSize(readFileSync(path.join(made.png, `${s}x${s}.png`)))).toEqual({ width: s, height: s });
    expect(icoSizes(readFileSync(made.ico))).toEqual(ICO_SIZES);
    const chunks = readIcns(readFileSync(made.icns));
    expect(chunks.map((c) => c.type)).toEqual(ICNS_TYPES.map((t) => t.type));
    for (const [i, c] of chunks.entries()) expect(pngSize(c.data)).toEqual({ width: ICNS_TYPES[i].size, height: ICNS_TYPES[i].size });
    // The 256 px PNG is what the SVG renders to, byte for byte.
    const svg = readFileSync(ICON_SOURCE);
    expect(readFileSync(path.join(made.png, '256x256.png')).equals(renderPng(svg, 256))).toBe(true);
  });

  it('show the picture: opaque where the tile is, transparent in the corners', () => {
    const image = new Resvg(readFileSync(ICON_SOURCE), { fitTo: { mode: 'width', value: 64 } }).render();
    const alpha = (x: number, y: number) => image.pixels[(y * 64 + x) * 4 + 3];
    expect(alpha(0, 0)).toBe(0);
    expect(alpha(32, 32)).toBe(255);
    const colours = new Set<string>();
    for (let i = 0; i < image.pixels.length; i += 4) if (image.pixels[i + 3] === 255) colours.add(`${image.pixels[i]},${image.pixels[i + 1]},${image.pixels[i + 2]}`);
    expect(colours.size).toBeGreaterThan(4);
  });

  it('refuse an .icns that is not one', () => {
    expect(() => readIcns(Buffer.from('not an icon'))).toThrow(/no "icns" magic/);
    const good = writeIcns([{ type: 'ic07', png: Buffer.from('x') }]);
    expect(() => readIcns(good.subarray(0, good.length - 1))).toThrow(/length/);
  });
});
