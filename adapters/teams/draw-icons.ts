/**
 * Draws the Teams app icons from geometry (no image tools needed) and, when run as a script,
 * writes them to `appPackage/`:
 *
 * - `color.png`, 192×192: an orange chat bubble with three white dots on AWS "squid ink".
 * - `outline.png`, 32×32: the same bubble as a white outline on a transparent background.
 *
 * Regenerate with `npm run build && node dist/adapters/teams/draw-icons.js`; a test checks the
 * committed files still match what this draws.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodePng } from './png';
import { appPackageDir } from './paths';

type Shape = (x: number, y: number) => boolean;
type Rgb = [number, number, number];

const roundedRect = (x0: number, y0: number, x1: number, y1: number, r: number): Shape => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};

const circle = (cx: number, cy: number, r: number): Shape => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;

const triangle = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape => (x, y) => {
  const side = (px: number, py: number, qx: number, qy: number): number => (x - qx) * (py - qy) - (px - qx) * (y - qy);
  const d1 = side(ax, ay, bx, by);
  const d2 = side(bx, by, cx, cy);
  const d3 = side(cx, cy, ax, ay);
  return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
};

const union = (...shapes: Shape[]): Shape => (x, y) => shapes.some((s) => s(x, y));
const minus = (a: Shape, b: Shape): Shape => (x, y) => a(x, y) && !b(x, y);

/** Fraction of pixel (px, py) covered by `shape`, from 4×4 samples. */
function coverage(shape: Shape, px: number, py: number): number {
  let hits = 0;
  for (let i = 0; i < 4; i += 1) for (let j = 0; j < 4; j += 1) if (shape(px + (i + 0.5) / 4, py + (j + 0.5) / 4)) hits += 1;
  return hits / 16;
}

/** Paints `layers` (shape, colour) over `background` (or transparency) into an RGBA buffer. */
function paint(size: number, background: Rgb | undefined, layers: [Shape, Rgb][]): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y += 1) {
    for (let x = 0; x < size; x += 1) {
      let [r, g, b] = background ?? [255, 255, 255];
      let a = background ? 1 : 0;
      for (const [shape, [lr, lg, lb]] of layers) {
        const c = coverage(shape, x, y);
        if (c === 0) continue;
        const outA = c + a * (1 - c);
        r = (lr * c + r * a * (1 - c)) / outA;
        g = (lg * c + g * a * (1 - c)) / outA;
        b = (lb * c + b * a * (1 - c)) / outA;
        a = outA;
      }
      const i = (y * size + x) * 4;
      rgba.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], i);
    }
  }
  return rgba;
}

const SQUID_INK: Rgb = [0x23, 0x2f, 0x3e];
const ORANGE: Rgb = [0xff, 0x99, 0x00];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/** RGBA pixels of the 192×192 colour icon. */
export function colorIconPixels(): Uint8Array {
  const bubble = union(roundedRect(36, 44, 156, 132, 24), triangle(58, 126, 96, 126, 50, 158));
  const dots = union(circle(66, 88, 10), circle(96, 88, 10), circle(126, 88, 10));
  return paint(192, SQUID_INK, [[bubble, ORANGE], [dots, WHITE]]);
}

/** RGBA pixels of the 32×32 outline icon (white on transparent). */
export function outlineIconPixels(): Uint8Array {
  const outer = union(roundedRect(3, 5, 29, 23, 5), triangle(8, 21, 14, 21, 7, 28));
  const inner = roundedRect(5, 7, 27, 21, 3);
  const dots = union(circle(11, 14, 1.6), circle(16, 14, 1.6), circle(21, 14, 1.6));
  return paint(32, undefined, [[minus(outer, inner), WHITE], [dots, WHITE]]);
}

/** The two icons as PNG files. */
export function drawIcons(): { color: Buffer; outline: Buffer } {
  return { color: encodePng(192, 192, colorIconPixels()), outline: encodePng(32, 32, outlineIconPixels()) };
}

if (require.main === module) {
  const dir = appPackageDir();
  const { color, outline } = drawIcons();
  writeFileSync(join(dir, 'color.png'), color);
  writeFileSync(join(dir, 'outline.png'), outline);
  process.stdout.write(`wrote ${join(dir, 'color.png')} and ${join(dir, 'outline.png')}\n`);
}
