/**
 * What a test run must leave as it found it, checked around the whole run (Jest's `globalSetup` and
 * `globalTeardown`, `test/helpers/global-setup.ts` and `global-teardown.ts`):
 *
 * - `./data` (the default `DATA_DIR`): its listing (path, size, modification time of every file) is
 *   taken before the run and compared after it; any difference fails the run, naming the paths.
 *   Every server a test starts gets a throwaway `DATA_DIR` instead (test/server/helpers/server.ts).
 * - `/tmp`: the run points `TMPDIR` (and so `os.tmpdir()` in every worker and every process they
 *   start with the inherited environment) at one scratch directory, `aws-qa-test-run-XXXXXX`,
 *   removed after the run. Tests still remove what they create; what is left is listed and fails
 *   the run.
 */
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const DATA_DIR = join(ROOT, 'data');

/** `path size mtime` of every file and directory under `dir` (sorted), or `[]` when it does not exist. */
export function listing(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (path: string): void => {
    const stat = lstatSync(path);
    out.push(`${relative(dir, path) || '.'} ${stat.isDirectory() ? 'dir' : stat.size} ${stat.mtimeMs}`);
    if (stat.isDirectory()) for (const name of readdirSync(path)) walk(join(path, name));
  };
  walk(dir);
  return out.sort();
}

/** The lines of `after` not in `before` and of `before` not in `after`, as `+ line` / `- line`. */
export function difference(before: string[], after: string[]): string[] {
  const was = new Set(before);
  const is = new Set(after);
  return [...before.filter((l) => !is.has(l)).map((l) => `- ${l}`), ...after.filter((l) => !was.has(l)).map((l) => `+ ${l}`)];
}

/** What the setup hands the teardown (both run in Jest's parent process). */
export interface RunState {
  data: string[];
  scratch: string;
  tmpdir: string | undefined;
}

const KEY = Symbol.for('aws-qa.test-run');

export function saveState(state: RunState): void {
  (globalThis as Record<symbol, unknown>)[KEY] = state;
}

export function loadState(): RunState | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as RunState | undefined;
}
