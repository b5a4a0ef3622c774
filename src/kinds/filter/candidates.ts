/**
 * Readings across services, answered from the facts of every service, focused: the facts that
 * state a figure ("what does the 99.5% figure apply to") or one past a bound ("an SLA below
 * 99.95%"), the lowest or highest figures of an aspect ("which has the lowest SLA"), the services
 * that state no figure for it ("which publish no SLA"), or every service whose facts hold the
 * words asked ("which of these support Go?"). Figures compare as numbers, and every SLA figure
 * with every other, whatever its table's column is called ("Monthly Uptime SLA" included).
 */
import type { Part } from '../../answer/answer';
import { finish, shortName, sourcesOf } from '../../answer/common';
import { suggestions } from '../../answer/suggest';
import type { Fact } from '../../knowledge/knowledge-base';
import type { RouterContext } from '../../read/context';
import { type FigureBound, figureBound, withinBound } from '../../read/figure-bound';
import { SLA_FACET } from '../../knowledge/facet-ids';
import { appendTo } from '../../util/append-to';
import { perObject } from '../../util/per-object';
import { namesSection, scopeStemsIn, sectionStems, underScope } from '../section-scope';
import type { Candidate, CandidateInput } from '../../router/candidate';
import { namedCount } from '../../router/candidate';
import { FORM } from '../../router/relevance';

/** Services listed at most. */
const MAX_LISTED = 12;

/** The first number in a value (`99.95%` → 99.95), or undefined. */
function figureOf(value: string): number | undefined {
  const m = /\d+(?:\.\d+)?/.exec(value);
  return m ? Number(m[0]) : undefined;
}

/** Every number in a value, as numbers (`99.95%` holds 99.95, not 99.9). */
function figuresIn(value: string): number[] {
  return [...value.matchAll(/\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));
}

/** What the lowest or highest figures of `facet` are ranked within: every SLA figure together, else the figures of one label. */
function rankedWith(facet: string, fact: Fact): string {
  return facet === SLA_FACET ? SLA_FACET : fact.attribute;
}

const BOUND_WORDS: Record<Exclude<FigureBound, '='>, string> = { '<': 'below', '<=': 'at most', '>=': 'at least', '>': 'above' };

const showing = perObject((_: RouterContext) => new Map<string, number[]>());

/** Indexes of the facts that show `facet` (not those of a comparison, which speak relative to another service), once per knowledge base. */
function factsShowing({ ctx }: CandidateInput, facet: string): number[] {
  const byFacet = showing(ctx);
  let list = byFacet.get(facet);
  if (!list) {
    list = ctx.kb.facts.map((_, i) => i).filter((i) => ctx.scorer.showsFacet(i, facet) && ctx.kb.facts[i].origin !== 'comparison');
    byFacet.set(facet, list);
  }
  return list;
}

const sectionsByFacet = perObject((_: RouterContext) => new Map<string, readonly (readonly string[])[]>());

/** The stems of the sections the facts showing `facet` sit under (`sectionStems` of {@link factsShowing}), once per knowledge base. */
function sectionsShowing(input: CandidateInput, facet: string): readonly (readonly string[])[] {
  const byFacet = sectionsByFacet(input.ctx);
  let sections = byFacet.get(facet);
  if (!sections) {
    sections = sectionStems(factsShowing(input, facet).map((i) => input.ctx.kb.facts[i]));
    byFacet.set(facet, sections);
  }
  return sections;
}

/**
 * The indexes of the facts showing `facet` under the sections the question's words name
 * (`section-scope.ts`), all of them when it names none; and those words.
 */
function showingScoped(input: CandidateInput, facet: string): { idx: number[]; scope: string[] } {
  const { facts } = input.ctx.kb;
  const idx = factsShowing(input, facet);
  const scope = scopeStemsIn(input.u.words.contentStems, sectionsShowing(input, facet));
  if (scope.length === 0) return { idx, scope };
  return { idx: idx.filter((i) => underScope(facts[i], scope)), scope };
}

