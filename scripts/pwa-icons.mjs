// Draws the app's PNG icons (web/public/icon-192.png, icon-512.png) from the same shapes as icon.svg:
// three bars on the deep blue of the sidebar. Run once when the icon changes: `node scripts/pwa-icons.mjs`.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const BLUE = [0x0a, 0x2f, 0x5c];
const WHITE = [0xff, 0xff, 0xff];
const RED = [0xb7, 0x1c, 0x1c];
// In the 512 grid of icon.svg: x, y, width, height, colour (the maskable safe zone holds them all).
const BARS = [
  [112, 288, 64, 112, WHITE],
  [224, 208, 64, 192, WHITE],
  [336, 128, 64, 272, RED],
];

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

function png(size) {
  const scale = size / 512;
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const gx = x / scale;
      const gy = y / scale;
      const bar = BARS.find(([bx, by, bw, bh]) => gx >= bx && gx < bx + bw && gy >= by && gy < by + bh);
      const [r, g, b] = bar ? bar[4] : BLUE;
      row[1 + x * 3] = r;
      row[2 + x * 3] = g;
      row[3 + x * 3] = b;
    }
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const out = path.resolve(import.meta.dirname, "../web/public");
for (const size of [192, 512]) fs.writeFileSync(path.join(out, `icon-${size}.png`), png(size));
