/**
 * The Teams app package: the manifest validates against Microsoft's schema offline, the icons
 * have the required sizes and colours (decoded with pngjs), and `teams:package` writes a zip that
 * a separate reader (yauzl, each entry's CRC-32 checked with node:zlib) reads back with the app
 * id filled in.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { crc32 } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PNG } from 'pngjs';
import { fromBuffer, type Entry, type ZipFile } from 'yauzl';
import { appIdProblem, buildTeamsAppPackage, main } from '../../adapters/teams/package-app';
import { appPackageDir } from '../../adapters/teams/paths';

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

/** Entries of a zip, in order, read with yauzl; every entry's CRC-32 is checked against its data. */
async function unzip(zip: Buffer): Promise<Map<string, Buffer>> {
  const archive = await new Promise<ZipFile>((resolve, reject) =>
    fromBuffer(zip, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))),
  );
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    archive.on('error', reject);
    archive.on('end', resolve);
    archive.on('entry', (entry: Entry) => {
      archive.openReadStream(entry, (e, stream) => {
        if (e) return reject(e);
        buffer(stream).then((data) => {
          expect(crc32(data) >>> 0).toBe(entry.crc32);
          files.set(entry.fileName, data);
          archive.readEntry();
        }, reject);
      });
    });
    archive.readEntry();
  });
  return files;
}

/** An icon as pngjs decodes it: size, whether it has an alpha channel, and RGBA pixels. */
function decodeIcon(file: string): { width: number; height: number; alpha: boolean; pixels: Buffer } {
  const png = PNG.sync.read(readFileSync(join(dir, file)));
  return { width: png.width, height: png.height, alpha: png.alpha, pixels: png.data };
}

describe('Teams app package', () => {
  describe('manifest.json', () => {
    it('is schema 1.17 or newer, with the matching official $schema', () => {
      const [major, minor] = String(template.manifestVersion).split('.').map(Number);
      expect(major === 1 && minor >= 17).toBe(true);
      expect(template.$schema).toBe(
        `https://developer.microsoft.com/json-schemas/teams/v${template.manifestVersion}/MicrosoftTeams.schema.json`,
      );
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
      const { width, height, pixels } = decodeIcon('color.png');
      expect([width, height]).toEqual([192, 192]);
      for (let i = 3; i < pixels.length; i += 4) if (pixels[i] !== 255) throw new Error(`pixel ${(i - 3) / 4} is not opaque`);
      const colours = new Set<string>();
      for (let i = 0; i < pixels.length; i += 4) colours.add(`${pixels[i]},${pixels[i + 1]},${pixels[i + 2]}`);
      expect(colours.size).toBeGreaterThan(2);
    });

    it('has a 32×32 outline icon, white on transparent', () => {
      const { width, height, alpha, pixels } = decodeIcon('outline.png');
      expect([width, height, alpha]).toEqual([32, 32, true]);
      let transparent = 0;
      let white = 0;
      for (let i = 0; i < pixels.length; i += 4) {
        if (pixels[i + 3] === 0) transparent += 1;
        else if (pixels[i] === 255 && pixels[i + 1] === 255 && pixels[i + 2] === 255) white += 1;
        else throw new Error(`pixel ${i / 4} is neither white nor transparent`);
      }
      expect(transparent).toBeGreaterThan(500);
      expect(white).toBeGreaterThan(100);
    });
  });

  describe('teams:package', () => {
    it('zips manifest.json, color.png and outline.png at the root with the app and bot id filled in', async () => {
      const { zip } = await buildTeamsAppPackage(APP_ID.toUpperCase());
      const files = await unzip(zip);
      expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png']);
      const manifest = JSON.parse(files.get('manifest.json')!.toString('utf8'));
      expect(manifest.id).toBe(APP_ID);
      expect(manifest.bots[0].botId).toBe(APP_ID);
      expect(await AppManifestUtils.validateAgainstSchema(manifest, offlineSchema(manifest) as never)).toEqual([]);
      expect(files.get('color.png')!.equals(readFileSync(join(dir, 'color.png')))).toBe(true);
      expect(files.get('outline.png')!.equals(readFileSync(join(dir, 'outline.png')))).toBe(true);
    });

    it('writes the same bytes for the same inputs (fixed entry times)', async () => {
      const [a, b] = await Promise.all([buildTeamsAppPackage(APP_ID), buildTeamsAppPackage(APP_ID)]);
      expect(a.zip.equals(b.zip)).toBe(true);
    });

    it('writes the zip where --out says', async () => {
      const tmp = mkdtempSync(join(tmpdir(), 'teams-pkg-'));
      try {
        const out: string[] = [];
        const file = join(tmp, 'app.zip');
        expect(
          await main(
            { MicrosoftAppId: APP_ID },
            ['--out', file],
            (s) => out.push(s),
            () => undefined,
          ),
        ).toBe(0);
        expect(out.join('')).toContain(file);
        expect(JSON.parse((await unzip(readFileSync(file))).get('manifest.json')!.toString()).id).toBe(APP_ID);
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    });

    it.each([
      ['missing', undefined, /MicrosoftAppId is not set/],
      ['blank', '  ', /MicrosoftAppId is not set/],
      ['not a GUID', 'my-bot', /MicrosoftAppId must be a GUID.*"my-bot"/],
    ])('fails with a message naming MicrosoftAppId when it is %s', async (_what, value, message) => {
      const err: string[] = [];
      expect(
        await main(
          { MicrosoftAppId: value },
          [],
          () => undefined,
          (s) => err.push(s),
        ),
      ).toBe(1);
      expect(err.join('')).toMatch(message);
      expect(appIdProblem(value)).toMatch(message);
    });

    it('refuses an unknown option with its usage, exit 2', async () => {
      const err: string[] = [];
      expect(
        await main(
          { MicrosoftAppId: APP_ID },
          ['--output', 'x.zip'],
          () => undefined,
          (s) => err.push(s),
        ),
      ).toBe(2);
      expect(err.join('')).toBe('teams:package: usage: npm run teams:package -- [--out FILE]\n');
    });
  });
});
