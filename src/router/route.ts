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
import { facetCandidates } from './candidates/facet';
import { filterCandidates } from './candidates/filter';
import { lookupCandidates } from './candidates/lookup';
import { recommendCandidates } from './candidates/recommend';
import { slaCandidates } from './candidates/sla';
import { choose } from './choose';
import type { Explain } from './explain';

export type { Explain } from './explain';

/** Every kind of reading. Order does not decide anything: scores do (ties: `SPECIFICITY` in choose.ts). */
const GENERATORS: Generator[] = [
  helpCandidates,
  clarifyCandidates,
  slaCandidates,
  compareCandidates,
  entryCandidates,
  facetCandidates,
  filterCandidates,
  recommendCandidates,
  lookupCandidates,
];

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
  const choice = choose(
    input,
    GENERATORS.flatMap((g) => g(input)),
  );
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
