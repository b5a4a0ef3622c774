/**
 * What the one scoring function sees of a candidate answer: its evidence (`relevance.ts`), its
 * kind, and how the question is put. Answered readings and the "not in the knowledge base" reading
 * have features of their own (zero in the other's), so one logistic model weighs both: the weights
 * and the abstain threshold are fitted on labeled questions (`npm run fit`), never set by hand.
 */
import type { Answer } from '../answer/answer';
import { measureText, renderText } from '../answer/text';
import { CAUSE_PHRASES, FIGURE_PHRASES, PROCEDURE_PHRASES } from '../language/lexicon';
import { holdsPhrase } from '../read/phrases';
import type { Understood } from '../read/read';
import { quantities, type Quantity } from '../language/units';
import { BoundedMemo } from '../util/bounded-memo';
import { knowledgeStems } from '../text/knowledge-stems';
import { perObject } from '../util/per-object';
import { plainWords } from '../text/tokens';
import { statesCountOf } from './candidate';
import type { Intent } from './intent';
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
  'answer.length',
  'answer.figure-asked-stated',
  'answer.figure-asked-missing',
  'answer.procedure-not-answered',
  'answer.cause-not-answered',
  'answer.amount-asked',
  'answer.quantity-stated',
  'answer.dimension-stated',
  'answer.other-dimension-stated',
  'answer.modifier-missing',
  'answer.count-missing',
  'answer.asked-missing',
  'not-found',
  'not-found.relevance',
  'not-found.subjects',
  'not-found.content',
  'not-found.amount',
  'not-found.unknown-subject',
  'not-found.long-question',
  'not-found.service-missing',
  'not-found.procedure-asked',
  'not-found.cause-asked',
] as const;

export type FeatureName = (typeof FEATURES)[number];

/**
 * A reading's feature values, one per feature of {@link FEATURES} at its index ({@link AT}). A
 * plain array of doubles: V8 stores its values unboxed, where an object keyed by feature name
 * boxed every value (a vector per reading, several readings per question, was most of what a
 * question allocated).
 */
export type FeatureVector = number[];

/** Each feature's index in a {@link FeatureVector}. */
export const AT: Readonly<Record<FeatureName, number>> = Object.freeze(
  Object.fromEntries(FEATURES.map((f, i) => [f, i])) as Record<FeatureName, number>,
);

/** `x`'s value of feature `f`. */
export function featureValue(x: Readonly<FeatureVector>, f: FeatureName): number {
  return x[AT[f]];
}

/**
 * Where each reading answers from, as the fitted model reads it: passages (search results, a
 * whole section, a profile) or structured facts.
 */
const ANSWERS_FROM: Record<Intent, 'passages' | 'facts'> = {
  help: 'facts',
  clarify: 'facts',
  filter: 'facts',
  sla: 'facts',
  compare: 'facts',
  entry: 'facts',
  advice: 'facts',
  facet: 'facts',
  profile: 'passages',
  section: 'passages',
  recommend: 'facts',
  lookup: 'passages',
};

/** Words past which a question counts as long (a post, not a chat line): the long-question features saturate there. */
const LONG_QUESTION_WORDS = 60;

/**
 * Every feature at 0, copied for each vector. It is made to hold doubles (a fraction written, then
 * 0), so that its copies do too: a copy of an array of small integers would move its values to a
 * new store at the first fraction written.
 */
const ZERO: readonly number[] = ((): number[] => {
  const x = new Array<number>(FEATURES.length).fill(0);
  x[0] = 0.5;
  x[0] = 0;
  return x;
})();
const zero = (): FeatureVector => ZERO.slice();

const longness = (u: Understood): number => Math.min(1, u.words.list.length / LONG_QUESTION_WORDS);

/** Plain-text characters past which an answer counts as long (a whole section): the length feature saturates there. */
const LONG_ANSWER_CHARS = 2000;

/** What kind of answer the question asks for (`language/lexicon/cues.ts`): read once per question, whatever the number of readings. */
const asks = perObject((u: Understood): { figure: boolean; procedure: boolean; cause: boolean } => ({
  figure: holdsPhrase(u.words.texts, FIGURE_PHRASES),
  procedure: holdsPhrase(u.words.texts, PROCEDURE_PHRASES),
  cause: holdsPhrase(u.words.texts, CAUSE_PHRASES),
}));

/** The features read from a reading's built answer (the rest come from its evidence, before it is built). */
export const ANSWER_FEATURES: readonly FeatureName[] = [
  'answer.length',
  'answer.figure-asked-stated',
  'answer.figure-asked-missing',
  'answer.quantity-stated',
  'answer.dimension-stated',
  'answer.other-dimension-stated',
  'answer.modifier-missing',
  'answer.count-missing',
  'answer.asked-missing',
  'answer.procedure-not-answered',
  'answer.cause-not-answered',
];

/**
 * Features of an answered reading that its evidence gives (`intent` without any `+partial` suffix;
 * `partial` when it names what is not covered); `withAnswer` adds those its built answer gives.
 */
