/**
 * `services.yml` → validated catalog, with every problem pinned to its line. Parsed with the
 * `yaml` package (its LineCounter maps zod's issue paths back to lines).
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import type { KnowledgeProblem } from './problems';
import { servicesFileSchema, type ServicesFile } from './schema';
import { CATALOG_FILE } from './catalog-file';

/** Parses and validates the catalog text; on any error returns the problems and no catalog. */
export function parseCatalog(text: string, file = CATALOG_FILE): { catalog?: ServicesFile; problems: KnowledgeProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: KnowledgeProblem[] = doc.errors.map((e) => ({
    file, line: lineCounter.linePos(e.pos[0]).line, severity: 'error', message: `YAML: ${e.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) return { problems };
  const result = servicesFileSchema.safeParse(doc.toJS() ?? {});
  if (result.success) return { catalog: result.data, problems };
  for (const issue of result.error.issues) {
    let line = 0;
    for (let n = issue.path.length; n >= 0 && line === 0; n -= 1) {
      const node = doc.getIn(issue.path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    problems.push({ file, line, severity: 'error', message: `${where}${issue.message}` });
  }
  return { problems };
}
