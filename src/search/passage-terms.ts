/**
 * Which stemmed terms each passage holds (text and context), for the coverage check: one sorted
 * run of term ids per passage in a single `Int32Array`, instead of a `Set` of strings per passage
 * (about 300 bytes each; tens of MB for a large knowledge base).
 */
export class PassageTerms {
  /**
   * Terms of passage `p` are `ids[starts[p]] … ids[starts[p + 1] - 1]`, ascending. `idOf` numbers
   * terms; `extraTerms` are those it numbers beyond the postings' own (none in practice).
   */
  constructor(
    private readonly idOf: (term: string) => number | undefined,
    readonly starts: Int32Array,
    readonly ids: Int32Array,
    readonly extraTerms: readonly string[] = [],
  ) {}

  /** From each passage's distinct terms; `idOf` numbers them (every term must have an id). */
  static build(idOf: (term: string) => number | undefined, perPassage: Iterable<Iterable<string>>, count: number, extraTerms: readonly string[] = []): PassageTerms {
    const starts = new Int32Array(count + 1);
    let ids = new Int32Array(Math.max(16, count * 8));
    let at = 0;
    let p = 0;
    for (const terms of perPassage) {
      const own: number[] = [];
      for (const t of terms) {
        const id = idOf(t);
        if (id === undefined) throw new Error(`passage term without an id: ${t}`);
        own.push(id);
      }
      own.sort((a, b) => a - b);
      if (at + own.length > ids.length) {
        const next = new Int32Array(Math.max(ids.length * 2, at + own.length));
        next.set(ids);
        ids = next;
      }
      for (const id of own) ids[at++] = id;
      p += 1;
      starts[p] = at;
    }
    return new PassageTerms(idOf, starts, ids.slice(0, at), extraTerms);
  }

  /** True when passage `passage` holds `term`. */
  has(passage: number, term: string): boolean {
    const id = this.idOf(term);
    if (id === undefined) return false;
    let lo = this.starts[passage];
    let hi = this.starts[passage + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.ids[mid];
      if (v === id) return true;
      if (v < id) lo = mid + 1;
      else hi = mid - 1;
    }
    return false;
  }
}
