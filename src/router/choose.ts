/**
 * The choice: every candidate scored with the one relevance function; the best answered one wins
 * unless the not-found reading scores higher or the best falls under `ABSTAIN_BELOW`. A winner
 * that leaves out named things the knowledge base lacks becomes a partial answer (the answered
 * part, then one line naming what is not covered) when that reading scores higher.
 */
import type { Answer, Part } from '../answer/answer';
import { finish } from '../answer/common';
import type { Entity } from '../knowledge/entities';
import { gapNames, gapsOf, notFoundBuild, notFoundEvidence, type Gaps } from '../kinds/not-found/candidates';
import type { Candidate, CandidateInput } from './candidate';
import { namedCount } from './candidate';
import type { Explain } from './explain';
import type { Intent, Reading } from './intent';
import { ANSWER_FEATURES, evidenceFeatures, notFoundFeatures, withAnswer, type FeatureVector } from './features';
import { fittedScore, MODEL, probability, scoreBounds } from './fitted-model';
import { relevance, TIE_MARGIN, type Evidence } from './relevance';

/** Near ties go to the lower rank: the more specific reading (a figure over a passage). */
const SPECIFICITY: Record<Intent, number> = {
  help: 0,
  clarify: 1,
  filter: 2,
  sla: 3,
  compare: 4,
  entry: 5,
  advice: 6,
  facet: 7,
  profile: 8,
  section: 9,
  recommend: 10,
  lookup: 11,
};

export interface Choice {
  answer: Answer;
  intent: Reading;
  candidates: Scored[];
  decision: Explain['decision'];
  chosen: number;
}

function bySpecificity(a: ScoredCandidate, b: ScoredCandidate): number {
  if (Math.abs(a.score - b.score) > TIE_MARGIN) return b.score - a.score;
  return SPECIFICITY[a.intent] - SPECIFICITY[b.intent] || b.score - a.score;
}

/** A candidate with the features the fitted model read and its score (the model's estimate that it is right). */
export type ScoredCandidate = Candidate & { features: FeatureVector; score: number };
/** Any reading scored: a candidate, a partial answer built on one, or the not-found reading. */
export type Scored = Omit<ScoredCandidate, 'intent'> & { intent: Reading };

/** Builds a candidate's answer once: the features read it, and the winner is built from it. */
function once(build: () => Answer): () => Answer {
  let answer: Answer | undefined;
  return () => (answer ??= build());
}

/** What a reading is, besides how it is built and scored. */
type ReadingOf<I extends Reading> = Pick<Candidate, 'evidence' | 'answered' | 'speaksTo' | 'why'> & { intent: I };

/**
 * A reading, made field by field from `c` with `build`, `features` and `score`. Made with a spread
 * (`{ ...c, features, score }`), these objects and what they hold survived V8's young-generation
 * collections long after their question: most of what each collection promoted to the old
 * generation on the sample questions (about 220 KB a collection against 7 KB; `--trace-gc-nvp`).
 */
function reading<I extends Reading>(
  c: ReadingOf<I>,
  build: () => Answer,
  features: FeatureVector,
  score: number,
): ReadingOf<I> & Pick<Candidate, 'build'> & { features: FeatureVector; score: number } {
  return { intent: c.intent, evidence: c.evidence, answered: c.answered, speaksTo: c.speaksTo, why: c.why, build, features, score };
}

/** A candidate scored on its evidence and its built answer. */
function scoredAnswer(input: CandidateInput, c: Candidate, evidenceOnly: FeatureVector): ScoredCandidate {
  const build = once(c.build);
  const features = withAnswer(evidenceOnly, input.u, build());
  return reading(c, build, features, fittedScore(features));
}

/**
 * Every reading of the question, scored: the candidates proposed, the partial reading of the best
 * of them, and the not-found reading (last). `choose` picks among them; `npm run fit` labels them.
 *
 * Only readings that can still win are built: a candidate whose score, whatever its answer's
 * features (`ANSWER_FEATURES`), stays more than the tie margin under what another reading is sure
 * to score is left unbuilt, and scored at that bound (it cannot win, so the choice is the one an
 * exhaustive scoring makes). `exhaustive` builds and scores every one (`--explain`, `npm run fit`).
 */
export function readings(
  input: CandidateInput,
  proposed: Candidate[],
  exhaustive = false,
): { scored: ScoredCandidate[]; partial?: Scored; notFound: Scored; gaps: Gaps } {
  const { u } = input;
  const gaps = gapsOf(input);
  // An amount of money the knowledge base states no price for (`gapsOf`) is an aspect asked that no
  // answer holds: it counts among the aspects of every answered candidate, unheld.
  const withAmount = (e: Evidence): Evidence =>
    gaps.amount ? { ...e, aspects: ((e.aspects ?? 1) * u.facets.length) / (u.facets.length + 1) } : e;
  const candidates = proposed.map((c) => {
    const candidate: Candidate = {
      intent: c.intent,
      evidence: withAmount(c.evidence),
      answered: c.answered,
      speaksTo: c.speaksTo,
      why: c.why,
      build: c.build,
    };
    const x = evidenceFeatures(u, c.intent, candidate.evidence, false);
    return { candidate, x, bounds: scoreBounds(x, ANSWER_FEATURES) };
  });
  // The partial reading completes the reading that speaks best to what is asked (by its evidence
  // alone, so that what the model is fitted on does not depend on an earlier fit).
  const strongest = candidates.reduce<(typeof candidates)[number] | undefined>(
    (a, c) => (!a || relevance(c.candidate.evidence) > relevance(a.candidate.evidence) ? c : a),
    undefined,
  );
  const strongestScored = strongest && scoredAnswer(input, strongest.candidate, strongest.x);
  const partial = strongestScored && partialReading(input, gaps, strongestScored);
  const notFound = notFoundReading(input, gaps);
  const floor = Math.max(
    notFound.score,
    partial?.score ?? 0,
    strongestScored?.score ?? 0,
    ...candidates.map((c) => probability(c.bounds.low)),
  );
  const scored = candidates
    .map((c) => {
      if (c === strongest && strongestScored) return strongestScored;
      if (exhaustive || probability(c.bounds.high) + TIE_MARGIN >= floor) return scoredAnswer(input, c.candidate, c.x);
      return reading(c.candidate, c.candidate.build, c.x, probability(c.bounds.high));
    })
    .sort(bySpecificity);
  return { scored, partial, notFound, gaps };
}

