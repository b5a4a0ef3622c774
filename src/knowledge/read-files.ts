/**
 * Reading a knowledge directory safely, synchronously (the CLI) or asynchronously (the server:
 * nothing on the event loop blocks, so answering continues while a reload reads). One walk,
 * written once as a generator of file-system operations and driven by either runner.
 *
 * Hostile directories cannot stop the reader:
 * - only regular files are read, after resolving symlinks: a FIFO or a device named `*.md` is a
 *   problem ("not a regular file"), never opened for a blocking read (files are opened with
 *   `O_NONBLOCK` and checked with `fstat` on the open descriptor, so a swap between the check and
 *   the open changes nothing);
 * - at most `maxFileBytes + 1` bytes are read from any file, whatever `stat` says (a device reports
 *   size 0), and the directory's total is capped at `maxTotalBytes`;
 * - directory symlink loops are followed once (each real directory is walked once);
 * - an entry that cannot be read (a dangling link, a symlink loop, no permission) is a problem
 *   naming the file, not an exception.
 */
import { closeSync, constants, fstatSync, lstatSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { type FileHandle, lstat, open, readdir, realpath, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { CATALOG_FILE } from './catalog-file';
import type { KnowledgeProblem } from './problems';

/** Largest knowledge file read, in bytes. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** Default cap on the directory's total size (the server's `KNOWLEDGE_MAX_BYTES`). */
export const MAX_TOTAL_BYTES = 20 * 1024 * 1024;

export interface ReadLimits {
  /** Largest file, in bytes. Default {@link MAX_FILE_BYTES}. */
  maxFileBytes?: number;
  /** Largest total of every file read, in bytes. Default {@link MAX_TOTAL_BYTES}. */
  maxTotalBytes?: number;
}

/** The directory's files as read (see `KnowledgeSources` in load.ts). */
export interface RawSources {
  markdown: { file: string; text: string }[];
  catalog?: string;
  problems: KnowledgeProblem[];
}

/**
 * The file-system calls the walk makes; each runner performs them its way. A `handle` is what the
 * runner's `open` returned (a descriptor, or a `FileHandle`): the walk only hands it back.
 */
type Op =
  | { op: 'stat' | 'lstat' | 'readdir' | 'realpath' | 'open'; path: string }
  | { op: 'fstat' | 'close'; handle: unknown }
  | { op: 'read'; handle: unknown; buffer: Buffer };

/** Result of {@link readBounded}: the bytes (at most `max + 1`), or the file is not a regular one. */
type ReadResult = { regular: false } | { regular: true; size: number; bytes: Buffer };

type Walk<T> = Generator<Op, T, unknown>;

const MARKDOWN = /\.(md|markdown)$/i;
/** YAML files: only the catalog is read; any other is reported, never silently ignored. */
const YAML = /\.ya?ml$/i;
const errno = (error: unknown): string => (error as NodeJS.ErrnoException)?.code ?? 'error';
/** A path below `dir` as problems name it: relative, with `/` separators. */
const relativeName = (dir: string, path: string): string => relative(dir, path).split(sep).join('/');

/** One read of a directory: its limits, the bytes read so far, and the problems found so far. */
interface Reading {
  dir: string;
  maxFile: number;
  maxTotal: number;
  total: number;
  /** Set once the total passed `maxTotal`: nothing more is read. */
  overTotal: boolean;
  problems: KnowledgeProblem[];
}

/** Reads `dir`: the catalog, then every markdown file below it (see the module doc). */
function* walk(dir: string, limits: ReadLimits): Walk<RawSources> {
  const unusable = yield* directoryProblem(dir);
  if (unusable) return { markdown: [], problems: [{ file: dir, line: 0, severity: 'error', message: unusable }] };
  const reading: Reading = {
    dir,
    maxFile: limits.maxFileBytes ?? MAX_FILE_BYTES,
    maxTotal: limits.maxTotalBytes ?? MAX_TOTAL_BYTES,
    total: 0,
    overTotal: false,
    problems: [],
  };
  const catalog = yield* readCatalog(reading);
  const files = yield* markdownFiles(reading);
  const markdown: RawSources['markdown'] = [];
  for (const full of files) {
    const file = relativeName(dir, full);
    const text = yield* readText(reading, full, file);
    if (text !== undefined) markdown.push({ file, text });
  }
  return { markdown, catalog, problems: reading.problems };
}

/** Why `dir` cannot be read as a knowledge directory, or `undefined` when it can. */
function* directoryProblem(dir: string): Walk<string | undefined> {
  try {
    const st = (yield { op: 'stat', path: dir }) as Stats;
    return st.isDirectory() ? undefined : 'not a directory';
  } catch {
    return 'knowledge directory not found';
  }
}

/** The catalog's text; a missing catalog is a warning (names then come from the markdown only). */
function* readCatalog(reading: Reading): Walk<string | undefined> {
  const catalogPath = join(reading.dir, CATALOG_FILE);
  try {
    yield { op: 'lstat', path: catalogPath };
  } catch {
    reading.problems.push({ file: CATALOG_FILE, line: 0, severity: 'warning', message: 'no services.yml: service names come from the markdown only' });
    return undefined;
  }
  return yield* readText(reading, catalogPath, CATALOG_FILE);
}

/** Markdown files below the directory, recursively, each directory's names sorted; each real directory walked once. */
function* markdownFiles(reading: Reading): Walk<string[]> {
  const files: string[] = [];
  const seenDirs = new Set<string>();
  function* walkDir(d: string): Walk<void> {
    let names: string[];
    try {
      const real = (yield { op: 'realpath', path: d }) as string;
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      names = ((yield { op: 'readdir', path: d }) as string[]).sort();
    } catch (error) {
      reading.problems.push({ file: relativeName(reading.dir, d) || d, line: 0, severity: 'error', message: `directory cannot be read (${errno(error)})` });
      return;
    }
    for (const name of names) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(d, name);
      let entry: Stats;
      try {
        entry = (yield { op: 'lstat', path: full }) as Stats;
        if (entry.isSymbolicLink()) entry = (yield { op: 'stat', path: full }) as Stats;
      } catch (error) {
        if (MARKDOWN.test(name)) reading.problems.push({ file: relativeName(reading.dir, full), line: 0, severity: 'error', message: `cannot be read (${errno(error)})` });
        continue;
      }
      if (entry.isDirectory()) yield* walkDir(full);
      else if (MARKDOWN.test(name)) files.push(full);
      else if (YAML.test(name) && full !== join(reading.dir, CATALOG_FILE)) {
        reading.problems.push({
          file: relativeName(reading.dir, full), line: 0, severity: 'warning',
          message: `not read: only ${CATALOG_FILE} at the top of the knowledge directory is (services, aliases and facets go there)`,
        });
      }
    }
  }
  yield* walkDir(reading.dir);
  if (files.length === 0) reading.problems.push({ file: reading.dir, line: 0, severity: 'error', message: 'no markdown (*.md) files' });
  return files;
}

/** One file's text (`file` names it in problems), or `undefined` with the reason recorded; nothing once over the total. */
function* readText(reading: Reading, full: string, file: string): Walk<string | undefined> {
  if (reading.overTotal) return undefined;
  const fail = (message: string): undefined => void reading.problems.push({ file, line: 0, severity: 'error', message });
  let result: ReadResult;
  try {
    result = yield* readBounded(full, reading.maxFile);
  } catch (error) {
    return fail(`cannot be read (${errno(error)})`);
  }
  if (!result.regular) return fail('not a regular file (a FIFO, device or socket is never read)');
  if (result.size > reading.maxFile || result.bytes.length > reading.maxFile) return fail(`file is over the ${reading.maxFile}-byte limit`);
  reading.total += result.bytes.length;
  if (reading.total > reading.maxTotal) {
    reading.overTotal = true;
    return fail(`the knowledge directory is over its ${reading.maxTotal}-byte total (KNOWLEDGE_MAX_BYTES); not read further`);
  }
  return decode(result.bytes, file, reading.problems);
}

/**
 * At most `max + 1` bytes of the file at `path`, whatever its `stat` says, checked to be a regular
 * file on the open descriptor (opened non-blocking: a FIFO never blocks the read). The file is
 * closed whether the read succeeds or throws.
 */
function* readBounded(path: string, max: number): Walk<ReadResult> {
  const handle = yield { op: 'open', path };
  try {
    const st = (yield { op: 'fstat', handle }) as Stats;
    if (!st.isFile()) return { regular: false };
    if (st.size > max) return { regular: true, size: st.size, bytes: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= max) {
      const buffer = Buffer.allocUnsafe(Math.min(max + 1 - length, Math.max(st.size + 1 - length, 64 * 1024)));
      const n = (yield { op: 'read', handle, buffer }) as number;
      if (n === 0) break;
      chunks.push(buffer.subarray(0, n));
      length += n;
    }
    return { regular: true, size: st.size, bytes: Buffer.concat(chunks, length) };
  } finally {
    yield { op: 'close', handle };
  }
}

/** UTF-8 text without a BOM, or a problem naming the line of the first bad byte. */
function decode(bytes: Buffer, file: string, problems: KnowledgeProblem[]): string | undefined {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 || bytes.includes(0)) {
    const line = bad >= 0 ? text.slice(0, bad).split('\n').length : 1;
    problems.push({ file, line, severity: 'error', message: 'not UTF-8 text' });
    return undefined;
  }
  return text.replace(/^\uFEFF/, '');
}

