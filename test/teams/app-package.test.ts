/**
 * The Teams app package: the manifest validates against Microsoft's schema offline, the icons
 * have the required sizes and colours, and `teams:package` writes a zip that a separate, minimal
 * unzip (node:zlib) reads back with the app id filled in.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync, inflateSync, crc32 as zlibCrc32 } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { crc32, crc32Portable } from '../../adapters/teams/crc32';
import { colorIconPixels, outlineIconPixels } from '../../adapters/teams/draw-icons';
import { appIdProblem, buildTeamsAppPackage, main } from '../../adapters/teams/package-app';
import { appPackageDir } from '../../adapters/teams/paths';
import { readPngHeader } from '../../adapters/teams/png';
import { writeZip } from '../../adapters/teams/zip';

// @microsoft/app-manifest requires strip-bom, an ES module that Jest's CommonJS runtime cannot load
// (plain Node 20.19+ can). It is only used to read manifests from disk, which these tests do not do.
jest.mock('strip-bom', () => ({ __esModule: true, default: (s: string) => s.replace(/^\uFEFF/, '') }));

const APP_ID = '2f1c6a2e-5b7d-4c3e-9a8f-0d1e2f3a4b5c';
const dir = appPackageDir();
const template = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));

/** The schema for `manifest.$schema`, from the copy shipped in @microsoft/app-manifest (never fetched). */
function offlineSchema(manifest: { $schema: string }): unknown {
  const m = /^https:\/\/developer\.microsoft\.com\/json-schemas\/teams\/(v1\.\d+)\/MicrosoftTeams\.schema\.json$/.exec(manifest.$schema);
  if (!m) throw new Error(`unexpected $schema ${manifest.$schema}`);
  const file = join(require.resolve('@microsoft/app-manifest'), '..', 'json-schemas', 'teams', m[1], 'MicrosoftTeams.schema.json');
  expect(existsSync(file)).toBe(true);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Entries of a zip, read independently of the writer: central directory, then each local entry. */
function unzip(zip: Buffer): Map<string, Buffer> {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  expect(end).toBeGreaterThan(0);
  const count = zip.readUInt16LE(end + 10);
  let p = zip.readUInt32LE(end + 16);
  const files = new Map<string, Buffer>();
  for (let i = 0; i < count; i += 1) {
    expect(zip.readUInt32LE(p)).toBe(0x02014b50);
    const method = zip.readUInt16LE(p + 10);
    const crc = zip.readUInt32LE(p + 16);
    const size = zip.readUInt32LE(p + 20);
    const nameLength = zip.readUInt16LE(p + 28);
    const extra = zip.readUInt16LE(p + 30);
    const comment = zip.readUInt16LE(p + 32);
    const local = zip.readUInt32LE(p + 42);
    const name = zip.toString('utf8', p + 46, p + 46 + nameLength);
    expect(zip.readUInt32LE(local)).toBe(0x04034b50);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(start, start + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect([0, 8]).toContain(method);
    expect(zlibCrc32(data) >>> 0).toBe(crc);
    files.set(name, data);
    p += 46 + nameLength + extra + comment;
  }
  return files;
}

/** RGBA pixels of one of our PNGs (8-bit RGBA, every scanline filter 0, as the encoder writes). */
function decodePixels(png: Buffer): Uint8Array {
  const { width, height } = readPngHeader(png);
  const idat: Buffer[] = [];
  for (let p = 8; p < png.length;) {
    const length = png.readUInt32BE(p);
    if (png.toString('latin1', p + 4, p + 8) === 'IDAT') idat.push(png.subarray(p + 8, p + 8 + length));
    p += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const out = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y += 1) {
    expect(raw[y * (width * 4 + 1)]).toBe(0);
    out.set(raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1)), y * width * 4);
  }
  return out;
}

