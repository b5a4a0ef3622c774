/**
 * Facet readings of a question about named services: the facts of each that match what is asked
 * (languages, cons, the 15-minute limit, pricing model, …), the service's profile when nothing is
 * asked beyond its name, or its passages. A figure asked against a stated limit ("a 30-minute job
 * on Lambda?") gets a yes/no verdict from the two quantities.
 */
import type { Part } from '../../answer/answer';
import { findPassages, lookupAnswer } from '../lookup/answer';
import type { Fact } from '../../knowledge/knowledge-base';
import { askedDimension, quantities, type Quantity } from '../../language/units';
import type { Understood } from '../../read/read';
import { knowledgeStems } from '../../text/knowledge-stems';
import { contentStems } from '../../text/tokens';
import type { Candidate, CandidateInput } from '../../router/candidate';
import { entityVocabulary, shareHeld, subjectShare } from '../../router/candidate';
import { FORM } from '../../router/relevance';
import { LIMITS_FACET, SLA_FACET } from '../../knowledge/facet-ids';
import { OVER_WORDS } from '../../language/lexicon';
import { facetAnswer, profileFacts, selectFacts } from './answer';

const confidenceOf = (u: Understood): number => (u.exact ? 0.9 : 0.75);

/** The form of a one-service reading: it contradicts "X vs Y" when the knowledge base lacks one side. */
export function singleForm(input: CandidateInput, covered: number): number {
  const { u } = input;
  if (u.cues.compare && u.entities.length + u.outside.length >= 2) return covered >= 2 ? FORM.weak : FORM.contradicts;
  return u.cues.advice ? FORM.weak : FORM.neutral;
}

/**
 * Whether a fact holds the aspect as asked: every word that says which one is asked ("memory
 * limit", "maximum concurrent executions") must be in it, or be of its figure's dimension; a
 * dimension asked ("how long") must match the fact's figure when it has one.
 */
function holdsAsAsked(u: Understood, f: Fact): boolean {
  const qs = quantities(f.value);
  if (u.words.modifiers.length > 0) {
    const stems = knowledgeStems(`${f.attribute} ${f.value}`);
    return u.words.modifiers.every(
      (m) => contentStems(m).some((s) => stems.includes(s)) || (qs.length > 0 && askedDimension(m) === qs[0].dimension),
    );
  }
  return !u.dimension || qs.length === 0 || qs.some((q) => q.dimension === u.dimension);
}

/** A yes/no verdict: the question's figure against a limit fact's figure of the same dimension. */
function verdict(u: Understood, limits: Fact[]): { part: Part; fact: Fact } | undefined {
  const asked: Quantity | undefined = u.quantities[0];
  if (!asked || !u.cues.yesNo) return undefined;
  for (const f of limits) {
    const limit = quantities(f.value).find((q) => q.dimension === asked.dimension);
    if (!limit) continue;
    // At the limit itself, the words before the figure decide: "longer than 15 minutes" is over it.
    const over = asked.base > limit.base || (asked.base === limit.base && u.words.texts.some((w) => OVER_WORDS.has(w)));
    if (asked.base === limit.base && !over) continue;
    const text = !over
      ? `Yes: ${asked.text} is within the ${limit.text} maximum the knowledge base gives.`
      : asked.base === limit.base
        ? `No: the knowledge base gives ${limit.text} as the maximum.`
        : `No: ${asked.text} is more than the ${limit.text} maximum the knowledge base gives.`;
    return { part: { type: 'text', text }, fact: f };
  }
  return undefined;
}

