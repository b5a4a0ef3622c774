/**
 * The playground's built static files (`index.html`, `playground.js`, `playground.css`, written
 * by `build-client.ts`), read from one directory. Only plain file names with a known extension
 * are served, so a request can never reach outside that directory.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';

/** Content types of the files the build writes. */
const ASSET_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** A servable asset name: letters, digits, `_`, `-`, `.`, not starting with a dot. */
const ASSET_NAME = /^[A-Za-z0-9][\w.-]*$/;

/** The repository root: the nearest ancestor of `from` holding a `package.json`. */
export function packageRoot(from = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`playground: no package.json above ${from}`);
    dir = parent;
  }
  return dir;
}

/** Where `npm run build` puts the playground: `<root>/dist/web`. */
export function defaultAssetsDir(): string {
  return join(packageRoot(), 'dist', 'web');
}

export interface Asset {
  body: Buffer;
  contentType: string;
}

/** The file `name` of `dir`, or `undefined` when the name is not servable or the file is missing. */
export async function readAsset(dir: string, name: string): Promise<Asset | undefined> {
  const contentType = ASSET_TYPES[extname(name)];
  if (!ASSET_NAME.test(name) || name.includes('..') || !contentType) return undefined;
  try {
    return { body: await readFile(join(dir, name)), contentType };
  } catch {
    return undefined;
  }
}
