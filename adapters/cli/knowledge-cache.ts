/**
 * The CLI's snapshot cache: the built knowledge base and index kept as JSON, keyed by the
 * fingerprint of the knowledge files and a stamp of the core's code, so that `aws-qa ask` starts
 * without parsing markdown or rebuilding the index. Any change to a knowledge file, or a rebuild
 * of the core, changes the key (a miss, then a rebuild). The cache is optional: every failure to
 * read or write it falls back to building.
 *
 * Location: `$AWS_QA_CACHE_DIR`, default `node_modules/.cache/aws-qa` in the project;
 * `AWS_QA_CACHE_DIR=off` disables it. A directory that cannot be used (a special path such as one
 * under `/proc`, a file, no permission) turns the cache off for the run with one warning on
 * stderr, at once: directories are created one level at a time (a recursive `mkdir` spins forever
 * on some special file systems), and a snapshot is read only when it is a regular file (opened
 * non-blocking and checked on the descriptor: a FIFO or `/dev/zero` in its place is never read).
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import {
  buildWithSnapshot,
  createAssistantFromSnapshot,
  knowledgeFingerprint,
  readKnowledgeSources,
  type Assistant,
  type KnowledgeSnapshot,
} from '../../src/index';

/** Snapshots kept; older ones are removed when a new one is written. */
const KEEP = 5;

/** The nearest directory above `from` holding a package.json. */
function projectRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The cache directory, or undefined when caching is off. */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const configured = env.AWS_QA_CACHE_DIR;
  if (configured === 'off') return undefined;
  return configured || join(projectRoot(__dirname), 'node_modules', '.cache', 'aws-qa');
}

/** The core's source or build directory (`src/`, or `dist/src/` when built). */
export const CORE_DIR = join(__dirname, '..', '..', 'src');

/**
 * A stamp of the code that builds snapshots: path, size and modification time of every file under
 * `coreDir`. A rebuild or an edit changes it, so a snapshot made by other code is never reused.
 */
export function codeStamp(coreDir: string = CORE_DIR): string {
  const hash = createHash('sha256');
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else hash.update(`${relative(coreDir, full)}\0${st.size}\0${st.mtimeMs}\0`);
    }
  };
  try {
    walk(coreDir);
  } catch {
    hash.update('unreadable');
  }
  return hash.digest('hex');
}

/** Largest snapshot read back: 256 MB (the shipped knowledge makes about 1 MB). */
const MAX_SNAPSHOT_BYTES = 256 * 1024 * 1024;

/** The bytes of `file` when it is a regular file of at most `max` bytes; undefined otherwise (never blocks on a special file). */
function readRegularFile(file: string, max: number): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size > max) return undefined;
    const buffer = Buffer.allocUnsafe(st.size);
    let length = 0;
    while (length < st.size) {
      const n = readSync(fd, buffer, length, st.size - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function readSnapshot(file: string, fingerprint: string): KnowledgeSnapshot | undefined {
  const bytes = readRegularFile(file, MAX_SNAPSHOT_BYTES);
  if (!bytes) return undefined;
  try {
    const snapshot = JSON.parse(bytes.toString('utf8')) as KnowledgeSnapshot;
    return snapshot.fingerprint === fingerprint ? snapshot : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes `dir` usable as the cache, or says why it is not: an existing ancestor must be a
 * directory, missing levels are created one at a time (at most 32), and the result must be a
 * directory. Never a recursive `mkdir` (it spins on special file systems such as /proc).
 */
export function prepareCacheDirectory(dir: string): { ok: true } | { ok: false; reason: string } {
  const target = resolve(dir);
  const missing: string[] = [];
  let existing = target;
  for (;;) {
    let st;
    try {
      st = statSync(existing);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(existing) === existing || missing.length >= 32) {
        return { ok: false, reason: `${existing}: ${(error as NodeJS.ErrnoException).code ?? 'cannot be read'}` };
      }
      missing.unshift(existing);
      existing = dirname(existing);
      continue;
    }
    if (!st.isDirectory()) return { ok: false, reason: `${existing} is not a directory` };
    break;
  }
  for (const level of missing) {
    try {
      mkdirSync(level);
    } catch (error) {
      return { ok: false, reason: `cannot create ${level} (${(error as NodeJS.ErrnoException).code ?? 'error'})` };
    }
    let st;
    try {
      st = statSync(level);
    } catch (error) {
      return { ok: false, reason: `${level}: ${(error as NodeJS.ErrnoException).code ?? 'cannot be read'}` };
    }
    if (!st.isDirectory()) return { ok: false, reason: `${level} is not a directory` };
  }
  return { ok: true };
}

function writeSnapshot(dir: string, file: string, snapshot: KnowledgeSnapshot): void {
  try {
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(snapshot));
    renameSync(tmp, file);
    const old = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => ({ n, t: statSync(join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t)
      .slice(KEEP);
    for (const { n } of old) unlinkSync(join(dir, n));
  } catch {
    // The cache is an optimisation: a read-only or full disk only costs the next start its speed.
  }
}

/** Writes a warning line to stderr (the CLI's stdout carries answers only). */
const warnOnStderr = (message: string): void => void process.stderr.write(`aws-qa: ${message}\n`);

/**
 * The assistant for `knowledgeDir`, from the cache when the files are unchanged. Throws
 * `KnowledgeError` like `createAssistant`. An unusable cache directory is reported through `warn`
 * (default: stderr) and the run goes on without a cache.
 */
export function loadAssistant(
  knowledgeDir: string,
  env: NodeJS.ProcessEnv = process.env,
  coreDir: string = CORE_DIR,
  warn: (message: string) => void = warnOnStderr,
): Assistant {
  const sources = readKnowledgeSources(knowledgeDir);
  let dir = cacheDirectory(env);
  if (dir) {
    const prepared = prepareCacheDirectory(dir);
    if (!prepared.ok) {
      warn(
        `cache directory unusable (${prepared.reason}); continuing without a cache (set AWS_QA_CACHE_DIR to a writable directory, or off)`,
      );
      dir = undefined;
    }
  }
  const fingerprint = knowledgeFingerprint(sources);
  const key = createHash('sha256')
    .update(`${fingerprint}\0${codeStamp(coreDir)}`)
    .digest('hex');
  const file = dir && join(dir, `${key}.json`);
  const cached = file ? readSnapshot(file, fingerprint) : undefined;
  if (cached) {
    try {
      return createAssistantFromSnapshot(cached);
    } catch {
      // A snapshot of another format: rebuilt below and overwritten.
    }
  }
  const built = buildWithSnapshot(sources);
  if (dir && file) writeSnapshot(dir, file, built.snapshot());
  return built.assistant;
}
