#!/usr/bin/env node
// Draws the app icon and writes build/icon.png (512×512, electron-builder's source for the
// Linux icons and the macOS set) and build/icon.ico (16, 32, 48, 256: Windows, the NSIS
// installer and uninstaller). No image library: pixels computed here, PNG written with
// node:zlib, the ICO holds PNG images (allowed since Windows Vista).
// `npm run icons` regenerates both; test/unit/packaging.test.ts checks the committed files
// decode to exactly what renderIcon draws.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];
const BLUE: Rgb = [0x1e, 0x4e, 0x8c];
const WHITE: Rgb = [0xff, 0xff, 0xff];
const GOLD: Rgb = [0xf2, 0xc1, 0x2e];

/** Shapes in a unit square (0..1, y down), painted in order. */
type Shape = { inside: (x: number, y: number) => boolean; colour: Rgb };

const roundedSquare = (x: number, y: number): boolean => {
  const m = 0.04;
  const r = 0.18;
  if (x < m || y < m || x > 1 - m || y > 1 - m) return false;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const rect = (x0: number, y0: number, x1: number, y1: number) => (x: number, y: number) =>
  x >= x0 && x <= x1 && y >= y0 && y <= y1;
/** Five-pointed star: inside when the point is inside the polygon (even-odd rule). */
const star = (cx: number, cy: number, outer: number) => {
  const inner = outer * 0.4;
  const pts: Array<[number, number]> = [];
  for (let i = 0; i < 10; i += 1) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? outer : inner;
    pts.push([cx + r * Math.cos(a), cy + r * Math.sin(a)]);
  }
  return (x: number, y: number) => {
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i, i += 1) {
      const [xi, yi] = pts[i]!;
      const [xj, yj] = pts[j]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  };
};

// A blue tile, three rising white bars (the index) on a baseline, a gold star (the ranking).
const shapes: Shape[] = [
  { inside: roundedSquare, colour: BLUE },
  { inside: rect(0.2, 0.78, 0.8, 0.82), colour: WHITE },
  { inside: rect(0.24, 0.56, 0.36, 0.76), colour: WHITE },
  { inside: rect(0.44, 0.44, 0.56, 0.76), colour: WHITE },
  { inside: rect(0.64, 0.32, 0.76, 0.76), colour: WHITE },
  { inside: star(0.3, 0.3, 0.13), colour: GOLD },
];

/** RGBA pixels, row by row, anti-aliased with 4×4 samples per pixel. */
export function renderIcon(size: number): Buffer {
  const out = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < n; sy += 1) {
        for (let sx = 0; sx < n; sx += 1) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          let colour: Rgb | undefined;
          for (const s of shapes) if (s.inside(x, y)) colour = s.colour;
          if (colour) {
            r += colour[0];
            g += colour[1];
            b += colour[2];
            a += 1;
          }
        }
      }
      const o = (py * size + px) * 4;
      // Colour averaged over the covered samples (straight alpha), coverage as alpha.
      out[o] = a ? Math.round(r / a) : 0;
      out[o + 1] = a ? Math.round(g / a) : 0;
      out[o + 2] = a ? Math.round(b / a) : 0;
      out[o + 3] = Math.round((a * 255) / (n * n));
    }
  }
  return out;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
export function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The scanlines as a PNG stores them before compression: filter byte 0, then the row. */
export function scanlines(rgba: Buffer, size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y += 1) rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat(rows);
}

export function encodePng(rgba: Buffer, size: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  // compression, filter and interlace methods: 0
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(scanlines(rgba, size), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** An ICO whose images are PNGs (a width/height byte of 0 means 256). */
export function encodeIco(pngs: Array<{ size: number; png: Buffer }>): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // icon
  header.writeUInt16LE(pngs.length, 4);
  let offset = 6 + 16 * pngs.length;
  const entries = pngs.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e[0] = size >= 256 ? 0 : size;
    e[1] = size >= 256 ? 0 : size;
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.png)]);
}

export const ICON_SIZE = 512;
export const ICO_SIZES = [16, 32, 48, 256] as const;

function main(): void {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const dir = join(root, 'build');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'icon.png'), encodePng(renderIcon(ICON_SIZE), ICON_SIZE));
  const ico = encodeIco(ICO_SIZES.map((size) => ({ size, png: encodePng(renderIcon(size), size) })));
  writeFileSync(join(dir, 'icon.ico'), ico);
  console.log(`build/icon.png (${ICON_SIZE}×${ICON_SIZE}), build/icon.ico (${ICO_SIZES.join(', ')})`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
