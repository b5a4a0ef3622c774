/**
 * Routes a question: read it, let every generator propose candidate answers, choose one with the
 * one relevance function (`choose.ts`), build only that one.
 */
import type { Answer } from '../answer/answer';
import type { RouterContext } from '../read/context';
import type { Understood } from '../read/read';
import type { Generator } from './candidate';
import { clarifyCandidates, helpCandidates } from './candidates/help';
import { compareCandidates } from './candidates/compare';
import { entryCandidates } from './candidates/entry';
import { facetCandidates, servicePassageCandidates } from './candidates/facet';
import { filterCandidates } from './candidates/filter';
import { lookupCandidates } from './candidates/lookup';
import { recommendCandidates } from './candidates/recommend';
import { slaCandidates } from './candidates/sla';
import { choose } from './choose';
import type { Explain } from './explain';
import { FORM, relevance } from './relevance';

export type { Explain } from './explain';

/** Every structured reading. Order does not decide anything: scores do (ties: `SPECIFICITY` in choose.ts). */
const STRUCTURED: Generator[] = [
  helpCandidates,
  clarifyCandidates,
  slaCandidates,
  compareCandidates,
  entryCandidates,
  facetCandidates,
  filterCandidates,
  recommendCandidates,
];

/** Passage readings: searching the index is the costliest reading on a large knowledge base. */
const PASSAGES: Generator[] = [servicePassageCandidates, lookupCandidates];

/**
 * The most a passage reading can score: its form is neutral, and its subjects and content are at
 * most 1. When a structured reading already scores this much, no passage can win (a tie goes to
 * the structured one), so the index is not searched; `--explain` searches it all the same, to
 * show every reading.
 */
const PASSAGE_CEILING = FORM.neutral;

export interface Routed {
  answer: Answer;
  /** The chosen candidate's intent (`not-found` when the bot abstains). */
  intent: string;
  /** How the question was read and why this answer won (only when asked for). */
  explain?: Explain;
}

export function route(ctx: RouterContext, question: string, options: { explain?: boolean } = {}): Routed {
  const u = ctx.reader.read(question);
  const input = { u, ctx };
  const structured = STRUCTURED.flatMap((g) => g(input));
  const bestSoFar = Math.max(0, ...structured.map((c) => relevance(c.evidence)));
  const passages = options.explain || bestSoFar < PASSAGE_CEILING ? PASSAGES.flatMap((g) => g(input)) : [];
  const choice = choose(input, [...structured, ...passages]);
  const routed: Routed = { answer: choice.answer, intent: choice.intent };
  if (options.explain) {
    routed.explain = {
      read: {
        entities: u.entities.filter((e) => ctx.kb.covered.has(e.id)).map((e) => e.name),
        notCovered: [...u.entities.filter((e) => !ctx.kb.covered.has(e.id)), ...u.outside].map((e) => e.name),
        aspects: [...u.facets, ...(u.cues.amount ? ['amount'] : [])],
        unknown: u.subjects,
        content: u.residual,
        cues: cueNames(u),
      },
      candidates: choice.candidates.map((c, i) => ({
        intent: c.intent,
        score: c.score,
        chosen: i === choice.chosen,
        answered: c.answered,
        why: c.why,
      })),
      decision: choice.decision,
    };
  }
  return routed;
}

function cueNames(u: Understood): string[] {
  const { superlative, negated, ...flags } = u.cues;
  return [
    ...Object.entries(flags)
      .filter(([, on]) => on)
      .map(([name]) => name),
    ...(superlative ? [`superlative:${superlative}`] : []),
    ...negated.map((f) => `negated:${f}`),
  ];
}
