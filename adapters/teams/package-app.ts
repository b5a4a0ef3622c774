/**
 * `npm run teams:package`: writes the Teams app package to upload in Teams (Apps › Manage your
 * apps › Upload an app) or the Developer Portal: a zip with `manifest.json`, `color.png` and
 * `outline.png` at its root, the manifest's app `id`, `bots[0].botId` and the message extension's
 * `botId` set to the Azure Bot's Microsoft App ID. The zip is written with yazl, with a fixed
 * timestamp: the same inputs give the same bytes.
 *
 * Reads `MicrosoftAppId` from the environment (it must be a GUID) and exits 1 with a message
 * naming the variable when it is missing or malformed. Output: `dist/teams-app.zip`, or the path
 * given with `--out FILE`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { buffer } from 'node:stream/consumers';
import { parseArgs } from 'node:util';
import { ZipFile } from 'yazl';
import { appPackageDir, projectRoot } from './paths';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Timestamp of every zip entry (a fixed one keeps the package reproducible). */
const ENTRY_TIME = new Date(Date.UTC(2024, 0, 1));

/** Why `appId` cannot be used as the app / bot id, naming the variable; `undefined` when it can. */
export function appIdProblem(appId: string | undefined): string | undefined {
  if (!appId || !appId.trim())
    return 'MicrosoftAppId is not set: set it to the Microsoft App ID of your Azure Bot (a GUID), e.g. MicrosoftAppId=00000000-0000-0000-0000-000000000000 npm run teams:package';
  if (!GUID.test(appId.trim())) return `MicrosoftAppId must be a GUID like 0a1b2c3d-4e5f-6789-abcd-ef0123456789, got "${appId}"`;
  return undefined;
}

/** The manifest `template` with its app id and every bot id (bots and message extensions) set to `appId` (a new object). */
function buildManifest(template: Record<string, unknown>, appId: string): Record<string, unknown> {
  const manifest = structuredClone(template);
  manifest.id = appId;
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as Record<string, unknown>[]) : [];
  if (!bots.length) throw new Error('manifest.json has no bots entry');
  for (const bot of bots) bot.botId = appId;
  const extensions = Array.isArray(manifest.composeExtensions) ? (manifest.composeExtensions as Record<string, unknown>[]) : [];
  for (const extension of extensions) extension.botId = appId;
  return manifest;
}

/** A zip of `files` (name → bytes), in order, deflated. */
async function zip(files: [string, Buffer][]): Promise<Buffer> {
  const archive = new ZipFile();
  for (const [name, data] of files) archive.addBuffer(data, name, { mtime: ENTRY_TIME, mode: 0o100644 });
  archive.end();
  return buffer(archive.outputStream);
}

/** The package zip for `appId`, built from the files in `sourceDir` (default: appPackage/). */
export async function buildTeamsAppPackage(
  appId: string,
  sourceDir = appPackageDir(),
): Promise<{ zip: Buffer; manifest: Record<string, unknown> }> {
  const problem = appIdProblem(appId);
  if (problem) throw new Error(problem);
  const template = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const manifest = buildManifest(template, appId.trim().toLowerCase());
  return {
    manifest,
    zip: await zip([
      ['manifest.json', Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8')],
      ['color.png', readFileSync(join(sourceDir, 'color.png'))],
      ['outline.png', readFileSync(join(sourceDir, 'outline.png'))],
    ]),
  };
}

/** The CLI: resolves with the exit code; writes progress to `out` and problems to `err`. */
export async function main(
  env: Record<string, string | undefined>,
  argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s),
  err: (s: string) => void = (s) => process.stderr.write(s),
): Promise<number> {
  let outFile: string | undefined;
  try {
    outFile = parseArgs({ args: argv, options: { out: { type: 'string' } }, strict: true }).values.out;
  } catch {
    err('teams:package: usage: npm run teams:package -- [--out FILE]\n');
    return 2;
  }
  const problem = appIdProblem(env.MicrosoftAppId);
  if (problem) {
    err(`teams:package: ${problem}\n`);
    return 1;
  }
  const file = outFile ? resolve(outFile) : join(projectRoot(), 'dist', 'teams-app.zip');
  const { zip: bytes, manifest } = await buildTeamsAppPackage(env.MicrosoftAppId as string);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, bytes);
  out(`teams:package: wrote ${file} (${bytes.length} bytes; app and bot id ${String(manifest.id)})\n`);
  return 0;
}

if (require.main === module) {
  main(process.env, process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`teams:package: ${(e as Error).message}\n`);
      process.exitCode = 1;
    },
  );
}