function listAnswer(input: CandidateInput, title: string, lead: string, facts: Fact[]): Candidate['build'] {
  const { u, ctx } = input;
  return () => {
    const byEntity = new Map<string, Fact[]>();
    for (const f of facts) appendTo(byEntity, f.entity, f);
    const entities = [...byEntity.keys()].slice(0, MAX_LISTED);
    const parts: Part[] = [
      { type: 'text', text: lead },
      {
        type: 'facts',
        facts: entities.flatMap((id) =>
          byEntity.get(id)!.map((f) => ({ label: `${shortName(ctx.kb, id)} (${f.attribute})`, value: f.value })),
        ),
      },
    ];
    if (byEntity.size > entities.length) parts.push({ type: 'text', text: `…and ${byEntity.size - entities.length} more.` });
    return finish({
      kind: 'facet',
      question: u.text,
      services: entities.map((id) => shortName(ctx.kb, id)),
      facet: 'across services',
      title,
      answered: true,
      confidence: 0.8,
      parts,
      sources: sourcesOf(entities.flatMap((id) => byEntity.get(id)!)),
      followUps: () => suggestions(ctx, entities.slice(0, 2), 3),
    });
  };
}

export function filterCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  if (u.entities.some((e) => ctx.kb.covered.has(e.id)) || namedCount(input) > 0) return [];
  return [
    ...u.words.figures.flatMap((figure) => statingFigure(input, figure, figureBound(u.words.texts, u.words.texts.indexOf(figure)))),
    ...u.facets.flatMap((facet) => [...extremes(input, facet), ...statingNone(input, facet), ...listingAspect(input, facet)]),
    ...matchingAll(input),
  ];
}

/** A candidate across services: it names no service (so speaks to every subject) and holds what it lists. */
function across(input: CandidateInput, why: string, build: Candidate['build']): Candidate {
  const evidence = { subjects: 1, aspects: input.u.facets.length ? 1 : undefined, content: 1, form: FORM.asked };
  return { intent: 'filter', answered: true, speaksTo: [], why, evidence, build };
}

/**
 * The facts that state a figure ("what does the 99.5% figure apply to"), or, under a bound, those
 * of the aspects asked whose figure is past it ("an SLA below 99.95%": not the 99.95% ones).
 */
function statingFigure(input: CandidateInput, figure: string, bound: FigureBound): Candidate[] {
  const { u, ctx } = input;
  const plain = figure.replace('%', '');
  const asked = Number(plain);
  const hits =
    bound === '='
      ? ctx.kb.facts.filter((f) => figuresIn(f.value).includes(asked))
      : [...new Set(u.facets.flatMap((facet) => showingScoped(input, facet).idx))]
          .sort((a, b) => a - b)
          .map((i) => ctx.kb.facts[i])
          .filter((f) => {
            const value = figureOf(f.value);
            return value !== undefined && withinBound(value, bound, asked);
          });
  if (hits.length === 0) return [];
  // The question's words lose the `%`; an availability figure is one.
  const shown = u.facets.includes(SLA_FACET) ? `${plain}%` : plain;
  const stated = bound === '=' ? plain : `${BOUND_WORDS[bound]} ${shown}`;
  return [
    across(
      input,
      `${hits.length} fact(s) state ${stated}`,
      bound === '='
        ? listAnswer(input, `Where the knowledge base states ${plain}`, `The knowledge base states ${plain} for:`, hits)
        : listAnswer(input, `Figures ${stated}`, `The knowledge base states a figure ${stated} for:`, hits),
    ),
  ];
}

