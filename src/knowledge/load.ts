/**
 * Reads a knowledge directory: every `*.md` file (recursively, sorted) and the optional
 * `services.yml`, then builds the knowledge base from them. The only module of the core that
 * touches the file system.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { createHash } from 'node:crypto';
import { CATALOG_FILE, emptyCatalog } from './catalog-file';
import type { ParsedFile } from './document';
import { comparisonProblems } from './comparison-problems';
import { EntityRegistry } from './entities';
import { extractKnowledge } from './extract';
import type { KnowledgeBase } from './knowledge-base';
import { KnowledgeError, type KnowledgeProblem } from './problems';

/** Largest knowledge file read, in bytes (a guard against pointing at the wrong directory). */
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export interface LoadResult {
  /** Present when there is no error-severity problem. */
  kb?: KnowledgeBase;
  /** Every problem found, errors and warnings, in file order. */
  problems: KnowledgeProblem[];
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (name.startsWith('.') || name === 'node_modules') continue;
      const full = join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else if (/\.(md|markdown)$/i.test(name)) out.push(full);
    }
  };
  walk(dir);
  return out;
}

function readText(full: string, file: string, problems: KnowledgeProblem[]): string | undefined {
  const size = statSync(full).size;
  if (size > MAX_FILE_BYTES) {
    problems.push({ file, line: 0, severity: 'error', message: `file is ${size} bytes, over the ${MAX_FILE_BYTES}-byte limit` });
    return undefined;
  }
  const bytes = readFileSync(full);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0 || bytes.includes(0)) {
    const line = bad >= 0 ? text.slice(0, bad).split('\n').length : 1;
    problems.push({ file, line, severity: 'error', message: 'not UTF-8 text' });
    return undefined;
  }
  return text.replace(/^\uFEFF/, '');
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

/** Reads `dir` without parsing anything. Never throws for content problems. */
export function readKnowledgeSources(dir: string): KnowledgeSources {
  const problems: KnowledgeProblem[] = [];
  let st;
  try {
    st = statSync(dir);
  } catch {
    return { markdown: [], problems: [{ file: dir, line: 0, severity: 'error', message: 'knowledge directory not found' }] };
  }
  if (!st.isDirectory()) return { markdown: [], problems: [{ file: dir, line: 0, severity: 'error', message: 'not a directory' }] };
  let catalog: string | undefined;
  const catalogPath = join(dir, CATALOG_FILE);
  let hasCatalog = false;
  try { hasCatalog = statSync(catalogPath).isFile(); } catch { hasCatalog = false; }
  if (hasCatalog) catalog = readText(catalogPath, CATALOG_FILE, problems);
  else problems.push({ file: CATALOG_FILE, line: 0, severity: 'warning', message: 'no services.yml: service names come from the markdown only' });
  const files = markdownFiles(dir);
  if (files.length === 0) problems.push({ file: dir, line: 0, severity: 'error', message: 'no markdown (*.md) files' });
  const markdown: KnowledgeSources['markdown'] = [];
  for (const full of files) {
    const file = relative(dir, full).split(sep).join('/');
    const text = readText(full, file, problems);
    if (text !== undefined) markdown.push({ file, text });
  }
  return { markdown, catalog, problems };
}

/** A hash of everything a knowledge base is built from: equal fingerprints build equal knowledge bases. */
export function knowledgeFingerprint(sources: KnowledgeSources): string {
  const hash = createHash('sha256');
  hash.update(`catalog\0${sources.catalog ?? ''}\0`);
  for (const m of sources.markdown) hash.update(`${m.file}\0${m.text}\0`);
  return hash.digest('hex');
}

/**
 * Parses and validates sources into a knowledge base. Pure. The parsers (markdown-it, yaml, zod)
 * are loaded here, on first build, so that a start from a snapshot never loads them.
 */
function buildKnowledge(sources: KnowledgeSources): LoadResult {
  const { parseCatalog } = require('./catalog') as typeof import('./catalog');
  const { parseMarkdown } = require('./parse') as typeof import('./parse');
  const problems: KnowledgeProblem[] = [...sources.problems];
  let catalog = emptyCatalog();
  if (sources.catalog !== undefined) {
    const parsed = parseCatalog(sources.catalog);
    problems.push(...parsed.problems);
    if (parsed.catalog) catalog = parsed.catalog;
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
  if (problems.some((p) => p.severity === 'error')) return { problems };
  const kb = { ...extractKnowledge(parsedFiles, new EntityRegistry(catalog), catalog.facets), synonyms: catalog.synonyms };
  problems.push(...comparisonProblems(kb));
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
