/**
 * Readings across services, answered from the facts of every service, focused: the facts that
 * state a figure ("what does the 99.5% figure apply to"), the lowest or highest figures of an
 * aspect ("which has the lowest SLA"), the services that state no figure for it ("which publish
 * no SLA"), or every service whose facts hold the words asked ("which of these support Go?").
 */
import type { Part } from '../../answer/answer';
import { finish, shortName, sourcesOf } from '../../answer/build/common';
import { suggestions } from '../../answer/build/suggest';
import type { Fact } from '../../knowledge/knowledge-base';
import type { Candidate, CandidateInput } from '../candidate';
import { namedCount } from '../candidate';
import { FORM } from '../relevance';

/** Services listed at most. */
const MAX_LISTED = 12;

/** The first number in a value (`99.95%` → 99.95), or undefined. */
function figureOf(value: string): number | undefined {
  const m = /\d+(?:\.\d+)?/.exec(value);
  return m ? Number(m[0]) : undefined;
}

const showing = new WeakMap<object, Map<string, number[]>>();

/** Indexes of the facts that show `facet` (not those of a comparison, which speak relative to another service), once per knowledge base. */
function factsShowing({ ctx }: CandidateInput, facet: string): number[] {
  let byFacet = showing.get(ctx.kb);
  if (!byFacet) showing.set(ctx.kb, (byFacet = new Map()));
  let list = byFacet.get(facet);
  if (!list) {
    list = ctx.kb.facts.map((_, i) => i).filter((i) => ctx.scorer.showsFacet(i, facet) && ctx.kb.facts[i].origin !== 'comparison');
    byFacet.set(facet, list);
  }
  return list;
}

function listAnswer(input: CandidateInput, title: string, lead: string, facts: Fact[]): Candidate['build'] {
  const { u, ctx } = input;
  return () => {
    const byEntity = new Map<string, Fact[]>();
    for (const f of facts) byEntity.set(f.entity, [...(byEntity.get(f.entity) ?? []), f]);
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
      followUps: suggestions(ctx, entities.slice(0, 2), 3),
    });
  };
}

export function filterCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  if (u.entities.some((e) => ctx.kb.covered.has(e.id)) || namedCount(input) > 0) return [];
  const { facts } = ctx.kb;
  const facetFacts = (facet: string): number[] => factsShowing(input, facet);
  const out: Candidate[] = [];
  const evidence = (held: number, form: number): Candidate['evidence'] => ({
    subjects: 1,
    aspects: u.facets.length ? 1 : undefined,
    content: held,
    form,
  });

  // A figure: the facts that state it.
  for (const figure of u.figures) {
    const plain = figure.replace('%', '');
    const hits = facts.filter((f) => f.value.includes(plain));
    if (hits.length > 0) {
      out.push({
        intent: 'filter',
        answered: true,
        speaksTo: [],
        why: `${hits.length} fact(s) state ${plain}`,
        evidence: evidence(1, FORM.asked),
        build: listAnswer(input, `Where the knowledge base states ${plain}`, `The knowledge base states ${plain} for:`, hits),
      });
    }
  }
  for (const facet of u.facets) {
    const title = ctx.kb.facets[facet]?.title ?? facet;
    const idx = facetFacts(facet);
    if (idx.length === 0) continue;
    // The lowest or highest figures of the aspect, per label.
    if (u.cues.superlative) {
      const numbered = idx.filter((i) => figureOf(facts[i].value) !== undefined);
      const byLabel = new Map<string, number[]>();
      for (const i of numbered) byLabel.set(facts[i].attribute, [...(byLabel.get(facts[i].attribute) ?? []), i]);
      const picked: Fact[] = [];
      for (const list of byLabel.values()) {
        // A label under which one service alone states a figure ranks nothing.
        if (new Set(list.map((i) => facts[i].entity)).size < 2) continue;
        const values = list.map((i) => figureOf(facts[i].value) as number);
        const target = u.cues.superlative === 'asc' ? Math.min(...values) : Math.max(...values);
        picked.push(...list.filter((i) => figureOf(facts[i].value) === target).map((i) => facts[i]));
      }
      if (picked.length > 0) {
        const word = u.cues.superlative === 'asc' ? 'lowest' : 'highest';
        out.push({
          intent: 'filter',
          answered: true,
          speaksTo: [],
          why: `the ${word} ${title} figure of each label`,
          evidence: evidence(1, FORM.asked),
          build: listAnswer(input, `The ${word} ${title}`, `The ${word} ${title} figures in the knowledge base:`, picked),
        });
      }
    }
    // The services that state no figure for the aspect.
    if (u.cues.negated.includes(facet)) {
      const entities = [...new Set(idx.map((i) => facts[i].entity))];
      const none = entities.filter((id) => idx.filter((i) => facts[i].entity === id).every((i) => figureOf(facts[i].value) === undefined));
      if (none.length > 0) {
        const shown = idx.filter((i) => none.includes(facts[i].entity)).map((i) => facts[i]);
        out.push({
          intent: 'filter',
          answered: true,
          speaksTo: [],
          why: `${none.length} service(s) state no ${title} figure`,
          evidence: evidence(1, FORM.asked),
          build: listAnswer(input, `No ${title} figure`, `The knowledge base states no ${title} figure for:`, shown),
        });
      }
    }
  }
  // Every service whose facts hold all the words asked ("which of these support Go?").
  const stems = u.residualStems;
  if (u.cues.list && stems.length > 0) {
    const scoped = u.facets.length ? new Set(u.facets.flatMap(facetFacts)) : undefined;
    const hits = facts.filter(
      (f, i) => f.origin !== 'comparison' && (!scoped || scoped.has(i)) && stems.every((s) => ctx.scorer.mentions(i, s)),
    );
    const entities = new Set(hits.map((f) => f.entity));
    if (entities.size >= 2) {
      out.push({
        intent: 'filter',
        answered: true,
        speaksTo: [],
        why: `${entities.size} services have a fact holding every word asked`,
        evidence: evidence(1, FORM.asked),
        build: listAnswer(input, 'Services that match', 'Each of these has a fact holding every word asked:', hits),
      });
    }
  }
  return out;
}
