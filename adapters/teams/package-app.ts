/**
 * `npm run teams:package`: writes the Teams app package to upload in Teams (Apps › Manage your
 * apps › Upload an app) or the Developer Portal: a zip with `manifest.json`, `color.png` and
 * `outline.png` at its root, the manifest's app `id` and `bots[0].botId` set to the Azure Bot's
 * Microsoft App ID.
 *
 * Reads `MicrosoftAppId` from the environment (it must be a GUID) and exits 1 with a message
 * naming the variable when it is missing or malformed. Output: `dist/teams-app.zip`, or the path
 * given with `--out FILE`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { appPackageDir, projectRoot } from './paths';
import { writeZip } from './zip';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Files of the package, in zip order. */
export const PACKAGE_FILES = ['manifest.json', 'color.png', 'outline.png'] as const;

/** Why `appId` cannot be used as the app / bot id, naming the variable; `undefined` when it can. */
export function appIdProblem(appId: string | undefined): string | undefined {
  if (!appId || !appId.trim()) return 'MicrosoftAppId is not set: set it to the Microsoft App ID of your Azure Bot (a GUID), e.g. MicrosoftAppId=00000000-0000-0000-0000-000000000000 npm run teams:package';
  if (!GUID.test(appId.trim())) return `MicrosoftAppId must be a GUID like 0a1b2c3d-4e5f-6789-abcd-ef0123456789, got "${appId}"`;
  return undefined;
}

/** The manifest `template` with its app id and every bot id set to `appId` (a new object). */
export function buildManifest(template: Record<string, unknown>, appId: string): Record<string, unknown> {
  const manifest = structuredClone(template);
  manifest.id = appId;
  const bots = Array.isArray(manifest.bots) ? (manifest.bots as Record<string, unknown>[]) : [];
  if (!bots.length) throw new Error('manifest.json has no bots entry');
  for (const bot of bots) bot.botId = appId;
  return manifest;
}

/** The package zip for `appId`, built from the files in `sourceDir` (default: appPackage/). */
export function buildTeamsAppPackage(appId: string, sourceDir = appPackageDir()): { zip: Buffer; manifest: Record<string, unknown> } {
  const problem = appIdProblem(appId);
  if (problem) throw new Error(problem);
  const template = JSON.parse(readFileSync(join(sourceDir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const manifest = buildManifest(template, appId.trim().toLowerCase());
  const zip = writeZip([
    { name: 'manifest.json', data: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') },
    { name: 'color.png', data: readFileSync(join(sourceDir, 'color.png')) },
    { name: 'outline.png', data: readFileSync(join(sourceDir, 'outline.png')) },
  ]);
  return { zip, manifest };
}

/** The CLI: returns the exit code; writes progress to `out` and problems to `err`. */
export function main(
  env: Record<string, string | undefined>, argv: string[],
  out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s),
): number {
  const problem = appIdProblem(env.MicrosoftAppId);
  if (problem) {
    err(`teams:package: ${problem}\n`);
    return 1;
  }
  const at = argv.indexOf('--out');
  const file = at >= 0 && argv[at + 1] ? resolve(argv[at + 1]) : join(projectRoot(), 'dist', 'teams-app.zip');
  const { zip, manifest } = buildTeamsAppPackage(env.MicrosoftAppId as string);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, zip);
  out(`teams:package: wrote ${file} (${zip.length} bytes; app and bot id ${String(manifest.id)})\n`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.env, process.argv.slice(2));
