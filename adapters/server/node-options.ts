/**
 * The node flags the server is deployed with. They live in one file, `adapters/server/node-flags`
 * (one line), which both `npm start` (`node $(cat adapters/server/node-flags) dist/…/main.js`) and
 * the Dockerfile's command read, so the two cannot drift; the benchmarks start the server with the
 * same flags read from the same file (`bench/deployed.ts`). V8 sizes its heap when node starts, so
 * they have to be command-line flags (or `NODE_OPTIONS`), not settings applied later.
 *
 * Why these values: measured, not guessed; `docs/deploy.md` ("Memory and V8 flags") has the table of
 * every setting tried with its throughput ratio and peak RSS from `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the flags file is, from `adapters/server/` (tests) or `dist/adapters/server/` (built). */
export function nodeFlagsFile(): string {
  const candidates = [join(__dirname, 'node-flags'), join(__dirname, '..', '..', '..', 'adapters', 'server', 'node-flags')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`node-flags not found (looked at ${candidates.join(', ')})`);
  return found;
}

/** The deployed node flags, as separate arguments. */
export function serverNodeFlags(): string[] {
  return readFileSync(nodeFlagsFile(), 'utf8').trim().split(/\s+/).filter(Boolean);
}

/** The deployed node flags as one string (the form `NODE_OPTIONS` takes). */
export const SERVER_NODE_OPTIONS = serverNodeFlags().join(' ');