describe('Teams app package', () => {
  describe('manifest.json', () => {
    it('is schema 1.17 or newer, with the matching official $schema', () => {
      const [major, minor] = String(template.manifestVersion).split('.').map(Number);
      expect(major === 1 && minor >= 17).toBe(true);
      expect(template.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${template.manifestVersion}/MicrosoftTeams.schema.json`);
    });

    it('validates against the official schema offline with zero errors', async () => {
      expect(await AppManifestUtils.validateAgainstSchema(template, offlineSchema(template) as never)).toEqual([]);
    });

    it('reports errors for a broken manifest (the validation is real)', async () => {
      const broken = { ...template, bots: [{ ...template.bots[0], scopes: ['everywhere'] }], accentColor: undefined };
      expect((await AppManifestUtils.validateAgainstSchema(broken, offlineSchema(template) as never)).length).toBeGreaterThan(0);
    });

    it('declares the bot in personal, team and group chat scopes with example commands', () => {
      const [bot] = template.bots;
      expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
      const titles = bot.commandLists.flatMap((l: { commands: { title: string }[] }) => l.commands.map((c) => c.title));
      expect(titles).toEqual(expect.arrayContaining(['help', 'SLA for EKS', 'Beanstalk vs App Runner', 'Lambda max execution time']));
      expect(template.icons).toEqual({ color: 'color.png', outline: 'outline.png' });
      expect(Array.isArray(template.validDomains)).toBe(true);
    });
  });

  describe('icons', () => {
    it('has a 192×192 colour icon, fully opaque', () => {
      const png = readFileSync(join(dir, 'color.png'));
      expect(readPngHeader(png)).toEqual({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
      const px = decodePixels(png);
      for (let i = 3; i < px.length; i += 4) if (px[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} is not opaque`);
      const colours = new Set<string>();
      for (let i = 0; i < px.length; i += 4) colours.add(`${px[i]},${px[i + 1]},${px[i + 2]}`);
      expect(colours.size).toBeGreaterThan(2);
    });

    it('has a 32×32 outline icon, white on transparent', () => {
      const png = readFileSync(join(dir, 'outline.png'));
      expect(readPngHeader(png)).toEqual({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
      const px = decodePixels(png);
      let transparent = 0;
      let white = 0;
      for (let i = 0; i < px.length; i += 4) {
        if (px[i + 3] === 0) transparent += 1;
        else if (px[i] === 255 && px[i + 1] === 255 && px[i + 2] === 255) white += 1;
        else throw new Error(`pixel ${i / 4} is neither white nor transparent`);
      }
      expect(transparent).toBeGreaterThan(500);
      expect(white).toBeGreaterThan(100);
    });

    it('are what draw-icons draws (regenerate them when the drawing changes)', () => {
      expect(Buffer.from(decodePixels(readFileSync(join(dir, 'color.png')))).equals(Buffer.from(colorIconPixels()))).toBe(true);
      expect(Buffer.from(decodePixels(readFileSync(join(dir, 'outline.png')))).equals(Buffer.from(outlineIconPixels()))).toBe(true);
    });

    it('rejects a file that is not a PNG', () => {
      expect(() => readPngHeader(Buffer.from('GIF89a........................................'))).toThrow('not a PNG');
    });
  });

  describe('teams:package', () => {
    it('zips manifest.json, color.png and outline.png at the root with the app and bot id filled in', async () => {
      const { zip } = buildTeamsAppPackage(APP_ID.toUpperCase());
      const files = unzip(zip);
      expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
      const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
      expect(manifest.id).toBe(APP_ID);
      expect(manifest.bots[0].botId).toBe(APP_ID);
      expect(await AppManifestUtils.validateAgainstSchema(manifest, offlineSchema(manifest) as never)).toEqual([]);
      expect(files.get('color.png')!.equals(readFileSync(join(dir, 'color.png')))).toBe(true);
      expect(files.get('outline.png')!.equals(readFileSync(join(dir, 'outline.png')))).toBe(true);
    });

    it('writes the zip where --out says', () => {
      const tmp = mkdtempSync(join(tmpdir(), 'teams-pkg-'));
      try {
        const out: string[] = [];
        const file = join(tmp, 'app.zip');
        expect(main({ MicrosoftAppId: APP_ID }, ['--out', file], (s) => out.push(s), () => undefined)).toBe(0);
        expect(out.join('')).toContain(file);
        expect(JSON.parse(unzip(readFileSync(file)).get('manifest.json')!.toString()).id).toBe(APP_ID);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it.each([
      ['missing', undefined, /MicrosoftAppId is not set/],
      ['blank', '  ', /MicrosoftAppId is not set/],
      ['not a GUID', 'my-bot', /MicrosoftAppId must be a GUID.*"my-bot"/],
    ])('fails with a message naming MicrosoftAppId when it is %s', (_what, value, message) => {
      const err: string[] = [];
      expect(main({ MicrosoftAppId: value }, [], () => undefined, (s) => err.push(s))).toBe(1);
      expect(err.join('')).toMatch(message);
      expect(appIdProblem(value)).toMatch(message);
    });
  });

  describe('zip and crc32', () => {
    it('stores incompressible data and deflates the rest, readable by a separate reader', () => {
      const noise = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24));
      const text = Buffer.from('hello '.repeat(1000));
      const files = unzip(writeZip([{ name: 'a/noise.bin', data: noise }, { name: 'text.txt', data: text }, { name: 'empty', data: Buffer.alloc(0) }]));
      expect(files.get('a/noise.bin')!.equals(noise)).toBe(true);
      expect(files.get('text.txt')!.equals(text)).toBe(true);
      expect(files.get('empty')!.length).toBe(0);
    });

    it('rejects absolute and backslash entry names', () => {
      expect(() => writeZip([{ name: '/etc/x', data: Buffer.alloc(1) }])).toThrow('bad entry name');
      expect(() => writeZip([{ name: 'a\\b', data: Buffer.alloc(1) }])).toThrow('bad entry name');
    });

    it('computes the same CRC-32 with the portable table as zlib', () => {
      for (const s of ['', 'a', 'The quick brown fox jumps over the lazy dog']) {
        expect(crc32Portable(Buffer.from(s))).toBe(zlibCrc32(Buffer.from(s)) >>> 0);
        expect(crc32(Buffer.from(s))).toBe(zlibCrc32(Buffer.from(s)) >>> 0);
      }
      expect(crc32Portable(Buffer.from('The quick brown fox jumps over the lazy dog'))).toBe(0x414fa339);
    });
  });
});
