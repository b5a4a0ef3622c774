/**
 * Reads a knowledge directory: every `*.md` file (recursively, sorted) and the optional
 * `services.yml`, then builds the knowledge base from them. The only module of the core that
 * touches the file system.
 */
import { createHash } from 'node:crypto';
import { emptyCatalog } from './catalog-file';
import type { ParsedFile } from './document';
import { comparisonProblems } from './comparison-problems';
import { EntityRegistry } from './entities';
import { extractKnowledge } from './extract';
import type { KnowledgeBase } from './knowledge-base';
import { KnowledgeError, type KnowledgeProblem } from './problems';
import { readDirectoryAsync, readDirectorySync, type ReadLimits } from './read-files';

export { MAX_FILE_BYTES, MAX_TOTAL_BYTES, type ReadLimits } from './read-files';

export interface LoadResult {
  /** Present when there is no error-severity problem. */
  kb?: KnowledgeBase;
  /** Every problem found, errors and warnings, in file order. */
  problems: KnowledgeProblem[];
}

/** The knowledge directory's files as read: markdown texts, the catalog text, and reading problems. */
export interface KnowledgeSources {
  /** Markdown files, relative names (`/`-separated), sorted. */
  markdown: { file: string; text: string }[];
  /** `services.yml` text, when the directory has one. */
  catalog?: string;
  /** Problems found while reading (missing directory, size, encoding, no catalog). */
  problems: KnowledgeProblem[];
}

/**
 * Reads `dir` without parsing anything, synchronously (the CLI). Only regular files, each read at
 * most to its cap, the whole directory within `limits.maxTotalBytes` (see `read-files.ts`). Never
 * throws for content problems.
 */
export function readKnowledgeSources(dir: string, limits: ReadLimits = {}): KnowledgeSources {
  return readDirectorySync(dir, limits);
}

/** {@link readKnowledgeSources} with asynchronous file-system calls only: the server reads this way, never blocking its event loop. */
export function readKnowledgeSourcesAsync(dir: string, limits: ReadLimits = {}): Promise<KnowledgeSources> {
  return readDirectoryAsync(dir, limits);
}

/** A hash of everything a knowledge base is built from: equal fingerprints build equal knowledge bases. */
export function knowledgeFingerprint(sources: KnowledgeSources): string {
  const hash = createHash('sha256');
  hash.update(`catalog\0${sources.catalog ?? ''}\0`);
  for (const m of sources.markdown) hash.update(`${m.file}\0${m.text}\0`);
  return hash.digest('hex');
}

/**
 * Parses and validates sources into a knowledge base, reporting every problem in one pass. Pure. The parsers (markdown-it, yaml, zod)
 * are loaded here, on first build, so that a start from a snapshot never loads them.
 */
function buildKnowledge(sources: KnowledgeSources): LoadResult {
  const { parseCatalog } = require('./catalog') as typeof import('./catalog');
  const { parseMarkdown } = require('./parse') as typeof import('./parse');
  const problems: KnowledgeProblem[] = [...sources.problems];
  let catalog = emptyCatalog();
  let catalogUnread = false;
  if (sources.catalog !== undefined) {
    const parsed = parseCatalog(sources.catalog);
    problems.push(...parsed.problems);
    if (parsed.catalog) catalog = parsed.catalog;
    else catalogUnread = true;
  }
  const parsedFiles: ParsedFile[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of sources.markdown) {
    const { parsed, problems: p } = parseMarkdown(file, text);
    problems.push(...p);
    for (const e of parsed.entries) {
      const key = e.question.toLowerCase();
      const first = seen.get(key);
      if (first) problems.push({ file, line: e.line, severity: 'warning', message: `question "${e.question}" is also at ${first}` });
      else seen.set(key, `${file}:${e.line}`);
    }
    parsedFiles.push(parsed);
  }
  // Built even when a file has errors, so one pass reports every problem (a file with no entries
  // does not hide a one-sided comparison in another); returned only when there is none.
  // (Without its catalog, the markdown's names would be read wrongly: its comparisons are checked once the catalog is valid.)
  const kb = { ...extractKnowledge(parsedFiles, new EntityRegistry(catalog), catalog.facets), synonyms: catalog.synonyms, domainWords: catalog.domainWords, domain: catalog.domain };
  if (!catalogUnread) problems.push(...comparisonProblems(kb));
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { kb, problems };
}

/** Loads and validates `dir`. Never throws for content problems; throws only when `dir` cannot be read. */
export function loadKnowledge(dir: string): LoadResult {
  return buildKnowledge(readKnowledgeSources(dir));
}

/** Builds `sources` and throws {@link KnowledgeError} listing every error when they are invalid. */
export function buildKnowledgeOrThrow(sources: KnowledgeSources): { kb: KnowledgeBase; problems: KnowledgeProblem[] } {
  const { kb, problems } = buildKnowledge(sources);
  if (!kb) throw new KnowledgeError(problems.filter((p) => p.severity === 'error'));
  return { kb, problems };
}

/** Every problem of `dir` (errors and warnings); the knowledge base is valid when none is an error. */
export function checkKnowledge(dir: string): KnowledgeProblem[] {
  return loadKnowledge(dir).problems;
}
