/**
 * Lunr's ranking, answered from postings precomputed out of the Lunr index itself.
 *
 * Lunr builds and weighs the index (our tokenizer, its pipeline, BM25 per field with the field
 * boosts). Its `idx.query` then ranks by, per document, the sum over fields of the cosine-style
 * similarity between the query vector (the clause boosts, summed per term) and the field's
 * vector: Σ_t boost(t) · weight(t, field, doc) / |query|. Our queries are only optional exact
 * terms with boosts, so that sum can be read from a term → (document, weight) table, without the
 * per-match objects (`FieldRef`, `MatchData`, sets) Lunr allocates for features we do not use
 * (wildcards, presence, match metadata). Results equal `idx.query`'s: same documents, same
 * scores, same order, ties included (`test/core/postings.test.ts` checks it against Lunr).
 */
import type lunr from 'lunr';

/** One term's postings in Lunr's visiting order: field by field, documents ascending within a field. */
interface TermPostings {
  docs: Int32Array;
  weights: Float64Array;
}

export interface ScoredDoc {
  /** The document's ref as a number (passage ids). */
  id: number;
  score: number;
}

export class Postings {
  private table?: Table;

  /**
   * Over a built (or loaded) Lunr index whose document refs are the integers 0..n-1. The table is
   * built by {@link warm} or on the first query (a short-lived CLI process that never searches
   * passages skips it).
   */
  constructor(private readonly idx: lunr.Index) {}

  /** Builds the table now (a server does, so that its first question does not pay for it). */
  warm(): this {
    this.table ??= new Table(this.idx);
    return this;
  }

  /**
   * Documents holding any of the terms, best first (ties in Lunr's order). `terms`: exact index
   * terms with their boosts, in query order; a term given twice has its boosts summed, as Lunr does.
   */
  query(terms: ReadonlyArray<{ term: string; boost: number }>): ScoredDoc[] {
    this.table ??= new Table(this.idx);
    return this.table.query(terms);
  }
}

/** The term → postings table and its scratch space. */
class Table {
  private readonly byTerm = new Map<string, TermPostings>();
  /** Scratch space for `query`, indexed by document: its running score, and the query that last touched it. */
  private readonly scores: Float64Array;
  private readonly touchedBy: Uint32Array;
  private queries = 0;

  constructor(idx: lunr.Index) {
    const internal = idx as unknown as {
      invertedIndex: Record<string, { _index: number } & Record<string, Record<string, unknown>>>;
      fieldVectors: Record<string, { elements: number[] }>;
      fields: string[];
    };
    let maxDoc = -1;
    for (const [term, posting] of Object.entries(internal.invertedIndex)) {
      const docs: number[] = [];
      const weights: number[] = [];
      for (const field of internal.fields) {
        // Integer-like keys enumerate in ascending order, as in Lunr's own loop.
        for (const ref of Object.keys(posting[field] ?? {})) {
          const doc = Number(ref);
          docs.push(doc);
          weights.push(weightOf(internal.fieldVectors[`${field}/${ref}`]?.elements, posting._index));
          if (doc > maxDoc) maxDoc = doc;
        }
      }
      if (docs.length > 0) this.byTerm.set(term, { docs: Int32Array.from(docs), weights: Float64Array.from(weights) });
    }
    this.scores = new Float64Array(maxDoc + 1);
    this.touchedBy = new Uint32Array(maxDoc + 1);
  }

  query(terms: ReadonlyArray<{ term: string; boost: number }>): ScoredDoc[] {
    const boosts = new Map<string, number>();
    for (const { term, boost } of terms) {
      if (this.byTerm.has(term)) boosts.set(term, (boosts.get(term) ?? 0) + boost);
    }
    let sumOfSquares = 0;
    for (const b of boosts.values()) sumOfSquares += b * b;
    const magnitude = Math.sqrt(sumOfSquares);
    if (magnitude === 0) return [];
    const touched: number[] = [];
    this.queries = this.queries >= 0xfffffffe ? 1 : this.queries + 1;
    if (this.queries === 1) this.touchedBy.fill(0);
    for (const [term, boost] of boosts) {
      const p = this.byTerm.get(term) as TermPostings;
      for (let i = 0; i < p.docs.length; i += 1) {
        const doc = p.docs[i];
        if (this.touchedBy[doc] !== this.queries) { this.touchedBy[doc] = this.queries; touched.push(doc); this.scores[doc] = 0; }
        this.scores[doc] += boost * p.weights[i];
      }
    }
    const out = touched.map((id) => ({ id, score: this.scores[id] / magnitude }));
    return out.sort((a, b) => b.score - a.score);
  }
}

/** The value at `index` of a Lunr vector's sorted `[index, value, …]` elements (0 when absent). */
function weightOf(elements: number[] | undefined, index: number): number {
  if (!elements) return 0;
  let lo = 0;
  let hi = elements.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = elements[mid * 2];
    if (at === index) return elements[mid * 2 + 1];
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return 0;
}
