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
 * scores to the bit, same order, ties included (`test/search/search.test.ts` checks it against Lunr).
 */
import type lunr from 'lunr';

/** One term's postings in Lunr's visiting order: field by field, documents ascending within a field. */
interface TermPostings {
  /** The term's index in Lunr's vectors (the order of its dot products). */
  index: number;
  fields: Uint8Array;
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

/**
 * The term → postings table and its scratch space. Scores are computed with Lunr's own
 * arithmetic, in its order, so they are bit-for-bit equal: per field, the dot product of the
 * query vector and the field vector (terms by ascending vector index) divided by the query
 * vector's magnitude (also summed by ascending index); then the fields added in the order the
 * query first reached them.
 */
class Table {
  private readonly byTerm = new Map<string, TermPostings>();
  private readonly fieldCount: number;
  /** Scratch, per document × field: running dot product, and the query that last touched it. */
  private readonly dots: Float64Array;
  private readonly dotTouchedBy: Uint32Array;
  /** Scratch, per document: the query that last touched it, and the fields in the order reached. */
  private readonly docTouchedBy: Uint32Array;
  private readonly docFields: Uint8Array;
  private readonly docFieldCount: Uint8Array;
  private queries = 0;

  constructor(idx: lunr.Index) {
    const internal = idx as unknown as {
      invertedIndex: Record<string, { _index: number } & Record<string, Record<string, unknown>>>;
      fieldVectors: Record<string, { elements: number[] }>;
      fields: string[];
    };
    this.fieldCount = internal.fields.length;
    let maxDoc = -1;
    for (const [term, posting] of Object.entries(internal.invertedIndex)) {
      const fields: number[] = [];
      const docs: number[] = [];
      const weights: number[] = [];
      internal.fields.forEach((field, f) => {
        // Integer-like keys enumerate in ascending order, as in Lunr's own loop.
        for (const ref of Object.keys(posting[field] ?? {})) {
          const doc = Number(ref);
          fields.push(f);
          docs.push(doc);
          weights.push(weightOf(internal.fieldVectors[`${field}/${ref}`]?.elements, posting._index));
          if (doc > maxDoc) maxDoc = doc;
        }
      });
      if (docs.length > 0) {
        this.byTerm.set(term, { index: posting._index, fields: Uint8Array.from(fields), docs: Int32Array.from(docs), weights: Float64Array.from(weights) });
      }
    }
    const n = maxDoc + 1;
    this.dots = new Float64Array(n * this.fieldCount);
    this.dotTouchedBy = new Uint32Array(n * this.fieldCount);
    this.docTouchedBy = new Uint32Array(n);
    this.docFields = new Uint8Array(n * this.fieldCount);
    this.docFieldCount = new Uint8Array(n);
  }

  query(terms: ReadonlyArray<{ term: string; boost: number }>): ScoredDoc[] {
    // The query vector: boosts summed per term, as Lunr's `upsert` does, in query order.
    const boosts = new Map<string, number>();
    for (const { term, boost } of terms) {
      if (this.byTerm.has(term)) boosts.set(term, (boosts.get(term) ?? 0) + boost);
    }
    if (boosts.size === 0) return [];
    const byIndex = [...boosts].map(([term, boost]) => ({ p: this.byTerm.get(term) as TermPostings, boost })).sort((a, b) => a.p.index - b.p.index);
    let sumOfSquares = 0;
    for (const { boost } of byIndex) sumOfSquares += boost * boost;
    const magnitude = Math.sqrt(sumOfSquares);
    const F = this.fieldCount;
    this.queries = this.queries >= 0xfffffffe ? 1 : this.queries + 1;
    if (this.queries === 1) { this.dotTouchedBy.fill(0); this.docTouchedBy.fill(0); }
    const q = this.queries;
    // Which documents and fields the query reaches, in Lunr's order (query order, field by field).
    const touched: number[] = [];
    for (const term of boosts.keys()) {
      const p = this.byTerm.get(term) as TermPostings;
      for (let i = 0; i < p.docs.length; i += 1) {
        const doc = p.docs[i];
        const key = doc * F + p.fields[i];
        if (this.docTouchedBy[doc] !== q) { this.docTouchedBy[doc] = q; this.docFieldCount[doc] = 0; touched.push(doc); }
        if (this.dotTouchedBy[key] !== q) {
          this.dotTouchedBy[key] = q;
          this.dots[key] = 0;
          this.docFields[doc * F + this.docFieldCount[doc]] = p.fields[i];
          this.docFieldCount[doc] += 1;
        }
      }
    }
    // The dot products, term by term in vector-index order.
    for (const { p, boost } of byIndex) {
      for (let i = 0; i < p.docs.length; i += 1) this.dots[p.docs[i] * F + p.fields[i]] += boost * p.weights[i];
    }
    const out = touched.map((id) => {
      let score = 0;
      for (let k = 0; k < this.docFieldCount[id]; k += 1) {
        const similarity = this.dots[id * F + this.docFields[id * F + k]] / magnitude || 0;
        score = k === 0 ? similarity : score + similarity;
      }
      return { id, score };
    });
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
