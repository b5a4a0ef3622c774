/**
 * The ordered intent table. Each intent looks at the understood question and returns an Answer,
 * or undefined to let the next one try. Order encodes precedence: help, then refusals that must
 * win (products outside AWS, prices, services the knowledge base does not cover), then the
 * structured intents (SLA, compare, an entry's own question, facet, recommend), then free lookup.
 */
import type { Answer } from '../answer/answer';
import { clarifyAnswer } from '../answer/build/clarify';
import { compareAnswer } from '../answer/build/compare';
import { digestAnswer } from '../answer/build/digest';
import { facetAnswer, factParts, profileFacts, selectFacts } from '../answer/build/facet';
import { helpAnswer } from '../answer/build/help';
import { findPassages, lookupAnswer } from '../answer/build/lookup';
import { notFoundAnswer, slaNotFound } from '../answer/build/not-found';
import { recommend, recommendAnswer } from '../answer/build/recommend';
import { slaAnswer } from '../answer/build/sla';
import type { Entity } from '../knowledge/entities';
import type { Fact } from '../knowledge/knowledge-base';
import type { ScoredFact } from '../search/fact-scorer';
import { contentStems } from '../text/tokens';
import type { RouterContext } from '../read/context';
import { VERSUS_WORDS } from '../read/cues';
import type { Understood } from '../read/read';

export interface Intent {
  name: string;
  match(u: Understood, ctx: RouterContext): Answer | undefined;
}

const confidenceOf = (u: Understood): number => (u.exact ? 0.9 : 0.75);
const names = (es: Entity[]): string => es.map((e) => e.name).join(', ');
const covered = (ctx: RouterContext, e: Entity): boolean => ctx.kb.covered.has(e.id);

/**
 * The entry whose own question this is (a paraphrase with the same words), if any. Services are
 * compared by their names, not as typed (`dynamo db`, `lamda` read as `DynamoDB`, `Lambda`).
 */
function matchingEntry(ctx: RouterContext, u: Understood): number | undefined {
  const words = u.tokens.filter((_, i) => !u.entityWords.has(i));
  return ctx.entries.match(contentStems([...words, ...u.entities.map((e) => e.short)].join(' ')));
}

/**
 * A limit the knowledge base does not hold: the question asks for a limit and names what is
 * limited ("lambda memory limit", "concurrency limit"), but none of the limit facts found mentions
 * it (they hold another limit: the 15-minute execution time). Then it says so, and shows the
 * limits it has, rather than passing one limit off as another. Undefined otherwise.
 */
function otherLimit(ctx: RouterContext, u: Understood, facts: ScoredFact[][]): Answer | undefined {
  if (!u.facets.includes('limits') || u.residualStems.length === 0) return undefined;
  const all = facts.flat();
  if (all.some((f) => u.residualStems.some((r) => ctx.scorer.mentions(f.index, r)))) return undefined;
  const what = u.residual.join(' ');
  const shown = u.entities.flatMap((e, i) => (facts[i].length ? factParts(facts[i].map((f) => f.fact), `What it has on the limits of ${e.short}`) : []));
  return notFoundAnswer(ctx, u.text, `The knowledge base has no ${what} limit for ${names(u.entities)}.`, u.entities.map((e) => e.id), shown);
}

