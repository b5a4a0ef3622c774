/**
 * The "not in the knowledge base" reading: what the question asks that the knowledge base lacks
 * (services it does not cover, products outside AWS, unknown product-like words, amounts of
 * money), stated as its evidence so it competes with the answers on the same scale. Its reason
 * names exactly what is missing and never echoes the question's other words.
 */
import type { Answer, Part } from '../../answer/answer';
import { factParts } from '../facet/answer';
import { entitiesWithSla } from '../../answer/suggest';
import { PRICING_FACET, SLA_FACET } from '../../knowledge/facet-ids';
import type { Entity } from '../../knowledge/entities';
import type { CandidateInput } from '../../router/candidate';
import { namedCount, UNKNOWN_SUBJECT_WEIGHT } from '../../router/candidate';
import type { Evidence } from '../../router/relevance';
import { FORM } from '../../router/relevance';
import type { RouterContext } from '../../read/context';
import { statesPrice } from '../../language/states-price';
import { perObject } from '../../util/per-object';
import { notFoundAnswer, slaNotFound } from './answer';

const names = (es: readonly Entity[]): string => es.map((e) => e.name).join(', ');
/** Words as a person reads them in a sentence: quoted, each once. */
const quoted = (ws: readonly string[]): string => [...new Set(ws)].map((w) => `"${w}"`).join(', ');

/** What the question names that the knowledge base lacks. */
export interface Gaps {
  missing: Entity[];
  outside: Entity[];
  subjects: readonly string[];
  amount: boolean;
}

export function gapsOf({ u, ctx }: CandidateInput): Gaps {
  const covered = u.entities.filter((e) => ctx.kb.covered.has(e.id)).map((e) => e.id);
  return {
    missing: u.entities.filter((e) => !ctx.kb.covered.has(e.id)),
    outside: u.outside,
    subjects: u.words.subjects,
    // An amount of money asked is missing unless the knowledge base states a price for what is asked about.
    amount: u.cues.amount && !pricedIn(ctx).some((id) => covered.length === 0 || covered.includes(id)),
  };
}

/** The services whose pricing facts state an amount of money ("Pricing: $5 per TB"), once per knowledge base. */
const pricedIn = perObject((ctx: RouterContext): string[] => [
  ...new Set(ctx.kb.facts.filter((f, i) => ctx.scorer.showsFacet(i, PRICING_FACET) && statesPrice(f.value)).map((f) => f.entity)),
]);

/** The names of the gaps, for a partial answer's "not in the knowledge base" line. */
export function gapNames(g: Gaps): string[] {
  return [...g.outside.map((e) => e.name), ...g.missing.map((e) => e.name), ...g.subjects];
}

export function notFoundEvidence(input: CandidateInput, g: Gaps): Evidence {
  if (g.amount) return { subjects: 1, aspects: 1, content: 1, form: FORM.asked };
  const named = namedCount(input);
  const lacking = g.missing.length + g.outside.length + (g.subjects.length > 0 ? UNKNOWN_SUBJECT_WEIGHT : 0);
  const { u } = input;
  const unknownShare = u.words.content.length ? u.words.unknown.length / u.words.content.length : 1;
  return { subjects: named > 0 ? lacking / named : 0, content: unknownShare, form: FORM.asked };
}

/**
 * The answer: the reason, then (labelled) what the knowledge base does hold that is related, then
 * questions it can answer. `related`: parts of the best answer that fell short, about a service named.
 */
export function notFoundBuild(input: CandidateInput, g: Gaps, related: { about: Entity[]; parts: Part[] } | undefined): Answer {
  const { u, ctx } = input;
  const covered = u.entities.filter((e) => ctx.kb.covered.has(e.id));
  const ids = covered.map((e) => e.id);
  const extra: Part[] =
    related && related.parts.length
      ? [{ type: 'text', text: `What the knowledge base does hold on ${related.about.map((e) => e.short).join(', ')}:` }, ...related.parts]
      : [];
  if (g.amount) {
    const models = covered.flatMap((e) =>
      (ctx.kb.factsByEntity.get(e.id) ?? []).filter((i) => ctx.scorer.showsFacet(i, PRICING_FACET)).map((i) => ctx.kb.facts[i]),
    );
    return notFoundAnswer(
      ctx,
      u.text,
      `The knowledge base has no prices${covered.length ? ` for ${names(covered)}` : ''}: it does not list rates or amounts.${models.length ? ' What it says about the pricing model:' : ''}`,
      ids,
      factParts(models.slice(0, 4)),
    );
  }
  if (g.outside.length)
    return notFoundAnswer(
      ctx,
      u.text,
      `The knowledge base covers ${ctx.kb.domain ? `${ctx.kb.domain.name} services` : 'the services it lists'} only; it has nothing on ${names(g.outside)}.`,
      ids,
      extra,
    );
  const asksSla = u.facets.includes(SLA_FACET);
  if (g.missing.length) {
    if (asksSla) return slaNotFound(ctx, u.text, `The knowledge base has no SLA for ${names(g.missing)}.`);
    return notFoundAnswer(ctx, u.text, `The knowledge base has nothing on ${names(g.missing)}.`, ids, extra);
  }
  if (g.subjects.length) {
    return notFoundAnswer(
      ctx,
      u.text,
      `The knowledge base has nothing on ${quoted(g.subjects)}${covered.length ? ` for ${names(covered)}` : ''}.`,
      ids,
      extra,
    );
  }
  if (covered.length) {
    if (asksSla && !covered.some((e) => entitiesWithSla(ctx).includes(e.id))) {
      return slaNotFound(
        ctx,
        u.text,
        `The knowledge base has no SLA for ${names(covered)}. It lists SLAs for ${entitiesWithSla(ctx)
          .map((id) => ctx.kb.registry.get(id)?.short ?? id)
          .join(', ')}.`,
      );
    }
    const titles = u.facets.filter((f) => f !== SLA_FACET).map((f) => ctx.kb.facets[f]?.title ?? f);
    const what =
      u.words.modifiers.length && titles.length
        ? `no ${u.words.modifiers.join(' ')} ${titles.join(' or ')} for ${names(covered)}`
        : titles.length
          ? `nothing on the ${titles.join(' or ')} of ${names(covered)} that answers this`
          : `nothing that answers this about ${names(covered)}`;
    return notFoundAnswer(ctx, u.text, `The knowledge base has ${what}.`, ids, extra);
  }
  if (asksSla) return slaNotFound(ctx, u.text, 'The knowledge base has no SLA that answers this.');
  return notFoundAnswer(ctx, u.text, "I couldn't find this in the knowledge base.", ids, extra);
}
