/**
 * Lunr's ranking, answered from a term → (field, document, weight) table.
 *
 * The weights are Lunr's own (`lunr-weights.ts`: BM25 per field with the field boosts). Lunr's
 * `idx.query` ranks by, per document, the sum over fields of the cosine-style similarity between
 * the query vector (the clause boosts, summed per term) and the field's vector:
 * Σ_t boost(t) · weight(t, field, doc) / |query|. Our queries are only optional exact terms with
 * boosts, so that sum can be read from the table, without the per-match objects (`FieldRef`,
 * `MatchData`, sets) Lunr allocates for features we do not use (wildcards, presence, match
 * metadata). Results equal `idx.query`'s: same documents, same scores to the bit, same order, ties
 * included (`test/search/search.test.ts` checks it against Lunr).
 */
import type { PostingsData } from './lunr-weights';

/** A term is lazy in a pruned query when it has at least this many postings… */
const LAZY_MIN_POSTINGS = 2048;
/** …and at least one per this many documents. */
const LAZY_SHARE = 32;

/** What a top-k query keeps: at most `limit` documents, all of them among `within` when given (ascending). */
export interface TopOf {
  limit: number;
  within?: readonly number[];
}

export interface ScoredDoc {
  /** The document's ref as a number (passage ids). */
  id: number;
  score: number;
}

/**
 * The table and its scratch space. Scores are computed with Lunr's own arithmetic, in its order,
 * so they are bit-for-bit equal: per field, the dot product of the query vector and the field
 * vector (terms by ascending term id, Lunr's `_index`) divided by the query vector's magnitude
 * (also summed by ascending id); then the fields added in the order the query first reached them.
 */
export class Postings {
  private readonly byTerm: Map<string, number>;
  /** Scratch, per document × field: running dot product, and the query that last touched it. */
  private scratch?: {
    dots: Float64Array;
    dotTouchedBy: Uint32Array;
    docTouchedBy: Uint32Array;
    docFields: Uint8Array;
    docFieldCount: Uint8Array;
    /** The query that last made the document a candidate (pruned queries only). */
    docCandidateOf: Uint32Array;
  };
  private queries = 0;
  /** Per term, Σ over fields of its largest weight in that field (an upper bound of its weight in any document); NaN until needed. */
  private readonly maxWeight: Float64Array;

  constructor(readonly data: PostingsData) {
    this.byTerm = new Map(data.terms.map((t, i) => [t, i]));
    this.maxWeight = new Float64Array(data.terms.length).fill(Number.NaN);
  }

  /** Allocates the scratch space now (a server does, so that its first question does not pay for it). */
  warm(): this {
    this.scratchSpace();
    return this;
  }

  /** The term's id (Lunr's `_index`), when some passage holds it. */
  idOf(term: string): number | undefined {
    return this.byTerm.get(term);
  }

  private scratchSpace(): NonNullable<Postings['scratch']> {
    const n = this.data.docCount;
    const F = this.data.fieldCount;
    return (this.scratch ??= {
      dots: new Float64Array(n * F),
      dotTouchedBy: new Uint32Array(n * F),
      docTouchedBy: new Uint32Array(n),
      docFields: new Uint8Array(n * F),
      docFieldCount: new Uint8Array(n),
      docCandidateOf: new Uint32Array(n),
    });
  }

  /**
   * Documents holding any of the terms, best first (ties in Lunr's order). `terms`: exact index
   * terms with their boosts, in query order; a term given twice has its boosts summed, as Lunr does.
   * `top`: only the best documents, at most `limit` of them, and only among `within` when given
   * (the same as filtering and cutting the full ranking, without sorting every document a common
   * word reaches; only the documents of `within` are scored).
   */
  query(terms: ReadonlyArray<{ term: string; boost: number }>, top?: TopOf): ScoredDoc[] {
    // The query vector: boosts summed per term, as Lunr's `upsert` does, in query order.
    const boosts = new Map<number, number>();
    for (const { term, boost } of terms) {
      const id = this.byTerm.get(term);
      if (id !== undefined) boosts.set(id, (boosts.get(id) ?? 0) + boost);
    }
    if (boosts.size === 0) return [];
    const byIndex = [...boosts].sort((a, b) => a[0] - b[0]);
    let sumOfSquares = 0;
    for (const [, boost] of byIndex) sumOfSquares += boost * boost;
    const magnitude = Math.sqrt(sumOfSquares);
    if (top?.within) return this.scored(boosts, byIndex, magnitude, top, this.candidates([top.within]));
    if (top) {
      const pruned = this.pruned(boosts, byIndex, magnitude, top);
      if (pruned) return pruned;
    }
    return this.scored(boosts, byIndex, magnitude, top);
  }

  /** The next query number (scratch entries marked with an older one are stale). */
  private nextQuery(): number {
    const s = this.scratchSpace();
    this.queries = this.queries >= 0xfffffffe ? 1 : this.queries + 1;
    if (this.queries === 1) {
      s.dotTouchedBy.fill(0);
      s.docTouchedBy.fill(0);
      s.docCandidateOf.fill(0);
    }
    return this.queries;
  }