const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The synchronous runner's file system (a handle is a file descriptor). */
function performSync(op: Op): unknown {
  switch (op.op) {
    case 'stat': return statSync(op.path);
    case 'lstat': return lstatSync(op.path);
    case 'readdir': return readdirSync(op.path);
    case 'realpath': return realpathSync(op.path);
    case 'open': return openSync(op.path, OPEN_FLAGS);
    case 'fstat': return fstatSync(op.handle as number);
    case 'read': return readSync(op.handle as number, op.buffer, 0, op.buffer.length, null);
    case 'close': return closeSync(op.handle as number);
  }
}

/** The asynchronous runner's file system (a handle is a `FileHandle`). */
async function performAsync(op: Op): Promise<unknown> {
  switch (op.op) {
    case 'stat': return stat(op.path);
    case 'lstat': return lstat(op.path);
    case 'readdir': return readdir(op.path);
    case 'realpath': return realpath(op.path);
    case 'open': return open(op.path, OPEN_FLAGS);
    case 'fstat': return (op.handle as FileHandle).stat();
    case 'read': return (await (op.handle as FileHandle).read(op.buffer, 0, op.buffer.length, null)).bytesRead;
    case 'close': return (op.handle as FileHandle).close();
  }
}

/** How an operation ended: its value, or what it threw. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Hands `outcome` back to the walk (the value, or the error thrown at the `yield`) and returns its next step. */
function resume<T>(gen: Walk<T>, outcome: Outcome): IteratorResult<Op, T> {
  return outcome.ok ? gen.next(outcome.value) : gen.throw(outcome.error);
}

function settleSync(op: Op): Outcome {
  try {
    return { ok: true, value: performSync(op) };
  } catch (error) {
    return { ok: false, error };
  }
}

function settleAsync(op: Op): Promise<Outcome> {
  return performAsync(op).then(
    (value) => ({ ok: true, value }),
    (error: unknown) => ({ ok: false, error }),
  );
}

/** Reads `dir` synchronously (the CLI; never a special file, see the module doc). */
export function readDirectorySync(dir: string, limits: ReadLimits = {}): RawSources {
  const gen = walk(dir, limits);
  let step = gen.next();
  while (!step.done) step = resume(gen, settleSync(step.value));
  return step.value;
}

/** Reads `dir` with asynchronous file-system calls only (the server: the event loop never waits on a file). */
export async function readDirectoryAsync(dir: string, limits: ReadLimits = {}): Promise<RawSources> {
  const gen = walk(dir, limits);
  let step = gen.next();
  while (!step.done) step = resume(gen, await settleAsync(step.value));
  return step.value;
}
