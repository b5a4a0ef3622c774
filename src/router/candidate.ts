/**
 * A candidate answer: one reading of the question, the evidence for it and how to build it.
 * Generators (`src/kinds/<kind>/candidates.ts`, listed in `kinds/registry.ts`) propose them; `choose.ts` scores them with the one relevance function
 * and builds only the winner.
 */
import type { Answer } from '../answer/answer';
import type { RouterContext } from '../read/context';
import type { Understood } from '../read/read';
import { knowledgeStems } from '../text/knowledge-stems';
import { plainWords, stem } from '../text/tokens';
import { isUnitWord } from '../language/units';
import { perObject } from '../util/per-object';
import { passagesAbout } from '../read/passages-about';
import type { Intent } from './intent';
import type { Evidence } from './relevance';

export interface Candidate {
  /** The reading (see {@link Intent}). */
  intent: Intent;
  evidence: Evidence;
  /** Whether its answer says the knowledge base holds the answer. */
  answered: boolean;
  /** Entity ids it speaks to (for partial answers: the rest is named as not covered). */
  speaksTo: string[];
  /** One line for `--explain`: what it would answer from. */
  why: string;
  /** Builds the Answer (only the chosen candidate is built). */
  build(): Answer;
}

/** Everything a generator reads: the question as read and the knowledge base. */
export interface CandidateInput {
  u: Understood;
  ctx: RouterContext;
}

export type Generator = (input: CandidateInput) => Candidate[];

/**
 * Share of `asked` stems held by `texts` (stems of the candidate's source text, read like the
 * knowledge base's own text); 1 when nothing is asked. `saturate`: `CONTENT_SATURATION` words held
 * are enough (not for a whole section, whose many words hold a few of any question's by chance).
 */
export function shareHeld(asked: readonly string[], texts: readonly string[], saturate = true): number {
  if (asked.length === 0) return 1;
  return shareHeldIn(asked, new Set(texts.flatMap((t) => knowledgeStems(t))), saturate);
}

/** `shareHeld` over stems already gathered. */
export function shareHeldIn(asked: readonly string[], held: ReadonlySet<string>, saturate = true): number {
  if (asked.length === 0) return 1;
  return Math.min(1, asked.filter((s) => held.has(s)).length / (saturate ? Math.min(asked.length, CONTENT_SATURATION) : asked.length));
}

/**
 * Words held that make a candidate's content complete, however many the question has: a long
 * message mentions many words in passing, and an answer need not hold them all. Short questions
 * (up to this many content words) must have every word held.
 */
export const CONTENT_SATURATION = 4;

/**
 * Weight of unknown product-like words among the named things: a quarter of a service. They may be a
 * product the knowledge base lacks ("IPv6", "Terraform") or a word it does not know for something
 * it holds; a candidate must also hold them as content to answer a question that is about them.
 */
export const UNKNOWN_SUBJECT_WEIGHT = 0.25;
/**
 * Weight of a service the knowledge base mentions only in passing (in passages, with no fact of its
 * own: S3 in "Lambda timeout for SFTP to S3"): half a service. It is rarely what is asked about.
 */
export const PASSING_SERVICE_WEIGHT = 0.5;

/** How much a named service weighs among the named things. */
export function serviceWeight(input: CandidateInput, id: string): number {
  const { ctx } = input;
  if (!ctx.kb.covered.has(id)) return 1;
  return (ctx.kb.factsByEntity.get(id)?.length ?? 0) > 0 ? 1 : PASSING_SERVICE_WEIGHT;
}

/** Named things, weighed: services (covered or not), products outside AWS, unknown product-like words. */
export function namedCount(input: CandidateInput): number {
  const { u } = input;
  return (
    u.entities.reduce((sum, e) => sum + serviceWeight(input, e.id), 0) +
    u.outside.length +
    (u.words.subjects.length > 0 ? UNKNOWN_SUBJECT_WEIGHT : 0)
  );
}

/** Weighed share of named things a candidate speaking to `ids` (entity ids) covers; 1 when nothing is named. */
export function subjectShare(input: CandidateInput, ids: readonly string[]): number {
  const n = namedCount(input);
  if (n === 0) return 1;
  return input.u.entities.filter((e) => ids.includes(e.id)).reduce((sum, e) => sum + serviceWeight(input, e.id), 0) / n;
}

/**
 * The stems the knowledge base uses about an entity (its facts, and the passages that mention it),
 * computed once per knowledge base: the words a question could be asking about it.
 */
export function entityVocabulary({ ctx }: CandidateInput, id: string): ReadonlySet<string> {
  const byEntity = vocabularies(ctx);
  let vocab = byEntity.get(id);
  if (!vocab) {
    const set = new Set<string>();
    for (const i of ctx.kb.factsByEntity.get(id) ?? [])
      for (const s of knowledgeStems(`${ctx.kb.facts[i].attribute} ${ctx.kb.facts[i].value}`)) set.add(s);
    for (const i of passagesAbout(ctx.kb, id)) for (const s of knowledgeStems(ctx.kb.passages[i].text)) set.add(s);
    vocab = set;
    byEntity.set(id, vocab);
  }
  return vocab;
}
/** Each entity's vocabulary, filled as questions name entities. */
const vocabularies = perObject((_: RouterContext) => new Map<string, ReadonlySet<string>>());

/**
 * Share of the asked aspects (facets) that `texts` hold: a facet is held when all the words of one
 * of its labels (`attributes` in services.yml) are in one text. Undefined when none is asked.
 */
export function aspectsHeld(input: CandidateInput, texts: readonly string[]): number | undefined {
  const { u, ctx } = input;
  if (u.facets.length === 0) return undefined;
  const stems = texts.map((t) => new Set(knowledgeStems(t)));
  const held = u.facets.filter((f) =>
    (ctx.kb.facets[f]?.attributes ?? []).some((a) => {
      const want = knowledgeStems(a);
      return want.length > 0 && stems.some((s) => want.every((w) => s.has(w)));
    }),
  );
  return held.length / u.facets.length;
}

/** How far (in words) a figure may stand from the word it counts ("up to 15 read replicas", "subscriptions per topic: 12,500,000"). */
const COUNT_REACH = 4;

/**
 * Whether `text` states a count of `word` (a count question's counted word): the word itself, as a
 * word of its own (not inside a compound: "Region-Level" counts no regions), with a figure at most
 * {@link COUNT_REACH} words away that is not a measure (a figure followed by a unit: "each shard
 * ingests 1 MB" counts no shards).
 */
export function statesCountOf(text: string, word: string): boolean {
  const words = plainWords(text);
  const target = stem(word);
  const isCount = (k: number): boolean => /^\d/.test(words[k]) && !(k + 1 < words.length && isUnitWord(words[k + 1]));
  return words.some((w, i) => {
    if (stem(w) !== target) return false;
    for (let k = Math.max(0, i - COUNT_REACH); k <= Math.min(words.length - 1, i + COUNT_REACH); k++) if (isCount(k)) return true;
    return false;
  });
}
