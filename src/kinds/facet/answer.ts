/**
 * One service's facet: the facts of that service that match what is asked (languages, cons,
 * the 15-minute limit, pricing model, …), grouped by the label the knowledge base gives them.
 * With nothing specific asked ("what is Lambda?"), its profile: best for, pros, cons, languages.
 */
import {
  BEST_FOR_FACET,
  CONS_FACET,
  DEFINITION_FACET,
  LANGUAGES_FACET,
  PROS_FACET,
  SLA_FACET,
  type KnownFacet,
} from '../../knowledge/facet-ids';
import type { Answer, Part } from '../../answer/answer';
import type { Entity } from '../../knowledge/entities';
import type { Fact } from '../../knowledge/knowledge-base';
import type { RouterContext } from '../../read/context';
import type { Understood } from '../../read/read';
import type { ScoredFact } from '../../search/fact-scorer';
import { knowledgeStems } from '../../text/knowledge-stems';
import { finish, groupByAttribute, sourcesOf } from '../../answer/common';
import { suggestions } from '../../answer/suggest';

const PROFILE: readonly KnownFacet[] = [BEST_FOR_FACET, PROS_FACET, CONS_FACET, LANGUAGES_FACET, SLA_FACET];
const MAX_FACTS = 8;

/** Facts of one entity that answer the question, best first; `[]` when none matches what is asked. */
export function selectFacts(ctx: RouterContext, u: Understood, entity: Entity): { facts: ScoredFact[]; coverage: number } {
  const stems = u.words.matchableStems;
  const facets = u.facets.filter((f) => f !== SLA_FACET);
  const all = ctx.scorer.score(entity.id, stems, facets);
  // Facts showing an asked facet; failing that, facts that match the question's other words
  // ("is EMR good for ETL": no "pros" label, but a use case that names ETL).
  let scored = all.filter((s) => s.facetHit);
  if (scored.length === 0 || facets.length === 0) {
    scored = facets.length === 0 ? all : all.filter((s) => u.words.contentStems.some((r) => ctx.scorer.mentions(s.index, r)));
  }
  if (scored.length === 0) return { facts: [], coverage: 0 };
  const top = scored[0].score;
  const picked = scored
    .filter((s) => s.score >= 0.6 * top)
    .slice(0, MAX_FACTS)
    .sort((a, b) => a.index - b.index);
  const found = new Set(picked.flatMap((s) => knowledgeStems(`${s.fact.attribute} ${s.fact.value}`)));
  const coverage = stems.length ? stems.filter((s) => found.has(s)).length / stems.length : 0;
  return { facts: picked, coverage: facets.length > 0 ? Math.max(coverage, 0.75) : coverage };
}

/**
 * The profile facts of an entity, for "what is X?": first what it is (the first fact, from any
 * section, that states its kind: "Abstraction level: … (PaaS)"), then its best for, pros, cons,
 * languages and SLA as the knowledge base lists them outside comparisons.
 */
export function profileFacts(ctx: RouterContext, entity: Entity): Fact[] {
  const idx = ctx.kb.factsByEntity.get(entity.id) ?? [];
  const definition = idx.find((i) => ctx.scorer.showsFacet(i, DEFINITION_FACET));
  const picked = PROFILE.flatMap((f) => idx.filter((i) => ctx.scorer.showsFacet(i, f) && ctx.kb.facts[i].origin !== 'comparison'));
  return [...new Set(definition === undefined ? picked : [definition, ...picked])].map((i) => ctx.kb.facts[i]);
}

/** Renders facts of one entity as a `facts` part (list-valued attributes joined one per line in bullets). */
export function factParts(facts: Fact[], heading?: string): Part[] {
  const groups = groupByAttribute(facts);
  const single = groups.filter((g) => g.values.length === 1);
  const multi = groups.filter((g) => g.values.length > 1);
  const parts: Part[] = [];
  if (single.length) parts.push({ type: 'facts', heading, facts: single.map((g) => ({ label: g.attribute, value: g.values[0] })) });
  for (const g of multi)
    parts.push({ type: 'bullets', heading: heading && !single.length ? `${heading}: ${g.attribute}` : g.attribute, items: g.values });
  return parts;
}

/** `lead`: parts shown before the facts (a yes/no verdict). */
export function facetAnswer(
  ctx: RouterContext,
  u: Understood,
  entities: Entity[],
  perEntity: Fact[][],
  facetLabel: string,
  confidence: number,
  lead: Part[] = [],
): Answer {
  const parts: Part[] = [...lead];
  entities.forEach((e, i) => parts.push(...factParts(perEntity[i], entities.length > 1 ? e.short : undefined)));
  const names = entities.map((e) => e.short).join(', ');
  return finish({
    kind: 'facet',
    question: u.text,
    services: entities.map((e) => e.short),
    facet: facetLabel,
    title: `${names}: ${facetLabel}`,
    answered: true,
    confidence,
    parts,
    sources: sourcesOf(perEntity.flat()),
    followUps: () =>
      suggestions(
        ctx,
        entities.map((e) => e.id),
        3,
      ).filter((s) => s.question.toLowerCase() !== u.text.toLowerCase()),
  });
}
