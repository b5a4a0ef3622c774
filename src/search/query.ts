/**
 * Passage retrieval: question terms → `idx.query(...)` (never `idx.search`, whose query syntax
 * throws on user text like `sla: eks` and treats `+ - * ^ ~` as operators). Each term is looked
 * up through the index pipeline, and longer words also with edit distance 1 (typos), at a lower
 * boost. Results carry their coverage: the share of the question's terms the passage contains.
 */
import type lunr from 'lunr';
import type { PassageIndex } from './build-index';
import { lunrTerm } from './build-index';

/** Longer "words" (pasted hashes, runs of letters) are not searched: no knowledge word is that long. */
const MAX_WORD = 40;
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
  words: string[];
  /** Words whose share found in a passage is its coverage (default: `words`): the question's meaningful words. */
  coverageOf?: string[];
  /** Only passages for which this returns true (e.g. about one service). */
  filter?: (passageId: number) => boolean;
  /** At most this many hits (default 10). */
  limit?: number;
}

export function queryPassages(index: PassageIndex, q: PassageQuery): PassageHit[] {
  const toTerms = (ws: string[]): string[] => [...new Set(ws.filter((w) => w.length <= MAX_WORD).map(lunrTerm).filter((t): t is string => Boolean(t)))];
  const terms = toTerms(q.words);
  const measured = q.coverageOf ? toTerms(q.coverageOf) : terms;
  if (terms.length === 0 || measured.length === 0) return [];
  const results: lunr.Index.Result[] = index.idx.query((query) => {
    for (const t of terms) {
      query.term(t, { usePipeline: false, boost: 10 });
      // Typos only: a word the knowledge base uses needs no fuzzy expansion (which is costly).
      if (t.length >= 5 && t.length <= MAX_FUZZY_WORD && !index.vocabulary.has(t)) query.term(t, { usePipeline: false, editDistance: 1, boost: 2 });
    }
  });
  const hits: PassageHit[] = [];
  for (const r of results) {
    const id = Number(r.ref);
    if (q.filter && !q.filter(id)) continue;
    const have = index.terms[id];
    let found = 0;
    for (const t of measured) {
      if (have.has(t)) found += 1;
      else if (t.length >= 5 && t.length <= MAX_FUZZY_WORD && !index.vocabulary.has(t) && someNearlyEqual(have, t)) found += 0.5;
    }
    hits.push({ id, score: r.score, coverage: found / measured.length });
    if (hits.length >= (q.limit ?? 10)) break;
  }
  return hits;
}

function someNearlyEqual(set: Set<string>, t: string): boolean {
  for (const h of set) if (nearlyEqual(h, t)) return true;
  return false;
}

/** Edit distance ≤ 1 (one insertion, deletion or substitution). */
function nearlyEqual(a: string, b: string): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { i += 1; j += 1; continue; }
    edits += 1;
    if (edits > 1) return false;
    if (a.length > b.length) i += 1;
    else if (b.length > a.length) j += 1;
    else { i += 1; j += 1; }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}
