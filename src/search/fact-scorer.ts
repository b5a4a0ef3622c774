/**
 * Ranks facts against a question's words: a word found in the fact's attribute (its label)
 * counts twice what it counts in the value, each weighted by its rarity among all facts (IDF);
 * a fact whose label or value shows an asked facet (`limits` ← "15 minutes max") gets a bonus.
 */
import type { Fact, KnowledgeBase } from '../knowledge/knowledge-base';
import { knowledgeStems } from '../text/knowledge-stems';
import { contentStems } from '../text/tokens';
import { appendTo } from '../util/append-to';
import { TermRuns } from './term-runs';

export interface ScoredFact {
  index: number;
  fact: Fact;
  score: number;
  /** The fact shows one of the asked facets. */
  facetHit: boolean;
}

export class FactScorer {
  /** Stem → id, and per fact its label (attribute and group) stems and its value stems, as sorted id runs. */
  private readonly stemIds = new Map<string, number>();
  private readonly attribute: TermRuns;
  private readonly value: TermRuns;
  private readonly idf = new Map<string, number>();
  /** Per facet, its attribute phrases as stem lists: a label shows the facet when it has every stem of one phrase. */
  private readonly facetAttr = new Map<string, string[][]>();
  private readonly facetValue = new Map<string, Set<string>>();
  /** Facet ids in catalog order; per fact, a bit per facet it shows (`facetWords` words per fact). Computed once. */
  private readonly facetIds: string[];
  private readonly facetWords: number;
  private readonly factFacets: Uint32Array;
  /** Per stem, the facts whose label holds it, and those whose value only does (so scoring across all facts visits only those). */
  private readonly labelPostings = new Map<string, Int32Array>();
  private readonly valuePostings = new Map<string, Int32Array>();
  /** Scratch space for scoring across all facts: running score per fact, and the scoring that last touched it. */
  private readonly scratch: Float64Array;
  private readonly touchedBy: Uint32Array;
  /** Scratch: the facts a scoring reached, in the order it reached them (allocated on first use). */
  private touched?: Int32Array;
  private scorings = 0;
  private readonly facetEntities = new Map<string, string[]>();
  /** Per facet, the facts that show it, ascending. */
  private readonly facetFacts = new Map<string, Int32Array>();

  constructor(private readonly kb: KnowledgeBase) {
    const idOf = (s: string): number => {
      let id = this.stemIds.get(s);
      if (id === undefined) {
        id = this.stemIds.size;
        this.stemIds.set(s, id);
      }
      return id;
    };
    // Labels repeat (every row of an SLA table has the same two), so theirs go through the memo.
    const attrStems = kb.facts.map((f) => knowledgeStems(`${f.attribute} ${f.group ?? ''}`));
    const valueStems = kb.facts.map((f) => contentStems(f.value));
    for (const list of [attrStems, valueStems]) for (const stems of list) for (const st of stems) idOf(st);
    const known = (st: string): number | undefined => this.stemIds.get(st);
    this.attribute = TermRuns.build(known, attrStems, kb.facts.length);
    this.value = TermRuns.build(known, valueStems, kb.facts.length);
    const df = new Map<string, number>();
    const label = new Map<string, number[]>();
    const valueOnly = new Map<string, number[]>();
    kb.facts.forEach((_, i) => {
      const attr = new Set(attrStems[i]);
      for (const st of new Set([...attrStems[i], ...valueStems[i]])) {
        df.set(st, (df.get(st) ?? 0) + 1);
        appendTo(attr.has(st) ? label : valueOnly, st, i);
      }
    });
    for (const [st, list] of label) this.labelPostings.set(st, Int32Array.from(list));
    for (const [st, list] of valueOnly) this.valuePostings.set(st, Int32Array.from(list));
    this.scratch = new Float64Array(kb.facts.length);
    this.touchedBy = new Uint32Array(kb.facts.length);
    const n = Math.max(1, kb.facts.length);
    for (const [st, d] of df) this.idf.set(st, Math.log(1 + n / d));
    for (const [id, f] of Object.entries(kb.facets)) {
      this.facetAttr.set(
        id,
        f.attributes.map((a) => contentStems(a)).filter((p) => p.length > 0),
      );
      // Read like the facts' values (compounds whole, abbreviations expanded), so `auto-scaling` matches "Auto-scaling".
      this.facetValue.set(id, new Set(f.values.flatMap((a) => contentStems(a))));
    }
    this.facetIds = Object.keys(kb.facets);
    this.facetWords = Math.max(1, Math.ceil(this.facetIds.length / 32));
    this.factFacets = new Uint32Array(kb.facts.length * this.facetWords);
    const facetFacts = new Map<string, number[]>();
    kb.facts.forEach((f, i) => {
      this.facetIds.forEach((id, k) => {
        if (!this.computeShows(attrStems[i], valueStems[i], id)) return;
        this.factFacets[i * this.facetWords + (k >> 5)] |= 1 << (k & 31);
        appendTo(facetFacts, id, i);
        const list = this.facetEntities.get(id) ?? [];
        if (!list.includes(f.entity)) list.push(f.entity);
        this.facetEntities.set(id, list);
      });
    });
    for (const [id, list] of facetFacts) this.facetFacts.set(id, Int32Array.from(list));
  }

