/**
 * The choice: every candidate scored with the one relevance function; the best answered one wins
 * unless the not-found reading scores higher or the best falls under `ABSTAIN_BELOW`. A winner
 * that leaves out named things the knowledge base lacks becomes a partial answer (the answered
 * part, then one line naming what is not covered) when that reading scores higher.
 */
import type { Answer, Part } from '../answer/answer';
import { finish } from '../answer/build/common';
import type { Candidate, CandidateInput } from './candidate';
import { namedCount } from './candidate';
import { gapNames, gapsOf, notFoundBuild, notFoundEvidence } from './candidates/not-found';
import type { Explain } from './explain';
import { ABSTAIN_BELOW, relevance, TIE_MARGIN, type Evidence } from './relevance';

/** Near ties go to the earlier kind: the more specific reading (a figure over a passage). */
const SPECIFICITY = [
  'help',
  'clarify',
  'filter',
  'sla',
  'compare',
  'entry',
  'advice',
  'facet',
  'profile',
  'section',
  'recommend',
  'lookup',
];

export interface Choice {
  answer: Answer;
  intent: string;
  candidates: (Candidate & { score: number })[];
  decision: Explain['decision'];
  chosen: number;
}

function bySpecificity(a: Candidate & { score: number }, b: Candidate & { score: number }): number {
  if (Math.abs(a.score - b.score) > TIE_MARGIN) return b.score - a.score;
  return SPECIFICITY.indexOf(a.intent) - SPECIFICITY.indexOf(b.intent) || b.score - a.score;
}

export function choose(input: CandidateInput, proposed: Candidate[]): Choice {
  const { u, ctx } = input;
  const gaps = gapsOf(input);
  const missingNames = gapNames(gaps);
  // An amount of money is an aspect asked that no answer holds (the knowledge base has no prices):
  // it counts among the aspects of every answered candidate, unheld.
  const withAmount = (e: Evidence): Evidence => {
    if (!gaps.amount) return e;
    const asked = u.facets.length;
    return { ...e, aspects: ((e.aspects ?? 1) * asked) / (asked + 1) };
  };
  const scored = proposed
    .map((c) => ({ ...c, evidence: withAmount(c.evidence) }))
    .map((c) => ({ ...c, score: relevance(c.evidence) }))
    .sort(bySpecificity);
  const best = scored[0] as (Candidate & { score: number }) | undefined;

  // The partial reading: the best answer about the services covered, plus a line on what is not.
  let partial: (Candidate & { score: number }) | undefined;
  const lackedServices = gaps.missing.length + gaps.outside.length;
  // Asked "X vs Y", only a comparison can be the answered part ("Azure Blob Storage vs S3" is no partial S3 answer).
  const formFits = !u.cues.compare || best?.intent === 'compare';
  if (
    best &&
    formFits &&
    lackedServices > 0 &&
    gaps.subjects.length === 0 &&
    !gaps.amount &&
    best.speaksTo.some((id) => u.entities.some((e) => e.id === id))
  ) {
    const named = namedCount(input);
    const spoken = u.entities.filter((e) => best.speaksTo.includes(e.id)).length;
    const lacking = named - u.entities.filter((e) => ctx.kb.covered.has(e.id)).length;
    const unknownShare = u.residual.length ? u.unknown.length / u.residual.length : 0;
    const evidence = {
      ...best.evidence,
      subjects: (spoken + lacking) / named,
      content: best.evidence.content + (1 - best.evidence.content) * unknownShare,
    };
    partial = {
      ...best,
      intent: `${best.intent}+partial`,
      evidence,
      score: relevance(evidence),
      why: `${best.why}; not covered: ${missingNames.join(', ')}`,
      build: () => {
        const a = best.build();
        const note: Part = { type: 'text', text: `Not in the knowledge base: ${missingNames.join(', ')}.` };
        const { id: _id, ...draft } = a;
        return finish({ ...draft, parts: [...a.parts, note], notCovered: missingNames } as Parameters<typeof finish>[0]);
      },
    };
  }
  const nfEvidence = notFoundEvidence(input, gaps);
  const nfScore = relevance(nfEvidence);
  const top = partial && (!best || partial.score > best.score) ? partial : best;
  const all = [...scored, ...(partial ? [partial] : [])];
  const related = (): { about: typeof u.entities; parts: Part[] } | undefined => {
    if (!best) return undefined;
    const about = u.entities.filter((e) => best.speaksTo.includes(e.id));
    return about.length ? { about, parts: best.build().parts.slice(0, 3) } : undefined;
  };
  const notFound = {
    intent: 'not-found',
    answered: false,
    speaksTo: [],
    why: missingNames.length
      ? `lacks ${missingNames.join(', ')}`
      : gaps.amount
        ? 'asks for an amount of money'
        : 'nothing scored above the threshold',
    evidence: nfEvidence,
    score: nfScore,
  };

  let winner: Candidate & { score: number };
  let rule: string;
  if (top && top.score >= ABSTAIN_BELOW && top.score >= nfScore) {
    winner = top;
    rule =
      top === partial ? 'partial: the answered part plus what is not covered scores highest' : 'best candidate at or above the threshold';
  } else {
    const rel = top && top.score < ABSTAIN_BELOW ? related() : undefined;
    winner = { ...notFound, build: () => notFoundBuild(input, gaps, rel) };
    rule = top && top.score >= ABSTAIN_BELOW ? 'the not-found reading scores higher' : 'abstain: no candidate reaches the threshold';
  }
  const candidates = [
    ...all,
    ...(winner.intent === 'not-found' ? [winner] : [{ ...notFound, build: () => notFoundBuild(input, gaps, undefined) }]),
  ];
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