/** The lowest or highest figures of an aspect, among those ranked together ({@link rankedWith}) that two or more services state. */
function extremes(input: CandidateInput, facet: string): Candidate[] {
  const { u, ctx } = input;
  if (!u.cues.superlative) return [];
  const { facts } = ctx.kb;
  const byLabel = new Map<string, number[]>();
  for (const i of showingScoped(input, facet).idx)
    if (figureOf(facts[i].value) !== undefined) appendTo(byLabel, rankedWith(facet, facts[i]), i);
  const picked: Fact[] = [];
  for (const list of byLabel.values()) {
    // Figures that one service alone states rank nothing.
    if (new Set(list.map((i) => facts[i].entity)).size < 2) continue;
    const values = list.map((i) => figureOf(facts[i].value) as number);
    const target = u.cues.superlative === 'asc' ? Math.min(...values) : Math.max(...values);
    picked.push(...list.filter((i) => figureOf(facts[i].value) === target).map((i) => facts[i]));
  }
  if (picked.length === 0) return [];
  const word = u.cues.superlative === 'asc' ? 'lowest' : 'highest';
  const title = ctx.kb.facets[facet]?.title ?? facet;
  return [
    across(
      input,
      `the ${word} ${title} figure of each label`,
      listAnswer(input, `The ${word} ${title}`, `The ${word} ${title} figures in the knowledge base:`, picked),
    ),
  ];
}

/** The services that state no figure for an aspect asked as absent ("which services publish no SLA"). */
function statingNone(input: CandidateInput, facet: string): Candidate[] {
  const { u, ctx } = input;
  if (!u.cues.negated.includes(facet)) return [];
  const { facts } = ctx.kb;
  const { idx } = showingScoped(input, facet);
  const entities = [...new Set(idx.map((i) => facts[i].entity))];
  const none = entities.filter((id) => idx.filter((i) => facts[i].entity === id).every((i) => figureOf(facts[i].value) === undefined));
  // "States no figure" sets services apart only where others state one (an aspect told in words alone, pricing models, has none).
  if (none.length === 0 || none.length === entities.length) return [];
  const title = ctx.kb.facets[facet]?.title ?? facet;
  const shown = idx.filter((i) => none.includes(facts[i].entity)).map((i) => facts[i]);
  return [
    across(
      input,
      `${none.length} service(s) state no ${title} figure`,
      listAnswer(input, `No ${title} figure`, `The knowledge base states no ${title} figure for:`, shown),
    ),
  ];
}

/**
 * An aspect listed for every service ("list the languages of each service"): the facts that show
 * it, service by service, when two or more services have one and nothing else is asked. The SLA
 * has its own tables (`sla.ts`).
 */
function listingAspect(input: CandidateInput, facet: string): Candidate[] {
  const { u, ctx } = input;
  if (!(u.cues.list || u.cues.all) || facet === SLA_FACET) return [];
  const { idx, scope } = showingScoped(input, facet);
  // Words that name no section are something else asked of the facts (`matchingAll`).
  if (u.words.contentStems.some((stem) => !scope.includes(stem))) return [];
  const facts = idx.map((i) => ctx.kb.facts[i]);
  const services = new Set(facts.map((f) => f.entity));
  if (services.size < 2) return [];
  const title = ctx.kb.facets[facet]?.title ?? facet;
  return [
    across(
      input,
      `${services.size} services state their ${title}`,
      listAnswer(
        input,
        `${title.charAt(0).toUpperCase()}${title.slice(1)}, service by service`,
        `What the knowledge base says about ${title}, service by service:`,
        facts,
      ),
    ),
  ];
}

/** Every service whose facts hold all the words asked ("which of these support Go?"), when two or more do. */
function matchingAll(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  const stems = u.words.contentStems;
  if (!u.cues.list || stems.length === 0) return [];
  // Scoped to the aspects asked, when there are: facts showing one of them (as `factsShowing`).
  const hits = ctx.scorer
    .mentioningAll(stems)
    .filter((i) => ctx.kb.facts[i].origin !== 'comparison' && (u.facets.length === 0 || u.facets.some((f) => ctx.scorer.showsFacet(i, f))))
    .map((i) => ctx.kb.facts[i]);
  const entities = new Set(hits.map((f) => f.entity));
  if (entities.size < 2) return [];
  // Words that all name one section ("what are the load balancer options") ask for that section, not for facts holding them.
  if (namesSection(ctx, stems)) return [];
  return [
    across(
      input,
      `${entities.size} services have a fact holding every word asked`,
      listAnswer(input, 'Services that match', 'Each of these has a fact holding every word asked:', hits),
    ),
  ];
}
