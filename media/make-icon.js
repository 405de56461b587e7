#!/usr/bin/env node
'use strict';
// Draws media/icon.png (128x128): a padlock on AWS's dark blue. No dependencies:
// pixels by hand, PNG by zlib. Run `node media/make-icon.js` to regenerate.
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const W = 128;
const H = 128;
const px = Buffer.alloc(W * H * 4);
const BG = [0x23, 0x2f, 0x3e, 255];
const ORANGE = [0xff, 0x99, 0x00, 255];
const DARK = [0x16, 0x1e, 0x28, 255];
const GREEN = [0x3f, 0xb9, 0x50, 255];

function set(x, y, c, a = 1) {
  if (x < 0 || y < 0 || x >= W || y >= H) return;
  const i = (y * W + x) * 4;
  for (let k = 0; k < 3; k++) px[i + k] = Math.round(px[i + k] * (1 - a) + c[k] * a);
  px[i + 3] = Math.max(px[i + 3], Math.round(255 * a));
}
/** Coverage of a pixel by a shape, 4x4 supersampled (smooth edges). */
function fill(inside, c) {
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      let n = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) if (inside(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4)) n++;
      if (n) set(x, y, c, n / 16);
    }
  }
}
function roundRect(x0, y0, x1, y1, r) {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

fill(roundRect(0, 0, 128, 128, 22), BG);
// Shackle: a thick arc above the body.
fill((x, y) => {
  const d = Math.hypot(x - 64, y - 52);
  return y <= 60 && d >= 20 && d <= 31;
}, ORANGE);
fill((x, y) => (x >= 33 && x <= 44 && y >= 52 && y <= 64) || (x >= 84 && x <= 95 && y >= 52 && y <= 64), ORANGE);
// Body.
fill(roundRect(24, 60, 104, 116, 10), ORANGE);
// Keyhole.
fill((x, y) => Math.hypot(x - 64, y - 80) <= 8 || (x >= 60 && x <= 68 && y >= 80 && y <= 100), DARK);
// A check mark badge: "the listener is fine".
fill((x, y) => Math.hypot(x - 102, y - 102) <= 20, GREEN);
fill(
  (x, y) => {
    const onSeg = (ax, ay, bx, by, w) => {
      const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
      return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= w;
    };
    return onSeg(92, 102, 99, 109, 3) || onSeg(99, 109, 112, 95, 3);
  },
  [255, 255, 255, 255],
);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
const raw = Buffer.alloc((W * 4 + 1) * H);
for (let y = 0; y < H; y++) {
  raw[y * (W * 4 + 1)] = 0;
  px.copy(raw, y * (W * 4 + 1) + 1, y * W * 4, (y + 1) * W * 4);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(W, 0);
ihdr.writeUInt32BE(H, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
fs.writeFileSync(path.join(__dirname, 'icon.png'), png);
