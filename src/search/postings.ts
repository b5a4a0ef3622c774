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

/** Whether `score` is above `bound` by more than the rounding in the sums (far below this margin). */
const beats = (score: number, bound: number): boolean => score > bound * (1 + 1e-9) + 1e-12;

/** A term is lazy in a pruned query when it has at least this many postings… */
const LAZY_MIN_POSTINGS = 2048;
/** …and at least one per this many documents. */
const LAZY_SHARE = 32;
/**
 * A pruned round is not worth it when its essential terms have more postings than one per this
 * many documents: their documents then hold most of the query's postings anyway.
 */
const ESSENTIAL_SHARE = 4;

/**
 * The fields a query reached in a document, packed in 16 bits: bits 0–3 the mask of fields
 * reached, bits 4–6 how many, and from bit 8 each field, 2 bits apiece, in the order the query
 * reached them (Lunr adds the fields' similarities in that order). Hence at most 4 fields.
 */
const FIELD_COUNT_SHIFT = 4;
const FIELD_ORDER_SHIFT = 8;
/** The most fields a table may have (see FIELD_ORDER_SHIFT). */
export const MAX_FIELDS = 4;

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
  /** Scratch space, reused by every query (entries marked with an older query number are stale). */
  private scratch?: Scratch;
  private queries = 0;
  /** Diagnostics: how many documents the last query scored (all it reached, or only the candidates of a pruned round). */
  lastScored = 0;
  /** Diagnostics: which MaxScore round gave the last top-k result (1 or 2), or 0 when it ranked every document. */
  lastRound = 0;
  /** Scratch: the postings a candidates-only query keeps (see {@link keptSpace}). */
  private kept?: Int32Array;
  /** Per term, its largest weight in any one document (Σ over that document's fields; see `maxWeightOf`); NaN until needed. */
  private readonly maxWeight: Float64Array;

  constructor(readonly data: PostingsData) {
    if (data.fieldCount > MAX_FIELDS) throw new RangeError(`Postings: at most ${MAX_FIELDS} fields, not ${data.fieldCount}`);
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

  private scratchSpace(): Scratch {
    const n = this.data.docCount;
    const F = this.data.fieldCount;
    return (this.scratch ??= {
      dots: new Float64Array(n * F),
      docTouchedBy: new Uint32Array(n),
      docFieldOrder: new Uint16Array(n),
      docCandidateOf: new Uint32Array(n),
      touched: new Int32Array(n),
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
    this.lastRound = 0;
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
      s.docTouchedBy.fill(0);
      s.docCandidateOf.fill(0);
    }
    return this.queries;
  }

  /**
   * The exact top documents when they can be found from some of the terms alone (MaxScore): a
   * document holding none of the "essential" terms scores at most the sum of the other terms'
   * {@link maxWeightOf} bounds; when the last document kept beats that sum, no such document can
   * enter or tie, and scoring only the documents of the essential terms (every term counted, in
   * Lunr's order) gives the full ranking.
   *
   * First round: the rarer terms are essential, or, when every term is common, the rarest one.
   * Its last kept score is a floor for the true one, so a second round keeps as non-essential as
   * many of the lightest terms as that floor allows. Common essential terms are worth it only
   * while they have fewer postings than one per {@link ESSENTIAL_SHARE} documents (beyond, their
   * documents hold most of the query's postings anyway). When no round proves its result,
   * `undefined` (the caller ranks all).
   */
  private pruned(boosts: Map<number, number>, byIndex: [number, number][], magnitude: number, top: TopOf): ScoredDoc[] | undefined {
    const { offsets, docCount } = this.data;
    const size = (t: number): number => offsets[t + 1] - offsets[t];
    const bound = (t: number): number => (boosts.get(t)! * this.maxWeightOf(t)) / magnitude;
    const lazyFrom = Math.max(LAZY_MIN_POSTINGS, docCount / LAZY_SHARE);
    const bySize = [...boosts.keys()].sort((a, b) => size(a) - size(b));
    const rare = bySize.filter((t) => size(t) < lazyFrom);
    const affordable = (essential: number[]): boolean =>
      essential.length < boosts.size &&
      (essential.every((t) => size(t) < lazyFrom) || essential.reduce((sum, t) => sum + size(t), 0) * ESSENTIAL_SHARE <= docCount);
    // One round: the documents of the essential terms ranked, and what any other document can score at most.
    const round = (essential: number[]): { best: ScoredDoc[]; rest: number } | undefined => {
      if (essential.length === 0 || !affordable(essential)) return undefined;
      let rest = 0;
      for (const t of boosts.keys()) if (!essential.includes(t)) rest += bound(t);
      const lists = essential.map((t) => this.data.docs.subarray(offsets[t], offsets[t + 1]));
      return { best: this.scored(boosts, byIndex, magnitude, top, this.candidates(lists)), rest };
    };
    // The last score kept, when the round kept `limit` documents (0 otherwise: nothing to prove with).
    const lastKept = (best: ScoredDoc[]): number => (best.length === top.limit ? best[best.length - 1].score : 0);
    const first = round(rare.length > 0 ? rare : bySize.slice(0, 1));
    if (!first) return undefined;
    const floor = lastKept(first.best);
    if (floor === 0) return undefined;
    if (beats(floor, first.rest)) {
      this.lastRound = 1;
      return first.best;
    }
    // The true last kept score is at least `floor`: the lightest terms whose bounds sum below it need not be essential.
    const byBound = [...boosts.keys()].sort((a, b) => bound(a) - bound(b));
    let light = 0;
    let k = 0;
    while (k < byBound.length && beats(floor, light + bound(byBound[k]))) light += bound(byBound[k++]);
    const second = round(byBound.slice(k));
    if (!second || !beats(lastKept(second.best), second.rest)) return undefined;
    this.lastRound = 2;
    return second.best;
  }

  /** Scratch for the postings a candidates-only query keeps: room for every posting of its terms. */
  private keptSpace(boosts: Map<number, number>): Int32Array {
    const { offsets } = this.data;
    let total = 0;
    for (const t of boosts.keys()) total += offsets[t + 1] - offsets[t];
    if (!this.kept || this.kept.length < total) this.kept = new Int32Array(Math.max(total, (this.kept?.length ?? 0) * 2));
    return this.kept;
  }

  /** Marks the documents of `lists` as the only candidates of a new query; returns that query's number (for {@link scored}). */
  private candidates(lists: readonly ArrayLike<number>[]): number {
    const q = this.nextQuery();
    const candidateOf = this.scratchSpace().docCandidateOf;
    for (const list of lists) for (let i = 0; i < list.length; i += 1) candidateOf[list[i]] = q;
    return q;
  }

  /**
   * The term's largest weight in any document (Σ over the document's fields; computed once per
   * term): an upper bound of what the term adds to a document's score, per unit of boost.
   */
  private maxWeightOf(t: number): number {
    if (!Number.isNaN(this.maxWeight[t])) return this.maxWeight[t];
    const { offsets, docs, weights, fieldCount: F } = this.data;
    const { dots, docTouchedBy } = this.scratchSpace();
    const q = this.nextQuery();
    let max = 0;
    for (let i = offsets[t]; i < offsets[t + 1]; i += 1) {
      const key = docs[i] * F;
      if (docTouchedBy[docs[i]] !== q) {
        docTouchedBy[docs[i]] = q;
        dots[key] = 0;
      }
      dots[key] += weights[i];
      if (dots[key] > max) max = dots[key];
    }
    this.maxWeight[t] = max;
    return max;
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
    const { offsets } = this.data;
    const s = this.scratchSpace();
    const q = candidates ?? this.nextQuery();
    // Which documents and fields the query reaches, in Lunr's order (query order, each term's
    // postings by field, then document). Among candidates only, the postings kept are noted
    // (`kept`, a run per term) for the dot products.
    const kept = candidates !== undefined ? this.keptSpace(boosts) : undefined;
    const runs = new Map<number, [number, number]>();
    let reach: Reach = { count: 0, kept: 0 };
    for (const t of boosts.keys()) {
      const from = reach.kept;
      reach = kept
        ? reachCandidates(this.data, s, q, offsets[t], offsets[t + 1], reach, kept)
        : reachAll(this.data, s, q, offsets[t], offsets[t + 1], reach);
      runs.set(t, [from, reach.kept]);
    }
    // The dot products, term by term in term-id order.
    for (const [t, boost] of byIndex) {
      if (kept) addKept(this.data, s.dots, kept, runs.get(t)!, boost);
      else addAll(this.data, s.dots, offsets[t], offsets[t + 1], boost);
    }
    this.lastScored = reach.count;
    if (!top) {
      const all: ScoredDoc[] = [];
      for (let k = 0; k < reach.count; k += 1)
        all.push({ id: s.touched[k], score: scoreOf(this.data.fieldCount, s, s.touched[k], magnitude) });
      return all.sort((a, b) => b.score - a.score);
    }
    return best(this.data.fieldCount, s, reach.count, magnitude, top.limit);
  }
}

/** The scratch space of {@link Postings}. */
interface Scratch {
  /** Per document × field: the running dot product. */
  dots: Float64Array;
  /** Per document: the query that last reached it. */
  docTouchedBy: Uint32Array;
  /** Per document: the fields the query reached, packed (see FIELD_ORDER_SHIFT). */
  docFieldOrder: Uint16Array;
  /** The query that last made the document a candidate (pruned queries only). */
  docCandidateOf: Uint32Array;
  /** The documents a query reached, in the order it reached them. */
  touched: Int32Array;
}

/** How far a query got: documents reached so far, and postings kept (candidates-only queries). */
interface Reach {
  count: number;
  kept: number;
}

/**
 * The hot loops of {@link Postings.scored}, each a small function of its own so that the engine
 * optimizes each for the one kind of loop it runs.
 */
function reachDoc(s: Scratch, F: number, q: number, doc: number, field: number, count: number): number {
  if (s.docTouchedBy[doc] !== q) {
    s.docTouchedBy[doc] = q;
    s.docFieldOrder[doc] = 0;
    s.touched[count++] = doc;
    for (let f = 0; f < F; f += 1) s.dots[doc * F + f] = 0;
  }
  const order = s.docFieldOrder[doc];
  if ((order & (1 << field)) === 0) {
    const reached = (order >> FIELD_COUNT_SHIFT) & 7;
    s.docFieldOrder[doc] = (order | (1 << field)) + (1 << FIELD_COUNT_SHIFT) + (field << (FIELD_ORDER_SHIFT + 2 * reached));
  }
  return count;
}

/** Reaches every document of the postings `[from, to)`. */
function reachAll(data: PostingsData, s: Scratch, q: number, from: number, to: number, reach: Reach): Reach {
  const { docs, fields, fieldCount: F } = data;
  let count = reach.count;
  for (let i = from; i < to; i += 1) count = reachDoc(s, F, q, docs[i], fields[i], count);
  return { count, kept: reach.kept };
}

/** Reaches the candidates among the postings `[from, to)`, noting the postings kept. */
function reachCandidates(data: PostingsData, s: Scratch, q: number, from: number, to: number, reach: Reach, kept: Int32Array): Reach {
  const { docs, fields, fieldCount: F } = data;
  const candidateOf = s.docCandidateOf;
  let { count, kept: k } = reach;
  for (let i = from; i < to; i += 1) {
    const doc = docs[i];
    if (candidateOf[doc] !== q) continue;
    kept[k++] = i;
    count = reachDoc(s, F, q, doc, fields[i], count);
  }
  return { count, kept: k };
}

/** Adds `boost ×` the weights of the postings `[from, to)` to the dot products. */
function addAll(data: PostingsData, dots: Float64Array, from: number, to: number, boost: number): void {
  const { docs, fields, weights, fieldCount: F } = data;
  for (let i = from; i < to; i += 1) dots[docs[i] * F + fields[i]] += boost * weights[i];
}

/** Adds `boost ×` the weights of the kept postings `kept[from, to)` to the dot products. */
function addKept(data: PostingsData, dots: Float64Array, kept: Int32Array, [from, to]: [number, number], boost: number): void {
  const { docs, fields, weights, fieldCount: F } = data;
  for (let j = from; j < to; j += 1) {
    const i = kept[j];
    dots[docs[i] * F + fields[i]] += boost * weights[i];
  }
}

/** The document's score: its fields' similarities added in the order the query reached them. */
function scoreOf(F: number, s: Scratch, id: number, magnitude: number): number {
  const base = id * F;
  const order = s.docFieldOrder[id];
  const reached = (order >> FIELD_COUNT_SHIFT) & 7;
  let score = s.dots[base + ((order >> FIELD_ORDER_SHIFT) & 3)] / magnitude || 0;
  for (let k = 1; k < reached; k += 1) score += s.dots[base + ((order >> (FIELD_ORDER_SHIFT + 2 * k)) & 3)] / magnitude || 0;
  return score;
}

/**
 * The best `limit` of the `count` documents reached, in the order a stable sort gives (score,
 * then Lunr's order): a small sorted list that a document enters only when it beats the last one kept.
 */
function best(F: number, s: Scratch, count: number, magnitude: number, limit: number): ScoredDoc[] {
  const kept: ScoredDoc[] = [];
  let bar = -Infinity;
  for (let k = 0; k < count; k += 1) {
    const id = s.touched[k];
    const score = scoreOf(F, s, id, magnitude);
    if (kept.length === limit && !(score > bar)) continue;
    let at = kept.length;
    while (at > 0 && kept[at - 1].score < score) at -= 1;
    kept.splice(at, 0, { id, score });
    if (kept.length > limit) kept.pop();
    if (kept.length === limit) bar = kept[kept.length - 1].score;
  }
  return kept;
}