  /** Entity ids having at least one fact that shows `facet`, in document order. */
  entitiesWith(facet: string): readonly string[] {
    return this.facetEntities.get(facet) ?? [];
  }

  /** True when the fact's value (not its label) contains the stem. */
  inValue(index: number, s: string): boolean {
    const id = this.stemIds.get(s);
    return id !== undefined && this.value.hasId(index, id);
  }

  /** True when the fact's label, group or value contains the stem. */
  mentions(index: number, s: string): boolean {
    const id = this.stemIds.get(s);
    return id !== undefined && (this.attribute.hasId(index, id) || this.value.hasId(index, id));
  }

  /**
   * The facts whose label, group or value holds every one of `stems`, ascending: the rarest stem's
   * facts, each checked for the others (the same facts as testing {@link mentions} on every fact).
   */
  mentioningAll(stems: readonly string[]): number[] {
    if (stems.length === 0) return [];
    const factsOf = (st: string): number[] => {
      const out = [...(this.labelPostings.get(st) ?? []), ...(this.valuePostings.get(st) ?? [])];
      return out.sort((a, b) => a - b);
    };
    const sizeOf = (st: string): number => (this.labelPostings.get(st)?.length ?? 0) + (this.valuePostings.get(st)?.length ?? 0);
    const rarest = [...stems].sort((a, b) => sizeOf(a) - sizeOf(b))[0];
    return factsOf(rarest).filter((i) => stems.every((st) => st === rarest || this.mentions(i, st)));
  }

  /** The next scoring's number (scratch entries marked with an older one are stale; all cleared on wrap-around). */
  private nextScoring(): number {
    this.scorings = this.scorings >= 0xfffffffe ? 1 : this.scorings + 1;
    if (this.scorings === 1) this.touchedBy.fill(0);
    return this.scorings;
  }