  /**
   * The exact top documents when they can be found from the rarer terms alone (MaxScore): terms
   * with many postings are "lazy", and only documents holding a rarer term are scored, every term
   * counted, in Lunr's order. A document holding lazy terms only scores at most the sum of their
   * {@link maxWeight} bounds; when the last document kept beats that, no such document can enter
   * or tie, and the result equals the full ranking. Otherwise `undefined` (the caller ranks all).
   */
  private pruned(boosts: Map<number, number>, byIndex: [number, number][], magnitude: number, top: TopOf): ScoredDoc[] | undefined {
    const { offsets, docs } = this.data;
    const size = (t: number): number => offsets[t + 1] - offsets[t];
    const lazyFrom = Math.max(LAZY_MIN_POSTINGS, this.data.docCount / LAZY_SHARE);
    const rare = [...boosts.keys()].filter((t) => size(t) < lazyFrom);
    if (rare.length === 0 || rare.length === boosts.size) return undefined;
    let lazyBound = 0;
    for (const [t, boost] of boosts) if (size(t) >= lazyFrom) lazyBound += (boost * this.maxWeightOf(t)) / magnitude;
    const holders = rare.map((t) => docs.subarray(offsets[t], offsets[t + 1]));
    const best = this.scored(boosts, byIndex, magnitude, top, this.candidates(holders));
    // Rounding in the sums is far below this margin.
    const bar = lazyBound * (1 + 1e-9) + 1e-12;
    return best.length === top.limit && best[best.length - 1].score > bar ? best : undefined;
  }

  /** Marks the documents of `lists` as the only candidates of a new query; returns that query's number (for {@link scored}). */
  private candidates(lists: readonly ArrayLike<number>[]): number {
    const q = this.nextQuery();
    const candidateOf = this.scratchSpace().docCandidateOf;
    for (const list of lists) for (let i = 0; i < list.length; i += 1) candidateOf[list[i]] = q;
    return q;
  }

  /** Σ over fields of the term's largest weight in that field (computed once per term). */
  private maxWeightOf(t: number): number {
    if (!Number.isNaN(this.maxWeight[t])) return this.maxWeight[t];
    const { offsets, fields, weights, fieldCount: F } = this.data;
    const perField = new Float64Array(F);
    for (let i = offsets[t]; i < offsets[t + 1]; i += 1) if (weights[i] > perField[fields[i]]) perField[fields[i]] = weights[i];
    let sum = 0;
    for (let f = 0; f < F; f += 1) sum += perField[f];
    this.maxWeight[t] = sum;
    return sum;
  }

  /**
   * The ranking itself (see {@link query}). With `candidates` (a query number), only the documents
   * marked as candidates by that query are scored (in the same order and with the same sums as
   * when every document is).
   */
  private scored(
    boosts: Map<number, number>,
    byIndex: [number, number][],
    magnitude: number,
    top: TopOf | undefined,
    candidates?: number,
  ): ScoredDoc[] {
    const { offsets, docs, fields, weights, fieldCount: F } = this.data;
    const s = this.scratchSpace();
    const q = candidates ?? this.nextQuery();
    const only = candidates !== undefined ? s.docCandidateOf : undefined;
    // Which documents and fields the query reaches, in Lunr's order (query order, field by field).
    const touched: number[] = [];
    for (const t of boosts.keys()) {
      for (let i = offsets[t]; i < offsets[t + 1]; i += 1) {
        const doc = docs[i];
        if (only && only[doc] !== q) continue;
        const key = doc * F + fields[i];
        if (s.docTouchedBy[doc] !== q) {
          s.docTouchedBy[doc] = q;
          s.docFieldCount[doc] = 0;
          touched.push(doc);
        }
        if (s.dotTouchedBy[key] !== q) {
          s.dotTouchedBy[key] = q;
          s.dots[key] = 0;
          s.docFields[doc * F + s.docFieldCount[doc]] = fields[i];
          s.docFieldCount[doc] += 1;
        }
      }
    }
    // The dot products, term by term in term-id order.
    for (const [t, boost] of byIndex) {
      for (let i = offsets[t]; i < offsets[t + 1]; i += 1) {
        if (only && only[docs[i]] !== q) continue;
        s.dots[docs[i] * F + fields[i]] += boost * weights[i];
      }
    }
    const scoreOf = (id: number): number => {
      let score = 0;
      for (let k = 0; k < s.docFieldCount[id]; k += 1) {
        const similarity = s.dots[id * F + s.docFields[id * F + k]] / magnitude || 0;
        score = k === 0 ? similarity : score + similarity;
      }
      return score;
    };
    if (!top) return touched.map((id) => ({ id, score: scoreOf(id) })).sort((a, b) => b.score - a.score);
    // The best `limit` in the order a stable sort gives (score, then Lunr's order): a small sorted
    // list that a document enters only when it beats the last one kept.
    const best: ScoredDoc[] = [];
    for (const id of touched) {
      const score = scoreOf(id);
      if (best.length === top.limit && !(score > best[best.length - 1].score)) continue;
      let at = best.length;
      while (at > 0 && best[at - 1].score < score) at -= 1;
      best.splice(at, 0, { id, score });
      if (best.length > top.limit) best.pop();
    }
    return best;
  }
}
