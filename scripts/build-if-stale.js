#!/usr/bin/env node
/**
 * `npm start`'s first step: builds (`npm run build`) only when the build is missing or older than
 * its inputs, so a start from a current build takes milliseconds instead of a full compile.
 *
 * Up to date means: `dist/.build-stamp` exists (written by `npm run build` after it succeeded) and
 * no input is newer than it. Inputs: every file under `src/`, `adapters/` and `bench/`, the
 * tsconfig files and the package manifests. Exit code: 0 when the build is current (or was just
 * made), else the build's own.
 */
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const STAMP = join(root, 'dist', '.build-stamp');
const INPUT_DIRS = ['src', 'adapters', 'bench'];
const INPUT_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package.json', 'package-lock.json'];

/** The newest modification time (ms) under `dir`, 0 when it does not exist. */
function newest(dir) {
  let latest = 0;
  let names;
  try {
    names = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of names) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(full));
    else if (entry.isFile()) latest = Math.max(latest, statSync(full).mtimeMs);
  }
  return latest;
}

/** Why the build is stale, or undefined when it is current. */
function staleness() {
  if (!existsSync(STAMP)) return 'no build yet';
  const built = statSync(STAMP).mtimeMs;
  for (const d of INPUT_DIRS) if (newest(join(root, d)) > built) return `${d}/ changed`;
  for (const f of INPUT_FILES) if (existsSync(join(root, f)) && statSync(join(root, f)).mtimeMs > built) return `${f} changed`;
  return undefined;
}

const reason = staleness();
if (reason) {
  process.stderr.write(`aws-qa: building (${reason})…\n`);
  const npm = process.env.npm_execpath;
  const r = npm
    ? spawnSync(process.execPath, [npm, 'run', 'build', '--silent'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  process.exit(r.status ?? 1);
}
