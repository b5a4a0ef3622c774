/**
 * Questions the knowledge base can answer, derived from its content (never hard-coded):
 * SLA questions for services with SLA facts, its own comparisons, facets of its options,
 * and its entry questions. Used for help, follow-ups and "not in the knowledge base" replies.
 */
import { BEST_FOR_FACET, PROS_FACET, SLA_FACET } from '../knowledge/facet-ids';
import type { Comparison } from '../knowledge/knowledge-base';
import type { RouterContext } from '../read/context';
import { perObject } from '../util/per-object';
import { uniqueBy } from '../util/unique-by';
import type { Suggestion } from './answer';
import { ask, shortName } from './common';

/** Entity ids that have SLA facts, in document order. */
export function entitiesWithSla(ctx: RouterContext): readonly string[] {
  return ctx.scorer.entitiesWith(SLA_FACET);
}

/** `A vs B`, by short names. */
export function versusQuestion(ctx: RouterContext, a: string, b: string): Suggestion {
  return ask(`${shortName(ctx.kb, a)} vs ${shortName(ctx.kb, b)}`);
}

/** `SLA for X`, by short name. */
export function slaQuestion(ctx: RouterContext, id: string): Suggestion {
  return ask(`SLA for ${shortName(ctx.kb, id)}`);
}

/** `A vs B` for the first `limit` comparisons the knowledge base makes itself. */
export function comparisonQuestions(ctx: RouterContext, limit = Infinity): Suggestion[] {
  return ctx.kb.comparisons.slice(0, limit).map((c) => versusQuestion(ctx, c.entities[0], c.entities[1]));
}

/** Per entity id, the first comparison (in knowledge-base order) that compares it: made once per knowledge base. */
const firstComparison = perObject((ctx: RouterContext): ReadonlyMap<string, Comparison> => {
  const first = new Map<string, Comparison>();
  for (const c of ctx.kb.comparisons) for (const id of c.entities) if (!first.has(id)) first.set(id, c);
  return first;
});

/** Up to `n` suggestions related to `entityIds` first, then the knowledge base's highlights. */
export function suggestions(ctx: RouterContext, entityIds: string[] = [], n = 3): Suggestion[] {
  const out: Suggestion[] = [];
  const sla = entitiesWithSla(ctx);
  for (const id of entityIds) {
    const name = shortName(ctx.kb, id);
    const cmp = firstComparison(ctx).get(id);
    if (cmp)
      out.push(
        versusQuestion(
          ctx,
          id,
          cmp.entities.find((e) => e !== id)!,
        ),
      );
    if (sla.includes(id)) out.push(slaQuestion(ctx, id));
    const facts = ctx.kb.factsByEntity.get(id) ?? [];
    if (facts.some((i) => ctx.scorer.showsFacet(i, PROS_FACET))) out.push(ask(`Pros and cons of ${name}`));
    if (facts.some((i) => ctx.scorer.showsFacet(i, BEST_FOR_FACET))) out.push(ask(`What is ${name} best for?`));
  }
  if (sla.length > 0) out.push(slaQuestion(ctx, sla[0]));
  out.push(...comparisonQuestions(ctx, n));
  for (const e of ctx.kb.entries.slice(0, n)) out.push(ask(e.question));
  return uniqueBy(out, (s) => s.question.toLowerCase()).slice(0, n);
}

/** Two SLA questions it can answer and "List all SLAs" (none when it holds no SLA). */
export function slaSuggestions(ctx: RouterContext): Suggestion[] {
  const sla = entitiesWithSla(ctx);
  return sla.length === 0 ? [] : [...sla.slice(0, 2).map((id) => slaQuestion(ctx, id)), ask('List all SLAs')];
}
