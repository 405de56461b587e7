// Screenshots for the READMEs, made small: a Chromium screenshot (8-bit RGB or RGBA PNG) turned
// into an 8-bit palette PNG of at most 256 colours (median cut, no dithering), which a UI of flat
// colours and anti-aliased text survives without a visible change at about half the bytes. The
// extension's README packs some of them into the .vsix, which must stay under 2 MB.
// Node only (zlib); nothing to install.
'use strict';
const zlib = require('zlib');

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunks(buf) {
  if (!buf.subarray(0, 8).equals(SIGNATURE)) throw new Error('not a PNG');
  const out = [];
  for (let p = 8; p < buf.length;) {
    const len = buf.readUInt32BE(p);
    out.push({ type: buf.toString('latin1', p + 4, p + 8), data: buf.subarray(p + 8, p + 8 + len) });
    p += 12 + len;
  }
  return out;
}

/** The pixels of an 8-bit RGB(A), non-interlaced PNG, as RGB triples; undefined for anything else. */
function decode(buf) {
  const cs = chunks(buf);
  const ihdr = cs.find((c) => c.type === 'IHDR').data;
  const width = ihdr.readUInt32BE(0);
  const height = ihdr.readUInt32BE(4);
  const depth = ihdr[8];
  const colour = ihdr[9];
  const interlace = ihdr[12];
  if (depth !== 8 || (colour !== 2 && colour !== 6) || interlace !== 0) return undefined;
  const bpp = colour === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(cs.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * bpp;
  const cur = Buffer.alloc(stride);
  let prev = Buffer.alloc(stride);
  const rgb = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? cur[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) cur.copy(rgb, (y * width + x) * 3, x * bpp, x * bpp + 3);
    prev = Buffer.from(cur);
  }
  return { width, height, rgb };
}

/**
 * Median cut over the colour histogram, at most `max` colours: the box with the widest range of a
 * channel is split at the middle of that range (not by pixel count, or the few dark pixels of text
 * would be averaged into the many light ones of the background).
 */
function palette(hist, max) {
  const entries = [...hist.entries()];
  const boxOf = (list) => {
    const lo = [255, 255, 255];
    const hi = [0, 0, 0];
    for (const [c] of list) {
      const v = [(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff];
      for (let k = 0; k < 3; k++) {
        if (v[k] < lo[k]) lo[k] = v[k];
        if (v[k] > hi[k]) hi[k] = v[k];
      }
    }
    const ranges = [0, 1, 2].map((k) => hi[k] - lo[k]);
    const channel = ranges.indexOf(Math.max(...ranges));
    return { list, channel, range: ranges[channel], mid: (lo[channel] + hi[channel]) / 2 };
  };
  const boxes = [boxOf(entries)];
  while (boxes.length < max) {
    let best = -1;
    boxes.forEach((b, i) => {
      if (b.list.length > 1 && b.range > 0 && (best < 0 || b.range > boxes[best].range)) best = i;
    });
    if (best < 0) break;
    const { list, channel, mid } = boxes[best];
    const shift = 16 - 8 * channel;
    const low = list.filter(([c]) => ((c >> shift) & 0xff) <= mid);
    const high = list.filter(([c]) => ((c >> shift) & 0xff) > mid);
    boxes.splice(best, 1, boxOf(low), boxOf(high));
  }
  return boxes.map(({ list }) => {
    let r = 0;
    let g = 0;
    let b = 0;
    let n = 0;
    for (const [c, k] of list) {
      r += ((c >> 16) & 0xff) * k;
      g += ((c >> 8) & 0xff) * k;
      b += (c & 0xff) * k;
      n += k;
    }
    return [Math.round(r / n), Math.round(g / n), Math.round(b / n)];
  });
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The PNG with at most 256 colours, or the PNG itself when that is not smaller (or not 8-bit RGB). */
function toPalettePng(png) {
  const img = decode(png);
  if (!img) return png;
  const { width, height, rgb } = img;
  const hist = new Map();
  for (let i = 0; i < rgb.length; i += 3) {
    const c = (rgb[i] << 16) | (rgb[i + 1] << 8) | rgb[i + 2];
    hist.set(c, (hist.get(c) || 0) + 1);
  }
  const colours = hist.size <= 256 ? [...hist.keys()].map((c) => [(c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff]) : palette(hist, 256);
  const index = new Map();
  const nearest = (c) => {
    let i = index.get(c);
    if (i !== undefined) return i;
    const r = (c >> 16) & 0xff;
    const g = (c >> 8) & 0xff;
    const b = c & 0xff;
    let best = Infinity;
    colours.forEach(([pr, pg, pb], k) => {
      const d = 2 * (pr - r) ** 2 + 4 * (pg - g) ** 2 + 3 * (pb - b) ** 2;
      if (d < best) {
        best = d;
        i = k;
      }
    });
    index.set(c, i);
    return i;
  };
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) {
    raw[y * (width + 1)] = 0; // no filter: what suits indexed pixels
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      raw[y * (width + 1) + 1 + x] = nearest((rgb[p] << 16) | (rgb[p + 1] << 8) | rgb[p + 2]);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 3; // palette
  const out = Buffer.concat([
    SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from(colours.flat())),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9, memLevel: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return out.length < png.length ? out : png;
}

module.exports = { toPalettePng };