export function facetCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  const covered = u.entities.filter((e) => ctx.kb.covered.has(e.id));
  if (covered.length === 0) return [];
  const out: Candidate[] = [];
  const form = singleForm(input, covered.length);
  const label = u.facets
    .filter((f) => f !== SLA_FACET)
    .map((f) => ctx.kb.facets[f]?.title ?? f)
    .join(', ');

  const scored = covered.map((e) => selectFacts(ctx, u, e).facts);
  const picked = scored.map((list) => list.map((s) => s.fact));
  const withFacts = covered.filter((_, i) => picked[i].length > 0);
  if (withFacts.length > 0) {
    const all = scored.flat();
    const facts = picked.flat();
    // A fact with a figure of the dimension asked ("how long" → "up to 14 days") holds a limit too.
    const figureAsAsked = (f: Fact): boolean => u.dimension !== undefined && quantities(f.value).some((q) => q.dimension === u.dimension);
    const held = u.facets.filter((facet) =>
      all.some(
        (s) => (ctx.scorer.showsFacet(s.index, facet) || (facet === LIMITS_FACET && figureAsAsked(s.fact))) && holdsAsAsked(u, s.fact),
      ),
    );
    const v = u.facets.includes(LIMITS_FACET)
      ? verdict(
          u,
          all.filter((s) => ctx.scorer.showsFacet(s.index, LIMITS_FACET)).map((s) => s.fact),
        )
      : undefined;
    const texts = facts.map((f) => `${f.attribute} ${f.value}`);
    // With aspects asked, the other words that count are those the knowledge base uses about these
    // services (the rest is the asker's story); the words that name the aspect ("memory limit") always count.
    const vocab = withFacts.map((e) => entityVocabulary(input, e.id));
    const askable = u.words.knownStems.filter((s) => vocab.some((v) => v.has(s)));
    const content = v
      ? 1
      : u.facets.length > 0
        ? shareHeld([...askable, ...u.words.modifiers.flatMap((m) => contentStems(m))], texts)
        : shareHeld(u.words.contentStems, texts);
    out.push({
      intent: 'facet',
      answered: true,
      speaksTo: withFacts.map((e) => e.id),
      why:
        `${facts.length} fact(s) of ${withFacts.map((e) => e.short).join(', ')}${held.length ? ` showing ${held.join(', ')}` : ''}` +
        `${u.facets.length > held.length ? `; not holding ${u.facets.filter((f) => !held.includes(f)).join(', ')}${u.words.modifiers.length ? ` as asked (${u.words.modifiers.join(', ')})` : ''}` : ''}` +
        `${v ? `; verdict from ${v.fact.value}` : ''}`,
      evidence: {
        subjects: subjectShare(
          input,
          withFacts.map((e) => e.id),
        ),
        aspects: u.facets.length ? held.length / u.facets.length : undefined,
        content,
        form,
      },
      build: () => facetAnswer(ctx, u, covered, picked, label || 'from the knowledge base', confidenceOf(u), v ? [v.part] : []),
    });
  }
  // Nothing asked beyond the name ("what is Lambda?", "tell me about EKS"): its profile.
  if (u.words.content.length === 0 && u.facets.length === 0) {
    const profiles = covered.map((e) => profileFacts(ctx, e));
    const some = covered.filter((_, i) => profiles[i].length > 0);
    if (some.length > 0) {
      out.push({
        intent: 'profile',
        answered: true,
        speaksTo: some.map((e) => e.id),
        why: `nothing asked beyond the name: the profile of ${some.map((e) => e.short).join(', ')}`,
        evidence: {
          subjects: subjectShare(
            input,
            some.map((e) => e.id),
          ),
          content: 1,
          form,
        },
        build: () => facetAnswer(ctx, u, covered, profiles, 'overview', confidenceOf(u)),
      });
    }
  }
  return out;
}

/** The passages about the first named service the knowledge base covers that hold the question's other words. */
export function servicePassageCandidates(input: CandidateInput): Candidate[] {
  const { u, ctx } = input;
  const e = u.entities.find((x) => ctx.kb.covered.has(x.id));
  if (!e) return [];
  const form = singleForm(input, u.entities.filter((x) => ctx.kb.covered.has(x.id)).length);
  const words = u.words.list.filter((w) => w.role !== 'service').map((w) => w.text);
  const hits = findPassages(ctx, words, e.id, u.words.matchable);
  const top = hits[0];
  if (!top) return [];
  const passage = ctx.kb.passages[top.id];
  return [
    {
      intent: 'lookup',
      answered: true,
      speaksTo: passage.entities.includes(e.id) ? [e.id] : [],
      why: `passage under "${passage.source.section}" about ${e.short} holding ${Math.round(top.coverage * 100)}% of the words`,
      evidence: { subjects: subjectShare(input, [e.id]), content: top.coverage, form },
      // With no coverage needed (the score decides), a top hit always makes an answer.
      build: () =>
        lookupAnswer(
          ctx,
          u.text,
          hits,
          u.entities.map((x) => x.id),
          0,
          0,
        )!,
    },
  ];
}
