/**
 * Lunr's term weights, computed without building a Lunr index.
 *
 * Answering reads only one thing from Lunr: the weight of each (term, field, document), which
 * Lunr's builder computes as BM25 (k1 = 1.2, b = 0.75) times the field boost, rounded to 3
 * decimals (`lunr.Builder#createFieldVectors`), and the term's `_index` (the order its dot
 * products are summed in at query time). A built `lunr.Index` also keeps, per term and document,
 * metadata objects, per field and document a vector object, and a trie of every term: about 60 MB
 * per MB of markdown, none of it used by our queries. This module repeats the builder's arithmetic,
 * operation for operation (so every weight is the same double), into flat typed arrays.
 * `test/search/search.test.ts` checks the rankings against a real Lunr index built the old way.
 */

/** A field of the index: its name and Lunr boost (1 when none). */
export interface WeightedField {
  name: string;
  boost: number;
}

/**
 * The postings of every term, grouped by term id, then field (in field order), then document
 * ascending: Lunr's visiting order. Term ids are Lunr's `_index` (first occurrence, document by
 * document, field by field, word by word).
 */
export interface PostingsData {
  /** Terms by id. */
  terms: string[];
  /** Postings of term `t` are `[offsets[t], offsets[t + 1])`. */
  offsets: Int32Array;
  docs: Int32Array;
  fields: Uint8Array;
  weights: Float64Array;
  /** Number of fields and documents. */
  fieldCount: number;
  docCount: number;
}

const K1 = 1.2;
const B = 0.75;

/** A growable Int32 array (no per-element objects while collecting). */
class IntList {
  data = new Int32Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
}

/**
 * Weights `docCount` documents. `termsOf(doc, field)` gives the field's terms after Lunr's
 * pipeline (a word the pipeline drops is left out; repeats kept), documents in ref order 0..n-1.
 */
export function lunrWeights(
  fields: readonly WeightedField[],
  docCount: number,
  termsOf: (doc: number, field: number) => readonly string[],
): PostingsData {
  const F = fields.length;
  const ids = new Map<string, number>();
  const terms: string[] = [];
  // One entry per distinct (doc, field, term): the term id and its frequency; docs and fields implied by order.
  const entryTerm = new IntList();
  const entryTf = new IntList();
  const entryKey = new IntList(); // doc * F + field
  const fieldLength = new Int32Array(docCount * F);
  const lengthSum = new Array<number>(F).fill(0);
  const tf = new Map<number, number>();
  for (let doc = 0; doc < docCount; doc += 1) {
    for (let f = 0; f < F; f += 1) {
      const words = termsOf(doc, f);
      tf.clear();
      for (const term of words) {
        let id = ids.get(term);
        if (id === undefined) {
          id = terms.length;
          ids.set(term, id);
          terms.push(term);
        }
        tf.set(id, (tf.get(id) ?? 0) + 1);
      }
      fieldLength[doc * F + f] = words.length;
      lengthSum[f] += words.length;
      for (const [id, n] of tf) {
        entryTerm.push(id);
        entryTf.push(n);
        entryKey.push(doc * F + f);
      }
    }
  }
  const average = lengthSum.map((sum) => sum / docCount);
  // Lunr's idf counts a document once per field holding the term.
  const count = new Int32Array(terms.length);
  for (let i = 0; i < entryTerm.length; i += 1) count[entryTerm.data[i]] += 1;
  const idf = new Float64Array(terms.length);
  for (let t = 0; t < terms.length; t += 1) {
    const x = (docCount - count[t] + 0.5) / (count[t] + 0.5);
    idf[t] = Math.log(1 + Math.abs(x));
  }
  // Counting sort by (term, field), stable, so documents stay ascending within a field.
  const bucket = new Int32Array(terms.length * F + 1);
  for (let i = 0; i < entryTerm.length; i += 1) bucket[entryTerm.data[i] * F + (entryKey.data[i] % F) + 1] += 1;
  for (let k = 1; k < bucket.length; k += 1) bucket[k] += bucket[k - 1];
  const offsets = new Int32Array(terms.length + 1);
  for (let t = 0; t <= terms.length; t += 1) offsets[t] = bucket[t * F];
  const n = entryTerm.length;
  const docs = new Int32Array(n);
  const fieldOf = new Uint8Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const t = entryTerm.data[i];
    const key = entryKey.data[i];
    const f = key % F;
    const at = bucket[t * F + f]++;
    const freq = entryTf.data[i];
    // Lunr's expression, in its order of operations.
    let score = (idf[t] * ((K1 + 1) * freq)) / (K1 * (1 - B + B * (fieldLength[key] / average[f])) + freq);
    score *= fields[f].boost; // then `*= docBoost`, 1 here
    docs[at] = (key - f) / F;
    fieldOf[at] = f;
    weights[at] = Math.round(score * 1000) / 1000;
  }
  return { terms, offsets, docs, fields: fieldOf, weights, fieldCount: F, docCount };
}
