/**
 * Words that name a section. A row of a table means what its heading says, so a content word of
 * the question that the headings of some sections hold, but not all of them, names which table or
 * list is asked ("which *storage* services publish no SLA", "list the *networking* SLAs"): answers
 * across services keep to the facts under those sections instead of matching the word in the facts.
 */
import type { Fact } from '../knowledge/knowledge-base';
import type { RouterContext } from '../read/context';
import { knowledgeStems } from '../text/knowledge-stems';
import { perObject } from '../util/per-object';

/** The stems of the distinct sections `facts` sit under, in first-seen order (what {@link scopeStemsIn} reads). */
export function sectionStems(facts: readonly Fact[]): readonly (readonly string[])[] {
  return [...new Set(facts.map((f) => f.source.section))].map((s) => knowledgeStems(s));
}

/**
 * The stems among `stems` that name some of `sections` (their stems, {@link sectionStems}), not all
 * of them (none when either is empty). Callers gather a fact list's sections once per knowledge base.
 */
export function scopeStemsIn(stems: readonly string[], sections: readonly (readonly string[])[]): string[] {
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

/** The stems of every section's heading (its entry's question), once per knowledge base. */
const headings = perObject((ctx: RouterContext): readonly (readonly string[])[] => ctx.kb.entries.map((e) => knowledgeStems(e.question)));

/** Whether one section's heading holds every one of `stems` (none: false): the words name that section. */
export function namesSection(ctx: RouterContext, stems: readonly string[]): boolean {
  return stems.length > 0 && headings(ctx).some((h) => stems.every((stem) => h.includes(stem)));
}