export function choose(input: CandidateInput, proposed: Candidate[], exhaustive = false): Choice {
  const { scored, partial, notFound, gaps } = readings(input, proposed, exhaustive);
  const best = scored[0] as ScoredCandidate | undefined;
  const top = partial && (!best || partial.score > best.score) ? partial : best;
  const ABSTAIN_BELOW = MODEL.threshold;

  let winner: Scored;
  let rule: string;
  if (top && top.score >= ABSTAIN_BELOW && top.score >= notFound.score) {
    winner = top;
    rule =
      top === partial ? 'partial: the answered part plus what is not covered scores highest' : 'best candidate at or above the threshold';
  } else {
    // What the best reading holds on a service named is shown, labelled, under the not-found answer.
    const related = best ? relatedTo(input, best) : undefined;
    winner = reading(notFound, () => notFoundBuild(input, gaps, related), notFound.features, notFound.score);
    rule = top && top.score >= ABSTAIN_BELOW ? 'the not-found reading scores higher' : 'abstain: no candidate reaches the threshold';
  }
  const candidates = [...scored, ...(partial ? [partial] : []), winner.intent === 'not-found' ? winner : notFound];
  const others = candidates.filter((c) => c !== winner).map((c) => c.score);
  const margin = Math.round((winner.score - Math.max(0, ...others)) * 1000) / 1000;
  return {
    answer: winner.build(),
    intent: winner.intent,
    candidates,
    chosen: candidates.indexOf(winner),
    decision: { rule, threshold: ABSTAIN_BELOW, margin },
  };
}

/**
 * The partial reading of `best`: it speaks to a service named, the question names services the
 * knowledge base does not cover (no unknown words, no amount), and, asked "X vs Y", it is a
 * comparison ("Azure Blob Storage vs S3" is no partial S3 answer). Its answer ends with a line
 * naming what is not covered, which speaks to those services and the words only they explain.
 */
function partialReading(input: CandidateInput, gaps: Gaps, best: ScoredCandidate): Scored | undefined {
  const { u, ctx } = input;
  const lackedServices = gaps.missing.length + gaps.outside.length;
  const formFits = !u.cues.compare || best.intent === 'compare';
  if (
    !formFits ||
    lackedServices === 0 ||
    gaps.subjects.length > 0 ||
    gaps.amount ||
    !best.speaksTo.some((id) => u.entities.some((e) => e.id === id))
  ) {
    return undefined;
  }
  const missingNames = gapNames(gaps);
  const named = namedCount(input);
  const spoken = u.entities.filter((e) => best.speaksTo.includes(e.id)).length;
  const lacking = named - u.entities.filter((e) => ctx.kb.covered.has(e.id)).length;
  const unknownShare = u.words.content.length ? u.words.unknown.length / u.words.content.length : 0;
  const evidence = {
    ...best.evidence,
    subjects: (spoken + lacking) / named,
    content: best.evidence.content + (1 - best.evidence.content) * unknownShare,
  };
  const build = once(() => {
    const a = best.build();
    const note: Part = { type: 'text', text: `Not in the knowledge base: ${missingNames.join(', ')}.` };
    const { id: _id, ...draft } = a;
    return finish({ ...draft, parts: [...a.parts, note], notCovered: missingNames } as Parameters<typeof finish>[0]);
  });
  const features = withAnswer(evidenceFeatures(u, best.intent, evidence, true), u, build());
  const why = `${best.why}; not covered: ${missingNames.join(', ')}`;
  return reading(
    { intent: `${best.intent}+partial`, evidence, answered: best.answered, speaksTo: best.speaksTo, why },
    build,
    features,
    fittedScore(features),
  );
}

/** The not-found reading, scored on what the question names that the knowledge base lacks. */
function notFoundReading(input: CandidateInput, gaps: Gaps): Scored {
  const evidence = notFoundEvidence(input, gaps);
  const missingNames = gapNames(gaps);
  const features = notFoundFeatures(input.u, evidence, gaps.missing.length + gaps.outside.length, gaps.amount);
  return {
    intent: 'not-found',
    answered: false,
    speaksTo: [],
    why: missingNames.length
      ? `lacks ${missingNames.join(', ')}`
      : gaps.amount
        ? 'asks for an amount of money'
        : 'nothing scored above the threshold',
    evidence,
    features,
    score: fittedScore(features),
    build: () => notFoundBuild(input, gaps, undefined),
  };
}

/** What the best reading, fallen short, holds on the services named: shown, labelled, under a not-found answer. */
function relatedTo(input: CandidateInput, best: Scored): { about: Entity[]; parts: Part[] } | undefined {
  const about = input.u.entities.filter((e) => best.speaksTo.includes(e.id));
  return about.length ? { about, parts: best.build().parts.slice(0, 3) } : undefined;
}