  /**
   * `score(undefined, stems, [], keep)` over every fact, summed along the stems' postings (the
   * same scores, to the bit: a stem in the label adds twice its weight, one only in the value adds
   * its weight) instead of visiting each candidate fact's term sets. `stems` are distinct.
   */
  private scoreAll(stems: readonly string[], keep?: (index: number) => boolean): ScoredFact[] {
    const scorings = this.nextScoring();
    const { touchedBy, scratch } = this;
    const touched = (this.touched ??= new Int32Array(this.kb.facts.length));
    let count = 0;
    const add = (list: Int32Array | undefined, amount: number): void => {
      if (!list) return;
      for (let k = 0; k < list.length; k += 1) {
        const i = list[k];
        if (touchedBy[i] !== scorings) {
          touchedBy[i] = scorings;
          scratch[i] = 0;
          touched[count++] = i;
        }
        scratch[i] += amount;
      }
    };
    // Stem by stem, in the question's order, as `score` adds them (so the sums are bit-for-bit equal).
    for (const s of stems) {
      const w = this.weight(s);
      add(this.labelPostings.get(s), 2 * w);
      add(this.valuePostings.get(s), w);
    }
    const out: ScoredFact[] = [];
    for (let k = 0; k < count; k += 1) {
      const i = touched[k];
      if (!(scratch[i] > 0) || (keep && !keep(i))) continue;
      out.push({ index: i, fact: this.kb.facts[i], score: scratch[i], facetHit: false });
    }
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  /**
   * The facts that can score above 0 against `stems` and `facets` (those holding one of the stems,
   * or showing one of the facets), ascending: across all facts, the rest would be visited for nothing.
   */
  private candidates(stems: readonly string[], facets: string[]): number[] {
    this.nextScoring();
    const out: number[] = [];
    const visit = (list: ArrayLike<number> | undefined): void => {
      if (!list) return;
      for (let k = 0; k < list.length; k += 1) {
        const i = list[k];
        if (this.touchedBy[i] !== this.scorings) {
          this.touchedBy[i] = this.scorings;
          out.push(i);
        }
      }
    };
    for (const st of stems) {
      visit(this.labelPostings.get(st));
      visit(this.valuePostings.get(st));
    }
    for (const f of facets) visit(this.facetFacts.get(f));
    return out.sort((a, b) => a - b);
  }

  /** IDF of a stem; unseen stems weigh like the rarest. */
  weight(s: string): number {
    return this.idf.get(s) ?? Math.log(1 + this.kb.facts.length);
  }

  /** True when the fact's label (or, for facets with value words, its value) shows `facet`. */
  showsFacet(index: number, facet: string): boolean {
    const k = this.facetIds.indexOf(facet);
    if (k < 0 || index < 0 || index >= this.kb.facts.length) return false;
    return (this.factFacets[index * this.facetWords + (k >> 5)] & (1 << (k & 31))) !== 0;
  }

  private computeShows(attribute: readonly string[], value: readonly string[], facet: string): boolean {
    const attr = this.facetAttr.get(facet);
    const val = this.facetValue.get(facet);
    return Boolean((attr && attr.some((phrase) => phrase.every((s) => attribute.includes(s)))) || (val && value.some((s) => val.has(s))));
  }

  /**
   * Facts of `entityId` (or of all entities when undefined), scored against `stems` and `facets`,
   * best first; facts scoring 0, and facts `keep` rejects (checked before scoring), are left out.
   */
  score(entityId: string | undefined, stems: readonly string[], facets: string[], keep?: (index: number) => boolean): ScoredFact[] {
    if (entityId === undefined && facets.length === 0) return this.scoreAll(stems, keep);
    const indexes = entityId !== undefined ? (this.kb.factsByEntity.get(entityId) ?? []) : this.candidates(stems, facets);
    const out: ScoredFact[] = [];
    const ids = stems.map((s) => this.stemIds.get(s));
    // Plain loops: a callback per fact would allocate a closure for every fact visited.
    for (const i of indexes) {
      if (keep && !keep(i)) continue;
      let score = 0;
      for (let k = 0; k < stems.length; k += 1) {
        const id = ids[k];
        if (id === undefined) continue;
        if (this.attribute.hasId(i, id)) score += 2 * this.weight(stems[k]);
        else if (this.value.hasId(i, id)) score += this.weight(stems[k]);
      }
      let facetHit = false;
      for (let k = 0; k < facets.length && !facetHit; k += 1) facetHit = this.showsFacet(i, facets[k]);
      if (facetHit) score += 3;
      if (score > 0) out.push({ index: i, fact: this.kb.facts[i], score, facetHit });
    }
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
