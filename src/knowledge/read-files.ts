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
import { lstat, open, readdir, realpath, stat } from 'node:fs/promises';
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

/** The file-system operations the walk needs; each runner performs them its way. */
type Op =
  | { op: 'stat' | 'lstat'; path: string }
  | { op: 'readdir' | 'realpath'; path: string }
  | { op: 'read'; path: string; max: number };

/** Result of a `read` op: the bytes (at most `max + 1`), or the file is not a regular one. */
type ReadResult = { regular: false } | { regular: true; size: number; bytes: Buffer };

type Walk<T> = Generator<Op, T, unknown>;

const MARKDOWN = /\.(md|markdown)$/i;
const errno = (error: unknown): string => (error as NodeJS.ErrnoException)?.code ?? 'error';

function* walk(dir: string, limits: ReadLimits): Walk<RawSources> {
  const maxFile = limits.maxFileBytes ?? MAX_FILE_BYTES;
  const maxTotal = limits.maxTotalBytes ?? MAX_TOTAL_BYTES;
  const problems: KnowledgeProblem[] = [];
  let st: Stats;
  try {
    st = (yield { op: 'stat', path: dir }) as Stats;
  } catch {
    return { markdown: [], problems: [{ file: dir, line: 0, severity: 'error', message: 'knowledge directory not found' }] };
  }
  if (!st.isDirectory()) return { markdown: [], problems: [{ file: dir, line: 0, severity: 'error', message: 'not a directory' }] };

  let total = 0;
  let overTotal = false;
  /** Reads one file's text, or records why not. */
  function* readText(full: string, file: string): Walk<string | undefined> {
    if (overTotal) return undefined;
    let result: ReadResult;
    try {
      result = (yield { op: 'read', path: full, max: maxFile }) as ReadResult;
    } catch (error) {
      problems.push({ file, line: 0, severity: 'error', message: `cannot be read (${errno(error)})` });
      return undefined;
    }
    if (!result.regular) {
      problems.push({ file, line: 0, severity: 'error', message: 'not a regular file (a FIFO, device or socket is never read)' });
      return undefined;
    }
    if (result.size > maxFile || result.bytes.length > maxFile) {
      problems.push({ file, line: 0, severity: 'error', message: `file is over the ${maxFile}-byte limit` });
      return undefined;
    }
    total += result.bytes.length;
    if (total > maxTotal) {
      overTotal = true;
      problems.push({ file, line: 0, severity: 'error', message: `the knowledge directory is over its ${maxTotal}-byte total (KNOWLEDGE_MAX_BYTES); not read further` });
      return undefined;
    }
    return decode(result.bytes, file, problems);
  }

  let catalog: string | undefined;
  const catalogPath = join(dir, CATALOG_FILE);
  let hasCatalog: boolean;
  try {
    yield { op: 'lstat', path: catalogPath };
    hasCatalog = true;
  } catch {
    hasCatalog = false;
  }
  if (hasCatalog) catalog = yield* readText(catalogPath, CATALOG_FILE);
  else problems.push({ file: CATALOG_FILE, line: 0, severity: 'warning', message: 'no services.yml: service names come from the markdown only' });

  // Markdown files, recursively, sorted; each real directory once.
  const files: string[] = [];
  const seenDirs = new Set<string>();
  function* walkDir(d: string): Walk<void> {
    let real: string;
    let names: string[];
    try {
      real = (yield { op: 'realpath', path: d }) as string;
      if (seenDirs.has(real)) return;
      seenDirs.add(real);
      names = ((yield { op: 'readdir', path: d }) as string[]).sort();
    } catch (error) {
      problems.push({ file: relative(dir, d).split(sep).join('/') || d, line: 0, severity: 'error', message: `directory cannot be read (${errno(error)})` });
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
        if (MARKDOWN.test(name)) problems.push({ file: relative(dir, full).split(sep).join('/'), line: 0, severity: 'error', message: `cannot be read (${errno(error)})` });
        continue;
      }
      if (entry.isDirectory()) yield* walkDir(full);
      else if (MARKDOWN.test(name)) files.push(full);
    }
  }
  yield* walkDir(dir);
  if (files.length === 0) problems.push({ file: dir, line: 0, severity: 'error', message: 'no markdown (*.md) files' });
  const markdown: RawSources['markdown'] = [];
  for (const full of files) {
    const file = relative(dir, full).split(sep).join('/');
    const text = yield* readText(full, file);
    if (text !== undefined) markdown.push({ file, text });
  }
  return { markdown, catalog, problems };
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

function readSyncOp(path: string, max: number): ReadResult {
  const fd = openSync(path, OPEN_FLAGS);
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { regular: false };
    if (st.size > max) return { regular: true, size: st.size, bytes: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= max) {
      const chunk = Buffer.allocUnsafe(Math.min(max + 1 - length, Math.max(st.size + 1 - length, 64 * 1024)));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      length += n;
    }
    return { regular: true, size: st.size, bytes: Buffer.concat(chunks, length) };
  } finally {
    closeSync(fd);
  }
}

async function readAsyncOp(path: string, max: number): Promise<ReadResult> {
  const handle = await open(path, OPEN_FLAGS);
  try {
    const st = await handle.stat();
    if (!st.isFile()) return { regular: false };
    if (st.size > max) return { regular: true, size: st.size, bytes: Buffer.alloc(0) };
    const chunks: Buffer[] = [];
    let length = 0;
    while (length <= max) {
      const chunk = Buffer.allocUnsafe(Math.min(max + 1 - length, Math.max(st.size + 1 - length, 64 * 1024)));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      length += bytesRead;
    }
    return { regular: true, size: st.size, bytes: Buffer.concat(chunks, length) };
  } finally {
    await handle.close();
  }
}

function performSync(op: Op): unknown {
  switch (op.op) {
    case 'stat': return statSync(op.path);
    case 'lstat': return lstatSync(op.path);
    case 'readdir': return readdirSync(op.path);
    case 'realpath': return realpathSync(op.path);
    case 'read': return readSyncOp(op.path, op.max);
  }
}

function performAsync(op: Op): Promise<unknown> {
  switch (op.op) {
    case 'stat': return stat(op.path);
    case 'lstat': return lstat(op.path);
    case 'readdir': return readdir(op.path);
    case 'realpath': return realpath(op.path);
    case 'read': return readAsyncOp(op.path, op.max);
  }
}

/** Reads `dir` synchronously (the CLI; never a special file, see the module doc). */
export function readDirectorySync(dir: string, limits: ReadLimits = {}): RawSources {
  const gen = walk(dir, limits);
  let step = gen.next();
  while (!step.done) {
    let value: unknown;
    let failed: unknown;
    let ok = true;
    try {
      value = performSync(step.value);
    } catch (error) {
      ok = false;
      failed = error;
    }
    step = ok ? gen.next(value) : gen.throw(failed);
  }
  return step.value;
}

/** Reads `dir` with asynchronous file-system calls only (the server: the event loop never waits on a file). */
export async function readDirectoryAsync(dir: string, limits: ReadLimits = {}): Promise<RawSources> {
  const gen = walk(dir, limits);
  let step = gen.next();
  while (!step.done) {
    let value: unknown;
    let failed: unknown;
    let ok = true;
    try {
      value = await performAsync(step.value);
    } catch (error) {
      ok = false;
      failed = error;
    }
    step = ok ? gen.next(value) : gen.throw(failed);
  }
  return step.value;
}
