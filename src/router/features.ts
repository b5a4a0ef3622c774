/**
 * What the one scoring function sees of a candidate answer: its evidence (`relevance.ts`), its
 * kind, and how the question is put. Answered readings and the "not in the knowledge base" reading
 * have features of their own (zero in the other's), so one logistic model weighs both: the weights
 * and the abstain threshold are fitted on labeled questions (`npm run fit`), never set by hand.
 */
import type { Understood } from '../read/read';
import { relevance, type Evidence } from './relevance';

export const FEATURES = [
  'answer',
  'answer.relevance',
  'answer.subjects',
  'answer.aspects',
  'answer.no-aspect-asked',
  'answer.content',
  'answer.form',
  'answer.unknown-subject',
  'answer.long-question',
  'answer.partial',
  'answer.passage',
  'answer.structured',
  'not-found',
  'not-found.relevance',
  'not-found.subjects',
  'not-found.content',
  'not-found.amount',
  'not-found.unknown-subject',
  'not-found.long-question',
  'not-found.service-missing',
] as const;

export type FeatureName = (typeof FEATURES)[number];
export type FeatureVector = Record<FeatureName, number>;

/** The readings that answer from passages (search results), as opposed to structured facts. */
const PASSAGE_INTENTS: ReadonlySet<string> = new Set(['lookup', 'section', 'profile']);

/** Words past which a question counts as long (a post, not a chat line): the long-question features saturate there. */
const LONG_QUESTION_WORDS = 60;

const zero = (): FeatureVector => Object.fromEntries(FEATURES.map((f) => [f, 0])) as FeatureVector;

const longness = (u: Understood): number => Math.min(1, u.tokens.length / LONG_QUESTION_WORDS);

/** Features of an answered reading (`intent` without any `+partial` suffix; `partial` when it names what is not covered). */
export function answerFeatures(u: Understood, intent: string, e: Evidence, partial: boolean): FeatureVector {
  const x = zero();
  x.answer = 1;
  x['answer.relevance'] = relevance(e);
  x['answer.subjects'] = e.subjects;
  x['answer.aspects'] = e.aspects ?? 0;
  x['answer.no-aspect-asked'] = e.aspects === undefined ? 1 : 0;
  x['answer.content'] = e.content;
  x['answer.form'] = e.form;
  x['answer.unknown-subject'] = u.subjects.length > 0 ? 1 : 0;
  x['answer.long-question'] = longness(u);
  x['answer.partial'] = partial ? 1 : 0;
  x['answer.passage'] = PASSAGE_INTENTS.has(intent) ? 1 : 0;
  x['answer.structured'] = PASSAGE_INTENTS.has(intent) ? 0 : 1;
  return x;
}

/** Features of the not-found reading: how much of what is named the knowledge base lacks. */
export function notFoundFeatures(u: Understood, e: Evidence, missingServices: number, amount: boolean): FeatureVector {
  const x = zero();
  x['not-found'] = 1;
  x['not-found.relevance'] = relevance(e);
  x['not-found.subjects'] = e.subjects;
  x['not-found.content'] = e.content;
  x['not-found.amount'] = amount ? 1 : 0;
  x['not-found.unknown-subject'] = u.subjects.length > 0 ? 1 : 0;
  x['not-found.long-question'] = longness(u);
  x['not-found.service-missing'] = missingServices > 0 ? 1 : 0;
  return x;
}
