/**
 * A knowledge file's YAML front matter: who owns the file and when a person last checked it.
 *
 * ```markdown
 * ---
 * owner: team-databases
 * reviewed: 2024-01-15
 * ---
 * # Databases
 * ```
 *
 * markdown-it's front-matter plugin finds the block (only at the very top of the file, between
 * `---` lines); the `yaml` package parses it and zod validates it. Both keys are optional; other
 * keys (other docs-as-code tools' `title`, `tags`, …) are ignored. Every problem names its line.
 */
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { KnowledgeProblem } from './problems';

/** What the front matter says about a file. */
export interface FileMeta {
  /** Who answers for the file's content (a team or a person, as the authors write it). */
  owner?: string;
  /** When a person last checked the file, `YYYY-MM-DD`. */
  reviewed?: string;
}

export const frontMatterSchema = z.object({
  owner: z.string().trim().min(1, 'owner must not be empty').max(100, 'owner is longer than 100 characters').optional(),
  reviewed: z.iso.date('reviewed must be an ISO date (YYYY-MM-DD)').optional(),
});

/**
 * Parses and validates the front matter `text` of `file`, whose first line is line `firstLine`
 * of the file. Returns the meta (empty on any problem) and the problems, each with its line.
 */
export function parseFrontMatter(file: string, text: string, firstLine: number): { meta: FileMeta; problems: KnowledgeProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const at = (offset: number): number => firstLine - 1 + lineCounter.linePos(offset).line;
  const problems: KnowledgeProblem[] = doc.errors.map((e) => ({
    file,
    line: at(e.pos[0]),
    severity: 'error',
    message: `front matter: YAML: ${e.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) return { meta: {}, problems };
  const value: unknown = doc.toJS() ?? {};
  if (typeof value !== 'object' || Array.isArray(value))
    return { meta: {}, problems: [{ file, line: firstLine, severity: 'error', message: 'front matter must be a YAML mapping (owner, reviewed)' }] };
  const result = frontMatterSchema.safeParse(value);
  if (result.success) return { meta: stripUndefined(result.data), problems };
  for (const issue of result.error.issues) {
    const node = doc.getIn(issue.path as (string | number)[], true);
    const line = isNode(node) && node.range ? at(node.range[0]) : firstLine;
    problems.push({ file, line, severity: 'error', message: `front matter: ${issue.message}` });
  }
  return { meta: {}, problems };
}

function stripUndefined(meta: FileMeta): FileMeta {
  return {
    ...(meta.owner === undefined ? {} : { owner: meta.owner }),
    ...(meta.reviewed === undefined ? {} : { reviewed: meta.reviewed }),
  };
}
