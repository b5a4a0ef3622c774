/**
 * Where the Teams app package sources live, whether this code runs from `adapters/teams/` (tests,
 * ts sources) or from `dist/adapters/teams/` (the built scripts): tsc does not copy the manifest
 * and icons into `dist/`, so both resolve to the source `adapters/teams/appPackage/`.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The repository root (the directory holding `package.json` above `adapters/`). */
export function projectRoot(): string {
  const fromSource = resolve(__dirname, '..', '..');
  if (existsSync(join(fromSource, 'adapters', 'teams', 'appPackage'))) return fromSource;
  return resolve(__dirname, '..', '..', '..');
}

/** `adapters/teams/appPackage` in the source tree. */
export function appPackageDir(): string {
  return join(projectRoot(), 'adapters', 'teams', 'appPackage');
}
