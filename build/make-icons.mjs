// Every icon the installers carry, rendered from one source, build/icons/icon.svg:
//   build/generated/icons/png/<N>x<N>.png  Linux (AppImage, deb: the hicolor sizes)
//   build/generated/icons/icon.ico         Windows (NSIS, the .exe), 16 to 256 px
//   build/generated/icons/icon.icns        macOS (the .app, the dmg), 32 to 1024 px
// Rasterized by resvg (@resvg/resvg-js), the .ico put together by png-to-ico, the .icns by
// build/icns.mjs.   node build/make-icons.mjs [--out DIR]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import pngToIco from 'png-to-ico';
import { ICNS_TYPES, writeIcns } from './icns.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SOURCE = path.join(ROOT, 'build', 'icons', 'icon.svg');
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** The SVG as a PNG of size×size pixels. */
export function renderPng(svg, size) {
  return Buffer.from(new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render().asPng());
}

export async function makeIcons({ source = ICON_SOURCE, out = path.join(ROOT, 'build', 'generated', 'icons') } = {}) {
  const svg = readFileSync(source);
  const png = new Map();
  const at = (size) => { if (!png.has(size)) png.set(size, renderPng(svg, size)); return png.get(size); };
  mkdirSync(path.join(out, 'png'), { recursive: true });
  for (const size of LINUX_SIZES) writeFileSync(path.join(out, 'png', `${size}x${size}.png`), at(size));
  writeFileSync(path.join(out, 'icon.ico'), await pngToIco(ICO_SIZES.map(at)));
  writeFileSync(path.join(out, 'icon.icns'), writeIcns(ICNS_TYPES.map(({ type, size }) => ({ type, png: at(size) }))));
  return { out, png: path.join(out, 'png'), ico: path.join(out, 'icon.ico'), icns: path.join(out, 'icon.icns') };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--out');
  await makeIcons(i >= 0 ? { out: process.argv[i + 1] } : {});
}
