/**
 * Questions the knowledge base can answer, derived from its content (never hard-coded):
 * SLA questions for services with SLA facts, its own comparisons, facets of its options,
 * and its entry questions. Used for help, follow-ups and "not in the knowledge base" replies.
 */
import type { Suggestion } from '../answer';
import type { RouterContext } from '../../router/context';
import { ask, shortName } from './common';

/** Entity ids that have SLA facts, in document order. */
export function entitiesWithSla(ctx: RouterContext): readonly string[] {
  return ctx.scorer.entitiesWith('sla');
}

/** `A vs B` for each comparison the knowledge base makes itself. */
export function comparisonQuestions(ctx: RouterContext): Suggestion[] {
  return ctx.kb.comparisons.map((c) => ask(`${shortName(ctx.kb, c.entities[0])} vs ${shortName(ctx.kb, c.entities[1])}`));
}

/** Up to `n` suggestions related to `entityIds` first, then the knowledge base's highlights. */
export function suggestions(ctx: RouterContext, entityIds: string[] = [], n = 3): Suggestion[] {
  const out: Suggestion[] = [];
  const sla = entitiesWithSla(ctx);
  for (const id of entityIds) {
    const name = shortName(ctx.kb, id);
    const cmp = ctx.kb.comparisons.find((c) => c.entities.includes(id));
    if (cmp) {
      const other = cmp.entities.find((e) => e !== id)!;
      out.push(ask(`${name} vs ${shortName(ctx.kb, other)}`));
    }
    if (sla.includes(id)) out.push(ask(`SLA for ${name}`));
    const facts = ctx.kb.factsByEntity.get(id) ?? [];
    if (facts.some((i) => ctx.scorer.showsFacet(i, 'pros'))) out.push(ask(`Pros and cons of ${name}`));
    if (facts.some((i) => ctx.scorer.showsFacet(i, 'best-for'))) out.push(ask(`What is ${name} best for?`));
  }
  if (sla.length > 0) out.push(ask(`SLA for ${shortName(ctx.kb, sla[0])}`));
  for (const c of ctx.kb.comparisons.slice(0, n)) out.push(ask(`${shortName(ctx.kb, c.entities[0])} vs ${shortName(ctx.kb, c.entities[1])}`));
  for (const e of ctx.kb.entries.slice(0, n)) out.push(ask(e.question));
  const seen = new Set<string>();
  return out.filter((s) => !seen.has(s.question.toLowerCase()) && seen.add(s.question.toLowerCase())).slice(0, n);
}

/** Two SLA questions it can answer and "List all SLAs" (none when it holds no SLA). */
export function slaSuggestions(ctx: RouterContext): Suggestion[] {
  const sla = entitiesWithSla(ctx);
  return sla.length === 0 ? [] : [...sla.slice(0, 2).map((id) => ask(`SLA for ${shortName(ctx.kb, id)}`)), ask('List all SLAs')];
}
