/** The version of `aws-qa`: package.json's, found above this file in the source tree or in `dist/`. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** `package.json`'s `version`, or `unknown` when it cannot be read. */
export function packageVersion(from: string = __dirname): string {
  for (let dir = from, up = 0; up < 5 && dirname(dir) !== dir; dir = dirname(dir), up += 1) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'aws-qa' && pkg.version) return pkg.version;
    } catch {
      // not here: one directory up
    }
  }
  return 'unknown';
}