export const INTENTS: Intent[] = [
  {
    name: 'help',
    // Not when the words are an entry's own question ("list the app server options").
    match: (u, ctx) => (u.cues.help && matchingEntry(ctx, u) === undefined ? helpAnswer(ctx, u.text) : undefined),
  },
  {
    name: 'clarify',
    match: (u) => {
      if (!u.ambiguous || u.entities.length > 0) return undefined;
      const typed = u.ambiguous.text;
      const at = u.text.toLowerCase().indexOf(typed);
      return clarifyAnswer(u.text, typed, u.ambiguous.candidates, (e) => (at >= 0 ? `${u.text.slice(0, at)}${e.short}${u.text.slice(at + typed.length)}` : `${u.text} ${e.short}`));
    },
  },
  {
    name: 'outside-aws',
    match: (u, ctx) => (u.outside.length === 0 ? undefined : notFoundAnswer(ctx, u.text,
      `The knowledge base covers AWS services only; it has nothing on ${names(u.outside)}.`, u.entities.filter((e) => covered(ctx, e)).map((e) => e.id))),
  },
  {
    name: 'price',
    match: (u, ctx) => {
      if (!u.cues.amount) return undefined;
      const known = u.entities.filter((e) => covered(ctx, e));
      const models: Fact[] = known.flatMap((e) => (ctx.kb.factsByEntity.get(e.id) ?? []).filter((i) => ctx.scorer.showsFacet(i, 'pricing')).map((i) => ctx.kb.facts[i]));
      return notFoundAnswer(ctx, u.text,
        `The knowledge base has no prices${u.entities.length ? ` for ${names(u.entities)}` : ''}: it does not list rates or amounts.${models.length ? ' What it says about the pricing model:' : ''}`,
        known.map((e) => e.id), factParts(models.slice(0, 4)));
    },
  },
  {
    name: 'not-covered',
    match: (u, ctx) => {
      const missing = u.entities.filter((e) => !covered(ctx, e));
      if (missing.length === 0 || (u.facets.includes('sla') && missing.length < u.entities.length)) return undefined;
      if (u.facets.includes('sla')) return slaNotFound(ctx, u.text, `The knowledge base has no SLA for ${names(missing)}.`);
      return notFoundAnswer(ctx, u.text, `The knowledge base has nothing on ${names(missing)}.`, u.entities.filter((e) => covered(ctx, e)).map((e) => e.id));
    },
  },
  {
    name: 'sla',
    match: (u, ctx) => {
      if (!u.facets.includes('sla')) return undefined;
      if (u.entities.length === 0 && u.unknown.length > 0) {
        return slaNotFound(ctx, u.text, `The knowledge base has no SLA for "${u.unknown.join(' ')}".`);
      }
      return slaAnswer(ctx, u.text, u.entities, u.entities.length ? confidenceOf(u) : 0.85);
    },
  },
  {
    name: 'compare',
    match: (u, ctx) => {
      if (u.entities.length >= 2) return compareAnswer(ctx, u, u.entities, confidenceOf(u));
      const versus = u.tokens.some((w) => VERSUS_WORDS.has(w));
      if (u.entities.length === 1 && versus && u.unknown.length > 0) {
        return notFoundAnswer(ctx, u.text, `The knowledge base has nothing on "${u.unknown.join(' ')}", so it cannot compare it with ${u.entities[0].short}.`, [u.entities[0].id]);
      }
      return undefined;
    },
  },
  {
    name: 'entry',
    match: (u, ctx) => {
      const i = matchingEntry(ctx, u);
      return i === undefined ? undefined : digestAnswer(ctx, u.text, ctx.kb.entries[i], 0.85);
    },
  },
  {
    name: 'facet',
    match: (u, ctx) => {
      if (u.entities.length === 0) return undefined;
      const picked = u.entities.map((e) => selectFacts(ctx, u, e));
      const facets = u.facets.filter((f) => f !== 'sla');
      const label = facets.map((f) => ctx.kb.facets[f]?.title ?? f).join(', ');
      if (picked.some((p) => p.facts.length > 0)) {
        const other = otherLimit(ctx, u, picked.map((p) => p.facts));
        if (other) return other;
        const coverage = Math.max(...picked.map((p) => p.coverage));
        if (facets.length === 0 && u.entities.length === 1) {
          const hits = findPassages(ctx, wordsWithoutNames(u), u.entities[0].id, u.content);
          if (hits[0] && hits[0].coverage > coverage + 0.2) {
            const viaPassages = lookupAnswer(ctx, u.text, hits, [u.entities[0].id], u.unknown.length);
            if (viaPassages) return viaPassages;
          }
        }
        return facetAnswer(ctx, u, u.entities, picked.map((p) => p.facts.map((s) => s.fact)), label || 'from the knowledge base', confidenceOf(u) * (0.6 + 0.4 * Math.min(1, coverage + 0.2)));
      }
      if (facets.length > 0) {
        return notFoundAnswer(ctx, u.text, `The knowledge base says nothing about the ${label} of ${names(u.entities)}.`, u.entities.map((e) => e.id));
      }
      // Nothing asked beyond the name ("what is Lambda?", "tell me about EKS"): its profile.
      if (u.residual.length === 0) {
        const profiles = u.entities.map((e) => profileFacts(ctx, e));
        if (profiles.some((p) => p.length > 0)) return facetAnswer(ctx, u, u.entities, profiles, 'overview', confidenceOf(u));
      }
      const hits = findPassages(ctx, wordsWithoutNames(u), u.entities[0].id, u.content);
      return lookupAnswer(ctx, u.text, hits, u.entities.map((e) => e.id), u.unknown.length)
        ?? notFoundAnswer(ctx, u.text, `The knowledge base mentions ${names(u.entities)}, but not in answer to that.`, u.entities.map((e) => e.id));
    },
  },
  {
    name: 'recommend',
    match: (u, ctx) => {
      if (!u.cues.recommend || u.entities.length > 0) return undefined;
      const rec = recommend(ctx, u);
      if (!rec) return undefined;
      if (rec.coverage >= 1) return rec.answer;
      // A passage that holds more of the question wins ("best place to store large images" → S3).
      const hits = findPassages(ctx, searchWords(u), undefined, u.content);
      return hits[0] && hits[0].coverage > rec.coverage ? lookupAnswer(ctx, u.text, hits, [], u.unknown.length) ?? rec.answer : rec.answer;
    },
  },
  {
    name: 'lookup',
    match: (u, ctx) => lookupAnswer(ctx, u.text, findPassages(ctx, searchWords(u), undefined, u.content), [], u.unknown.length) ?? recommendAnswer(ctx, u),
  },
];

/** Words of the question without the service names, for passage search. */
function wordsWithoutNames(u: Understood): string[] {
  return u.tokens.filter((_, i) => !u.entityWords.has(i));
}

/**
 * Words to search passages with: the meaningful ones and any service names, not cue or generic
 * words ("which service gives me…": "service" is in every passage of a large knowledge base).
 */
function searchWords(u: Understood): string[] {
  const words = [...u.content, ...u.tokens.filter((_, i) => u.entityWords.has(i))];
  return words.length > 0 ? words : u.tokens;
}

/** The answer when no intent matched. */
export function fallback(u: Understood, ctx: RouterContext): Answer {
  const subject = u.unknown.length ? `"${u.unknown.slice(0, 4).join(' ')}"` : 'that';
  return notFoundAnswer(ctx, u.text, `I couldn't find anything about ${subject} in the knowledge base.`);
}
