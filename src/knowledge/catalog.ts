/**
 * `services.yml` → validated catalog, with every problem pinned to its line. Parsed with the
 * `yaml` package (its LineCounter maps zod's issue paths back to lines). A name (canonical, short
 * or alias) given to two services or products is an error: a question naming it could mean either.
 */
import { LineCounter, parseDocument, isNode } from 'yaml';
import { matchKey, vendorWords } from './entities';
import type { KnowledgeProblem } from './problems';
import { servicesFileSchema, type ServicesFile } from './schema';
import { CATALOG_FILE } from './catalog-file';

/** Parses and validates the catalog text; on a YAML or schema error returns the problems and no catalog. */
export function parseCatalog(text: string, file = CATALOG_FILE): { catalog?: ServicesFile; problems: KnowledgeProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const problems: KnowledgeProblem[] = doc.errors.map((e) => ({
    file, line: lineCounter.linePos(e.pos[0]).line, severity: 'error', message: `YAML: ${e.message.split('\n')[0]}`,
  }));
  if (problems.length > 0) return { problems };
  /** The line of the node at `path`, else of its nearest ancestor that has one; 0 when none does. */
  const lineOf = (path: readonly PropertyKey[]): number => {
    for (let n = path.length; n >= 0; n -= 1) {
      const node = doc.getIn(path.slice(0, n) as (string | number)[], true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return 0;
  };
  const result = servicesFileSchema.safeParse(doc.toJS() ?? {});
  // A name shared by two services is an error, but the catalog is still usable (the first service
  // keeps the name), so the rest of the directory is checked with it.
  if (result.success) return { catalog: result.data, problems: sharedNames(result.data, file, lineOf) };
  for (const issue of result.error.issues) {
    const where = issue.path.length ? `${issue.path.join('.')}: ` : '';
    problems.push({ file, line: lineOf(issue.path), severity: 'error', message: `${where}${issue.message}` });
  }
  return { problems };
}

/** One error per name (as the registry matches names) that a second service or product also goes by, at the second one's line. */
function sharedNames(catalog: ServicesFile, file: string, lineOf: (path: readonly PropertyKey[]) => number): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const owner = new Map<string, { service: string; line: number }>();
  const reported = new Set<string>();
  const vendors = vendorWords(catalog);
  const lists = [['services', catalog.services], ['outOfScope', catalog.outOfScope]] as const;
  for (const [list, entries] of lists) {
    entries.forEach((entry, i) => {
      const names: [string, PropertyKey[]][] = [
        [entry.name, [list, i, 'name']],
        ...('short' in entry && entry.short ? [[entry.short, [list, i, 'short']] as [string, PropertyKey[]]] : []),
        ...entry.aliases.map((alias, j): [string, PropertyKey[]] => [alias, [list, i, 'aliases', j]]),
      ];
      for (const [name, path] of names) {
        const key = matchKey(name, vendors);
        if (!key) continue;
        const first = owner.get(key);
        if (first === undefined) owner.set(key, { service: entry.name, line: lineOf(path) });
        else if (first.service !== entry.name && !reported.has(`${key}\0${entry.name}`)) {
          reported.add(`${key}\0${entry.name}`);
          problems.push({
            file, line: lineOf(path), severity: 'error',
            message: `"${name}" names both ${first.service} (line ${first.line}) and ${entry.name}: give each name to one service`,
          });
        }
      }
    });
  }
  return problems;
}
