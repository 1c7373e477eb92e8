// Apple's .icns container, written and read by us (no macOS tool needed): the magic "icns",
// the file's length, then one chunk per image, each a 4-character type, its length (header
// included) and a PNG. The types below are those macOS reads as PNG (ic07 and up).
export const ICNS_TYPES = [
  { type: 'ic11', size: 32 }, // 16x16@2x
  { type: 'ic12', size: 64 }, // 32x32@2x
  { type: 'ic07', size: 128 },
  { type: 'ic13', size: 256 }, // 128x128@2x
  { type: 'ic08', size: 256 },
  { type: 'ic14', size: 512 }, // 256x256@2x
  { type: 'ic09', size: 512 },
  { type: 'ic10', size: 1024 }, // 512x512@2x
];

/** chunks: [{ type, png }] → the .icns file's bytes. */
export function writeIcns(chunks) {
  const parts = chunks.map(({ type, png }) => {
    if (!/^[a-z0-9]{4}$/.test(type)) throw new Error(`not an icns chunk type: ${type}`);
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([head, png]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(8 + parts.reduce((n, p) => n + p.length, 0), 4);
  return Buffer.concat([head, ...parts]);
}

/** The chunks of an .icns file: [{ type, data }]; throws on a malformed file. */
export function readIcns(buffer) {
  if (buffer.toString('latin1', 0, 4) !== 'icns') throw new Error('not an icns file (no "icns" magic)');
  if (buffer.readUInt32BE(4) !== buffer.length) throw new Error(`icns length ${buffer.readUInt32BE(4)} is not the file's ${buffer.length}`);
  const chunks = [];
  for (let at = 8; at < buffer.length;) {
    const length = buffer.readUInt32BE(at + 4);
    if (length < 8 || at + length > buffer.length) throw new Error(`icns chunk at ${at} overruns the file`);
    chunks.push({ type: buffer.toString('latin1', at, at + 4), data: buffer.subarray(at + 8, at + length) });
    at += length;
  }
  return chunks;
}
