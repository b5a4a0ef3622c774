/**
 * Problems found in the knowledge directory, each pinned to a file and line, so `aws-qa check`
 * and the server's reload log can print `aws-qa.md:42: table row has an empty cell under "SLA"`.
 */

export interface KnowledgeProblem {
  /** File name relative to the knowledge directory. */
  file: string;
  /** 1-based line; 0 when the problem concerns the whole file or directory. */
  line: number;
  message: string;
  /** `error` makes the knowledge base invalid; `warning` is reported and tolerated. */
  severity: 'error' | 'warning';
}

/** `file:line: message` (or `file: message` when the line is unknown). */
export function formatProblem(p: KnowledgeProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
}

/** Thrown when the knowledge directory has errors; `problems` lists every one of them. */
export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(`invalid knowledge base:\n${problems.map(formatProblem).join('\n')}`);
    this.name = 'KnowledgeError';
  }
}
