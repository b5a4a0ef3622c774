/**
 * Words that name a section. A row of a table means what its heading says, so a content word of
 * the question that the headings of some sections hold, but not all of them, names which table or
 * list is asked ("which *storage* services publish no SLA", "list the *networking* SLAs"): answers
 * across services keep to the facts under those sections instead of matching the word in the facts.
 */
import type { Fact } from '../knowledge/knowledge-base';
import { knowledgeStems } from '../text/knowledge-stems';

/** The stems among `stems` that name the sections of some of `facts`, not all of them. */
export function scopeStems(stems: readonly string[], facts: readonly Fact[]): string[] {
  if (stems.length === 0 || facts.length === 0) return [];
  const sections = [...new Set(facts.map((f) => f.source.section))].map((s) => knowledgeStems(s));
  return stems.filter((stem) => {
    const holding = sections.filter((s) => s.includes(stem)).length;
    return holding > 0 && holding < sections.length;
  });
}

/** Whether `fact` sits under a section whose heading holds every stem of `scope`. */
export function underScope(fact: Fact, scope: readonly string[]): boolean {
  const heading = knowledgeStems(fact.source.section);
  return scope.every((stem) => heading.includes(stem));
}