export function evidenceFeatures(u: Understood, intent: Intent, e: Evidence, partial: boolean): FeatureVector {
  const x = zero();
  x[AT.answer] = 1;
  x[AT['answer.relevance']] = relevance(e);
  x[AT['answer.subjects']] = e.subjects;
  x[AT['answer.aspects']] = e.aspects ?? 0;
  x[AT['answer.no-aspect-asked']] = e.aspects === undefined ? 1 : 0;
  x[AT['answer.content']] = e.content;
  x[AT['answer.form']] = e.form;
  x[AT['answer.unknown-subject']] = u.words.subjects.length > 0 ? 1 : 0;
  x[AT['answer.long-question']] = longness(u);
  x[AT['answer.partial']] = partial ? 1 : 0;
  x[AT['answer.passage']] = ANSWERS_FROM[intent] === 'passages' ? 1 : 0;
  x[AT['answer.structured']] = ANSWERS_FROM[intent] === 'passages' ? 0 : 1;
  x[AT['answer.amount-asked']] = u.cues.amount ? 1 : 0;
  return x;
}

/**
 * The quantities an answer's text states. Readings of many questions build the same answers (the
 * same facts), so they are remembered by text (bounded); a text without a digit states none.
 */
const statedMemo = new BoundedMemo<string, Quantity[]>(1_000);
function statedQuantities(body: string): Quantity[] {
  return statedMemo.get(body, quantities);
}

/**
 * `x` with the features its built answer gives: its length, and whether it states the kind of
 * figure asked. The answer's text is measured, not made, unless the question asks what only the
 * text tells (a quantity or a kind of limit, modifier words, the noun phrase a "what is" question asks about, a count).
 */
export function withAnswer(x: FeatureVector, u: Understood, answer: Answer): FeatureVector {
  const y = x.slice();
  const measure = measureText(answer);
  let text: string | undefined;
  const body = (): string => (text ??= renderText(answer));
  const statesFigure = measure.hasDigit;
  const asked = asks(u);
  const figureAsked = asked.figure;
  y[AT['answer.length']] = Math.min(1, measure.length / LONG_ANSWER_CHARS);
  y[AT['answer.figure-asked-stated']] = figureAsked && statesFigure ? 1 : 0;
  y[AT['answer.figure-asked-missing']] = figureAsked && !statesFigure ? 1 : 0;
  const stated = (u.quantities.length || u.dimension) && statesFigure ? statedQuantities(body()) : [];
  // A time or size the question writes ("runs 20 minutes", "items over 400kb") against the ones the answer states.
  if (u.quantities.length) {
    y[AT['answer.quantity-stated']] = u.quantities.some((q) => stated.some((s) => s.dimension === q.dimension && s.base === q.base))
      ? 1
      : 0;
    y[AT['answer.dimension-stated']] = u.quantities.some((q) => stated.some((s) => s.dimension === q.dimension)) ? 1 : 0;
  }
  // A limit of one kind asked ("max request size": a size) and only one of another stated ("15 minutes").
  if (u.dimension) {
    y[AT['answer.other-dimension-stated']] = stated.length > 0 && !stated.some((s) => s.dimension === u.dimension) ? 1 : 0;
  }
  // The words that say which limit or aspect is asked ("memory" in "memory limit", "concurrent
  // executions" in "maximum concurrent executions"): the share of them absent from the answer.
  let heldStems: Set<string> | undefined;
  const missingShare = (words: readonly string[]): number => {
    const held = (heldStems ??= new Set(knowledgeStems(body())));
    return words.filter((m) => knowledgeStems(m).every((st) => !held.has(st))).length / words.length;
  };
  if (u.words.modifiers.length) y[AT['answer.modifier-missing']] = missingShare(u.words.modifiers);
  // The noun phrase a "what is/are …" question asks about ("the two ECS launch types"): the share of its words absent from the answer.
  if (u.words.asked.length) y[AT['answer.asked-missing']] = missingShare(u.words.asked);
  // A count asked ("how many shards") that the answer does not state.
  const counted = u.cues.counted;
  if (counted !== undefined) y[AT['answer.count-missing']] = statesCountOf(body(), counted) ? 0 : 1;
  // A procedure or a cause asked, unless the answer comes from a section whose own question asks
  // one ("How can I reduce the cost of …?"): facts and sections of other kinds state neither.
  const headings = asked.procedure || asked.cause ? answer.sources.map((src) => plainWords(src.section)) : [];
  if (asked.procedure) y[AT['answer.procedure-not-answered']] = headings.some((h) => holdsPhrase(h, PROCEDURE_PHRASES)) ? 0 : 1;
  if (asked.cause) y[AT['answer.cause-not-answered']] = headings.some((h) => holdsPhrase(h, CAUSE_PHRASES)) ? 0 : 1;
  return y;
}

/** Features of the not-found reading: how much of what is named the knowledge base lacks. */
export function notFoundFeatures(u: Understood, e: Evidence, missingServices: number, amount: boolean): FeatureVector {
  const x = zero();
  x[AT['not-found']] = 1;
  x[AT['not-found.relevance']] = relevance(e);
  x[AT['not-found.subjects']] = e.subjects;
  x[AT['not-found.content']] = e.content;
  x[AT['not-found.amount']] = amount ? 1 : 0;
  x[AT['not-found.unknown-subject']] = u.words.subjects.length > 0 ? 1 : 0;
  x[AT['not-found.long-question']] = longness(u);
  x[AT['not-found.service-missing']] = missingServices > 0 ? 1 : 0;
  const asked = asks(u);
  x[AT['not-found.procedure-asked']] = asked.procedure ? 1 : 0;
  x[AT['not-found.cause-asked']] = asked.cause ? 1 : 0;
  return x;
}
