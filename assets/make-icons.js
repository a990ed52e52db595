#!/usr/bin/env node
/**
 * Draws the add-in icons (16, 32, 64, 80 px PNG) without any image library: a blue rounded tile with
 * three bars in the tier colours (A green, B blue, C amber), encoded with zlib. Run: node assets/make-icons.js
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 of a buffer, as PNG chunks need. */
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One PNG chunk: length, type, data, CRC. */
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encodes RGBA pixels as a PNG. */
function png(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const hex = (h) => [parseInt(h.slice(0, 2), 16), parseInt(h.slice(2, 4), 16), parseInt(h.slice(4, 6), 16)];
const TILE = hex("1F4E79");
const BARS = [hex("70AD47"), hex("9DC3E6"), hex("FFC000")];

/** Draws the icon at one size, with 4× supersampling for smooth edges. */
function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const S = 4;
  const radius = size * 0.18;
  const inTile = (x, y) => {
    const cx = Math.min(Math.max(x, radius), size - radius);
    const cy = Math.min(Math.max(y, radius), size - radius);
    return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2;
  };
  const bars = BARS.map((colour, i) => {
    const top = size * (0.22 + i * 0.2);
    const width = size * (0.64 - i * 0.16);
    return { colour, x0: size * 0.18, x1: size * 0.18 + width, y0: top, y1: top + size * 0.13 };
  });
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const px = x + (sx + 0.5) / S;
          const py = y + (sy + 0.5) / S;
          if (!inTile(px, py)) continue;
          const bar = bars.find((q) => px >= q.x0 && px < q.x1 && py >= q.y0 && py < q.y1);
          const c = bar ? bar.colour : TILE;
          r += c[0]; g += c[1]; b += c[2]; a += 255;
        }
      }
      const n = S * S;
      const o = (y * size + x) * 4;
      const cover = a / 255;
      rgba[o] = cover ? Math.round(r / cover) : 0;
      rgba[o + 1] = cover ? Math.round(g / cover) : 0;
      rgba[o + 2] = cover ? Math.round(b / cover) : 0;
      rgba[o + 3] = Math.round(a / n);
    }
  }
  return png(size, rgba);
}

for (const size of [16, 32, 64, 80]) {
  const file = path.join(__dirname, `icon-${size}.png`);
  fs.writeFileSync(file, draw(size));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
