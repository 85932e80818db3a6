// Generates the add-in icons (assets/icon-<size>.png): a white bar chart on a
// Fluent blue (#0F6CBD) rounded square. Pure node (zlib), no image dependency,
// deterministic output so the committed PNGs can be regenerated identically.
//
//   node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { deflateSync } from "node:zlib";

export const ICON_SIZES = [16, 32, 64, 80, 128];

const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** Encodes RGBA pixels (size*size*4 bytes) as a PNG file. */
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  // compression, filter, interlace: 0
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Coverage (0..1) of pixel (x, y) by a rounded square, 4x4 supersampled for smooth corners. */
function roundedSquareCoverage(x, y, size, radius) {
  let inside = 0;
  for (let sy = 0; sy < 4; sy++) {
    for (let sx = 0; sx < 4; sx++) {
      const px = x + (sx + 0.5) / 4;
      const py = y + (sy + 0.5) / 4;
      const cx = Math.min(Math.max(px, radius), size - radius);
      const cy = Math.min(Math.max(py, radius), size - radius);
      if ((px - cx) ** 2 + (py - cy) ** 2 <= radius ** 2) inside++;
    }
  }
  return inside / 16;
}

/** Bar rectangles snapped to whole pixels so the chart stays crisp even at 16 px. */
function bars(size) {
  const pad = Math.round(size * 0.22);
  const gap = Math.max(1, Math.round(size * 0.08));
  const inner = size - 2 * pad;
  const width = Math.floor((inner - 2 * gap) / 3);
  const left = pad + Math.floor((inner - (3 * width + 2 * gap)) / 2);
  const bottom = size - pad;
  return [0.45, 0.7, 1].map((ratio, i) => ({
    x0: left + i * (width + gap),
    x1: left + i * (width + gap) + width,
    y0: bottom - Math.max(2, Math.round(inner * ratio)),
    y1: bottom,
  }));
}

export function renderIcon(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const radius = size * 0.18;
  const rects = bars(size);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const onBar = rects.some((r) => x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1);
      const [r, g, b] = onBar ? WHITE : BLUE;
      const i = (y * size + x) * 4;
      rgba[i] = r;
      rgba[i + 1] = g;
      rgba[i + 2] = b;
      rgba[i + 3] = Math.round(255 * roundedSquareCoverage(x, y, size, radius));
    }
  }
  return encodePng(size, rgba);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const assets = join(dirname(fileURLToPath(import.meta.url)), "..", "assets");
  mkdirSync(assets, { recursive: true });
  for (const size of ICON_SIZES) {
    writeFileSync(join(assets, `icon-${size}.png`), renderIcon(size));
    console.log(`assets/icon-${size}.png écrit (${size}×${size} px)`);
  }
}
