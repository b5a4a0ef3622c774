/**
 * Passage retrieval: the question's words, through the index pipeline, as exact terms ranked the
 * way Lunr's `idx.query` ranks them (`postings.ts`; never `idx.search`, whose query syntax throws
 * on user text like `sla: eks` and treats `+ - * ^ ~` as operators). A longer word the knowledge
 * base does not use is also searched as the terms one edit away from it (typos, `near-terms.ts`),
 * at a lower boost. Results carry their coverage: the share of the question's terms the passage
 * contains.
 */
import { MAX_WORD_LENGTH } from '../text/word-length';
import type { PassageIndex } from './build-index';
import { lunrTerm } from './build-index';

/** Fuzzy expansion is costly on long words and pointless beyond typical technical terms. */
const MAX_FUZZY_WORD = 20;

export interface PassageHit {
  id: number;
  score: number;
  /** Share (0..1) of the query terms found in the passage (typos count half). */
  coverage: number;
}

export interface PassageQuery {
  /** Lower-case words of the question, stop words included or not (the pipeline drops them). */
  words: readonly string[];
  /** Words whose share found in a passage is its coverage (default: `words`): the question's meaningful words. */
  coverageOf?: readonly string[];
  /** Only these passages, ascending (e.g. those mentioning one service); only they are scored. */
  within?: readonly number[];
  /** At most this many hits (default 10). */
  limit?: number;
}

export function queryPassages(index: PassageIndex, q: PassageQuery): PassageHit[] {
  const toTerms = (ws: readonly string[]): string[] => [
    ...new Set(
      ws
        .filter((w) => w.length <= MAX_WORD_LENGTH) // longer ones (`word-length.ts`) are not words
        .map(lunrTerm)
        .filter((t): t is string => Boolean(t)),
    ),
  ];
  const terms = toTerms(q.words);
  const measured = q.coverageOf ? toTerms(q.coverageOf) : terms;
  if (terms.length === 0 || measured.length === 0) return [];
  // Typos only: a word the knowledge base uses needs no expansion. Each unknown longer word is
  // searched as the knowledge base's terms one edit away, at a lower boost.
  const typos = new Map<string, string[]>();
  for (const t of new Set([...terms, ...measured])) {
    if (t.length >= 5 && t.length <= MAX_FUZZY_WORD && !index.vocabulary.has(t)) typos.set(t, index.near.near(t));
  }
  const limit = q.limit ?? 10;
  const results = index.postings.query(
    terms.flatMap((t) => [{ term: t, boost: 10 }, ...(typos.get(t) ?? []).map((n) => ({ term: n, boost: 2 }))]),
    { limit, within: q.within },
  );
  const hits: PassageHit[] = [];
  for (const r of results) {
    const id = r.id;
    const have = index.terms;
    let found = 0;
    for (const t of measured) {
      if (have.has(id, t)) found += 1;
      else if (typos.get(t)?.some((n) => have.has(id, n))) found += 0.5;
    }
    hits.push({ id, score: r.score, coverage: found / measured.length });
    if (hits.length >= limit) break;
  }
  return hits;
}
