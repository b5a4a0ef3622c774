/**
 * The passage index. Fields: `text` (the chunk), `context` (its labels: dimension, option name,
 * service side) and `section` (the Q&A question), weighted as Lunr weighs them (BM25 per field;
 * boosts 1, 1.5 and 0.5) but kept as flat postings (`lunr-weights.ts`, `postings.ts`), not as a
 * `lunr.Index`. The tokenizer is ours (the same `words()` the router uses, so camelCase
 * identifiers and `node.js` match); Lunr's own pipeline then trims, drops stop words and stems.
 * Built once per knowledge base, never mutated.
 */
import lunr from 'lunr';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { words } from '../text/tokens';
import { BoundedMemo } from '../util/bounded-memo';
import { lunrWeights, type WeightedField } from './lunr-weights';
import { NearTerms } from './near-terms';
import { TermRuns } from './term-runs';
import { Postings } from './postings';

export interface PassageIndex {
  /** Per passage id, its stemmed terms (text and context), for coverage checks. */
  terms: TermRuns;
  /** Every stemmed term of the knowledge base (passages and entry questions). */
  vocabulary: Set<string>;
  /** The vocabulary's typo neighbours (derived from `vocabulary`; not serialized). */
  near: NearTerms;
  /** The ranking table: term → (field, passage, weight). */
  postings: Postings;
}

/** The index's fields, in Lunr's order, with their boosts. */
export const FIELDS: readonly WeightedField[] = [
  { name: 'text', boost: 1 },
  { name: 'context', boost: 1.5 },
  { name: 'section', boost: 0.5 },
];

/**
 * Lunr's stemmer, memoized: the same words recur across passages and questions, and the stemmer
 * is regex-heavy. Registered so a serialized index could name it.
 */
const lunrStems = new BoundedMemo<string, string>(100_000);
const lunrStem = (s: string): string => lunr.stemmer(new lunr.Token(s, {})).toString();
const memoStemmer: lunr.PipelineFunction = (token) => token.update((s) => lunrStems.get(s, lunrStem));
lunr.Pipeline.registerFunction(memoStemmer, 'awsQaMemoStemmer');

const pipeline = new lunr.Pipeline();
pipeline.add(lunr.trimmer, lunr.stopWordFilter, memoStemmer);
const termMemo = new BoundedMemo<string, string | undefined>(100_000);
const pipelineTerm = (word: string): string | undefined => pipeline.run([new lunr.Token(word, {})])[0]?.toString();

/** Lunr's stem of one lower-case word, through the same pipeline the index used (trimmer, stop words, stemmer). */
export function lunrTerm(word: string): string | undefined {
  return termMemo.get(word, pipelineTerm);
}

/** A text's index terms: its words through the pipeline, dropped words left out, repeats kept. */
function termsOfText(text: string): string[] {
  const out: string[] = [];
  for (const w of words(text)) {
    const t = lunrTerm(w);
    if (t !== undefined) out.push(t);
  }
  return out;
}

export function buildIndex(kb: KnowledgeBase): PassageIndex {
  kb.passages.forEach((p, i) => {
    if (p.id !== i) throw new Error(`passage ${i} has id ${p.id}`);
  });
  const fieldText = (p: KnowledgeBase['passages'][number], f: number): string =>
    f === 0 ? p.text : f === 1 ? p.context.join(' ') : p.source.section;
  const postings = new Postings(lunrWeights(FIELDS, kb.passages.length, (doc, f) => termsOfText(fieldText(kb.passages[doc], f))));
  const vocabulary = new Set<string>();
  const perPassage = kb.passages.map((p) => {
    const set = new Set<string>();
    for (const w of words(`${p.text} ${p.context.join(' ')}`)) {
      const t = lunrTerm(w);
      if (t) set.add(t);
    }
    for (const t of set) vocabulary.add(t);
    return set;
  });
  for (const e of kb.entries)
    for (const w of words(e.question)) {
      const t = lunrTerm(w);
      if (t) vocabulary.add(t);
    }
  const terms = passageTerms(postings, perPassage);
  return { terms, vocabulary, near: new NearTerms(vocabulary).warm(), postings: postings.warm() };
}

/** Numbers terms as the postings do, and `extraTerms` (terms no field holds) after them. */
export function termNumbering(postings: Postings, extraTerms: readonly string[]): (term: string) => number | undefined {
  const first = postings.data.terms.length;
  const extra = new Map(extraTerms.map((t, i) => [t, first + i]));
  return extra.size === 0 ? (term) => postings.idOf(term) : (term) => postings.idOf(term) ?? extra.get(term);
}

/** Passage terms numbered like the postings (a term no field holds, if any, numbered after them). */
function passageTerms(postings: Postings, perPassage: Iterable<string>[]): TermRuns {
  const extraTerms = new Set<string>();
  for (const set of perPassage) for (const t of set) if (postings.idOf(t) === undefined) extraTerms.add(t);
  const list = [...extraTerms];
  return TermRuns.build(termNumbering(postings, list), perPassage, perPassage.length, list);
}
