/**
 * Comparisons that cannot be answered as comparisons: the knowledge base's own comparison gives
 * values for some of its sides and none for another ("differences between Lambda and Fargate"
 * whose every point names only Lambda). Asked, such an entry says "nothing on Fargate" and then
 * suggests itself; `aws-qa check` reports it instead, at the entry's heading.
 */
import type { Comparison, KnowledgeBase } from './knowledge-base';
import type { KnowledgeProblem } from './problems';

/** One error per comparison with rows that leave a side without any value. */
export function comparisonProblems(kb: Pick<KnowledgeBase, 'comparisons' | 'registry'>): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  for (const c of kb.comparisons) {
    const missing = missingSides(c);
    if (missing.length === 0) continue;
    const name = (id: string): string => kb.registry.get(id)?.short ?? id;
    const given = c.entities.filter((id) => !missing.includes(id)).map(name);
    problems.push({
      file: c.source.file,
      line: c.source.line,
      severity: 'error',
      message: `comparison "${c.source.section}" gives no value for ${missing.map(name).join(', ')}, `
        + `only for ${given.join(', ')}: give every side a value in its points, or reword the question`,
    });
  }
  return problems;
}

/** Sides with no value in any row, when the comparison has rows at all (prose-only ones are passages). */
function missingSides(c: Comparison): string[] {
  if (c.rows.length === 0) return [];
  return c.entities.filter((id) => !c.rows.some((r) => r.values[id] !== undefined));
}
