/**
 * Reads a knowledge directory: every `*.md` file (recursively, sorted) and the optional
 * `services.yml`. The only module of the core that touches the file system.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { CATALOG_FILE, emptyCatalog, parseCatalog } from './catalog';
import type { ParsedFile } from './document';
import { EntityRegistry } from './entities';
import { extractKnowledge } from './extract';
import type { KnowledgeBase } from './knowledge-base';
import { parseMarkdown } from './parse';
import { KnowledgeError, type KnowledgeProblem } from './problems';

/** Largest knowledge file read, in bytes (a guard against pointing at the wrong directory). */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

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

/** Loads and validates `dir`. Never throws for content problems; throws only when `dir` cannot be read. */
export function loadKnowledge(dir: string): LoadResult {
  const problems: KnowledgeProblem[] = [];
  let st;
  try {
    st = statSync(dir);
  } catch {
    return { problems: [{ file: dir, line: 0, severity: 'error', message: 'knowledge directory not found' }] };
  }
  if (!st.isDirectory()) return { problems: [{ file: dir, line: 0, severity: 'error', message: 'not a directory' }] };

  let catalog = emptyCatalog();
  const catalogPath = join(dir, CATALOG_FILE);
  let hasCatalog = false;
  try { hasCatalog = statSync(catalogPath).isFile(); } catch { hasCatalog = false; }
  if (hasCatalog) {
    const text = readText(catalogPath, CATALOG_FILE, problems);
    if (text !== undefined) {
      const parsed = parseCatalog(text);
      problems.push(...parsed.problems);
      if (parsed.catalog) catalog = parsed.catalog;
    }
  } else {
    problems.push({ file: CATALOG_FILE, line: 0, severity: 'warning', message: 'no services.yml: service names come from the markdown only' });
  }

  const parsedFiles: ParsedFile[] = [];
  const files = markdownFiles(dir);
  if (files.length === 0) problems.push({ file: dir, line: 0, severity: 'error', message: 'no markdown (*.md) files' });
  const seen = new Map<string, string>();
  for (const full of files) {
    const file = relative(dir, full).split(sep).join('/');
    const text = readText(full, file, problems);
    if (text === undefined) continue;
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
  const kb = extractKnowledge(parsedFiles, new EntityRegistry(catalog), catalog.facets);
  return { kb, problems };
}

/** Loads `dir` and throws {@link KnowledgeError} listing every error when it is invalid. */
export function loadKnowledgeOrThrow(dir: string): { kb: KnowledgeBase; problems: KnowledgeProblem[] } {
  const { kb, problems } = loadKnowledge(dir);
  if (!kb) throw new KnowledgeError(problems.filter((p) => p.severity === 'error'));
  return { kb, problems };
}

/** Every problem of `dir` (errors and warnings); the knowledge base is valid when none is an error. */
export function checkKnowledge(dir: string): KnowledgeProblem[] {
  return loadKnowledge(dir).problems;
}
