/**
 * Which terms each item holds (a passage's stemmed terms, for the coverage check; a fact's label
 * or value stems): one sorted run of term ids per item in a single `Int32Array`, instead of a
 * `Set` of strings per item (about 300 bytes each; tens of MB for a large knowledge base).
 */
export class TermRuns {
  /**
   * Terms of item `p` are `ids[starts[p]] … ids[starts[p + 1] - 1]`, ascending. `idOf` numbers
   * terms; `extraTerms` are those it numbers beyond the postings' own (none in practice).
   */
  constructor(
    private readonly idOf: (term: string) => number | undefined,
    readonly starts: Int32Array,
    readonly ids: Int32Array,
    readonly extraTerms: readonly string[] = [],
  ) {}

  /** The term ids of item `item`, ascending. */
  idsOf(item: number): Int32Array {
    return this.ids.subarray(this.starts[item], this.starts[item + 1]);
  }

  /** From each item's distinct terms; `idOf` numbers them (every term must have an id). */
  static build(
    idOf: (term: string) => number | undefined,
    perItem: Iterable<Iterable<string>>,
    count: number,
    extraTerms: readonly string[] = [],
  ): TermRuns {
    const starts = new Int32Array(count + 1);
    let ids = new Int32Array(Math.max(16, count * 8));
    let at = 0;
    let p = 0;
    for (const terms of perItem) {
      const own: number[] = [];
      for (const t of terms) {
        const id = idOf(t);
        if (id === undefined) throw new Error(`term without an id: ${t}`);
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
    return new TermRuns(idOf, starts, ids.slice(0, at), extraTerms);
  }

  /** True when item `item` holds `term`. */
  has(item: number, term: string): boolean {
    const id = this.idOf(term);
    return id !== undefined && this.hasId(item, id);
  }

  /** True when item `item` holds the term numbered `id`. */
  hasId(item: number, id: number): boolean {
    let lo = this.starts[item];
    let hi = this.starts[item + 1] - 1;
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
