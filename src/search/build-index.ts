/**
 * The Lunr index over passages. Fields: `text` (the chunk), `context` (its labels: dimension,
 * option name, service side) and `section` (the Q&A question). The tokenizer is ours (the same
 * `words()` the router uses, so camelCase identifiers and `node.js` match); Lunr's own pipeline
 * then trims, drops stop words and stems. Built once per knowledge base, never mutated.
 */
import lunr from 'lunr';
import type { KnowledgeBase } from '../knowledge/knowledge-base';
import { words } from '../text/tokens';
import { BoundedMemo } from '../util/bounded-memo';
import { NearTerms } from './near-terms';
import { Postings } from './postings';

export interface PassageIndex {
  idx: lunr.Index;
  /** Per passage id, its stemmed terms (text, context and section), for coverage checks. */
  terms: Set<string>[];
  /** Every stemmed term of the knowledge base. */
  vocabulary: Set<string>;
  /** The vocabulary's typo neighbours (derived from `vocabulary`; not serialized). */
  near: NearTerms;
  /**
   * `idx`'s ranking as a term → documents table (derived from `idx`; not serialized). Built with
   * the index; built on first use when restored from a snapshot.
   */
  postings: Postings;
}

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

function tokenize(value: unknown): lunr.Token[] {
  if (value === null || value === undefined) return [];
  return words(String(value)).map((w, i) => new lunr.Token(w, { position: [i, w.length], index: i }));
}

export function buildIndex(kb: KnowledgeBase): PassageIndex {
  const idx = lunr(function build() {
    this.tokenizer = tokenize as unknown as typeof lunr.tokenizer;
    this.pipeline.reset();
    this.pipeline.add(lunr.trimmer, lunr.stopWordFilter, memoStemmer);
    this.searchPipeline.reset();
    this.ref('id');
    this.field('text');
    this.field('context', { boost: 1.5 });
    this.field('section', { boost: 0.5 });
    this.metadataWhitelist = [];
    for (const p of kb.passages) {
      this.add({ id: String(p.id), text: p.text, context: p.context.join(' '), section: p.source.section });
    }
  });
  const terms = kb.passages.map((p) => {
    const set = new Set<string>();
    for (const w of words(`${p.text} ${p.context.join(' ')}`)) {
      const t = lunrTerm(w);
      if (t) set.add(t);
    }
    return set;
  });
  const vocabulary = new Set<string>();
  for (const set of terms) for (const t of set) vocabulary.add(t);
  for (const e of kb.entries) for (const w of words(e.question)) { const t = lunrTerm(w); if (t) vocabulary.add(t); }
  return { idx, terms, vocabulary, near: new NearTerms(vocabulary).warm(), postings: new Postings(idx).warm() };
}
