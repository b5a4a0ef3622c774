/**
 * Ranks facts against a question's words: a word found in the fact's attribute (its label)
 * counts twice what it counts in the value, each weighted by its rarity among all facts (IDF);
 * a fact whose label or value shows an asked facet (`limits` ← "15 minutes max") gets a bonus.
 */
import type { Fact, KnowledgeBase } from '../knowledge/knowledge-base';
import { contentStems } from '../text/tokens';
import { appendTo } from '../util/append-to';

export interface ScoredFact {
  index: number;
  fact: Fact;
  score: number;
  /** The fact shows one of the asked facets. */
  facetHit: boolean;
}

interface FactTerms {
  attribute: Set<string>;
  value: Set<string>;
}

export class FactScorer {
  private readonly terms: FactTerms[];
  private readonly idf = new Map<string, number>();
  /** Per facet, its attribute phrases as stem lists: a label shows the facet when it has every stem of one phrase. */
  private readonly facetAttr = new Map<string, string[][]>();
  private readonly facetValue = new Map<string, Set<string>>();
  /** Per fact, the facets it shows; per facet, the entities with such a fact (document order). Computed once. */
  private readonly factFacets: Set<string>[];
  /** Per stem, the facts whose label holds it, and those whose value only does (so scoring across all facts visits only those). */
  private readonly labelPostings = new Map<string, number[]>();
  private readonly valuePostings = new Map<string, number[]>();
  /** Scratch space for scoring across all facts: running score per fact, and the scoring that last touched it. */
  private readonly scratch: Float64Array;
  private readonly touchedBy: Uint32Array;
  private scorings = 0;
  private readonly facetEntities = new Map<string, string[]>();

  constructor(private readonly kb: KnowledgeBase) {
    this.terms = kb.facts.map((f) => ({ attribute: new Set(contentStems(`${f.attribute} ${f.group ?? ''}`)), value: new Set(contentStems(f.value)) }));
    const df = new Map<string, number>();
    this.terms.forEach((t, i) => {
      for (const s of new Set([...t.attribute, ...t.value])) {
        df.set(s, (df.get(s) ?? 0) + 1);
        appendTo(t.attribute.has(s) ? this.labelPostings : this.valuePostings, s, i);
      }
    });
    this.scratch = new Float64Array(kb.facts.length);
    this.touchedBy = new Uint32Array(kb.facts.length);
    const n = Math.max(1, kb.facts.length);
    for (const [s, d] of df) this.idf.set(s, Math.log(1 + n / d));
    for (const [id, f] of Object.entries(kb.facets)) {
      this.facetAttr.set(id, f.attributes.map((a) => contentStems(a)).filter((p) => p.length > 0));
      // Read like the facts' values (compounds whole, abbreviations expanded), so `auto-scaling` matches "Auto-scaling".
      this.facetValue.set(id, new Set(f.values.flatMap((a) => contentStems(a))));
    }
    this.factFacets = this.terms.map((t) => new Set(Object.keys(kb.facets).filter((id) => this.computeShows(t, id))));
    kb.facts.forEach((f, i) => {
      for (const id of this.factFacets[i]) {
        const list = this.facetEntities.get(id) ?? [];
        if (!list.includes(f.entity)) list.push(f.entity);
        this.facetEntities.set(id, list);
      }
    });
  }

  /** Entity ids having at least one fact that shows `facet`, in document order. */
  entitiesWith(facet: string): readonly string[] {
    return this.facetEntities.get(facet) ?? [];
  }

  /** True when the fact's value (not its label) contains the stem. */
  inValue(index: number, s: string): boolean {
    return this.terms[index].value.has(s);
  }

  /** True when the fact's label, group or value contains the stem. */
  mentions(index: number, s: string): boolean {
    const t = this.terms[index];
    return t.attribute.has(s) || t.value.has(s);
  }

  /**
   * `score(undefined, stems, [], keep)` over every fact, summed along the stems' postings (the
   * same scores, to the bit: a stem in the label adds twice its weight, one only in the value adds
   * its weight) instead of visiting each candidate fact's term sets. `stems` are distinct.
   */
  private scoreAll(stems: string[], keep?: (index: number) => boolean): ScoredFact[] {
    this.scorings = this.scorings >= 0xfffffffe ? 1 : this.scorings + 1;
    if (this.scorings === 1) this.touchedBy.fill(0);
    const touched: number[] = [];
    const add = (i: number, amount: number): void => {
      if (this.touchedBy[i] !== this.scorings) { this.touchedBy[i] = this.scorings; this.scratch[i] = 0; touched.push(i); }
      this.scratch[i] += amount;
    };
    // Stem by stem, in the question's order, as `score` adds them (so the sums are bit-for-bit equal).
    for (const s of stems) {
      const w = this.weight(s);
      for (const i of this.labelPostings.get(s) ?? []) add(i, 2 * w);
      for (const i of this.valuePostings.get(s) ?? []) add(i, w);
    }
    const out: ScoredFact[] = [];
    for (const i of touched) {
      if ((keep && !keep(i)) || !(this.scratch[i] > 0)) continue;
      out.push({ index: i, fact: this.kb.facts[i], score: this.scratch[i], facetHit: false });
    }
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }

  /** IDF of a stem; unseen stems weigh like the rarest. */
  weight(s: string): number {
    return this.idf.get(s) ?? Math.log(1 + this.kb.facts.length);
  }

  /** True when the fact's label (or, for facets with value words, its value) shows `facet`. */
  showsFacet(index: number, facet: string): boolean {
    return this.factFacets[index]?.has(facet) ?? false;
  }

  private computeShows(t: FactTerms, facet: string): boolean {
    const attr = this.facetAttr.get(facet);
    const val = this.facetValue.get(facet);
    return Boolean((attr && attr.some((phrase) => phrase.every((s) => t.attribute.has(s)))) || (val && [...t.value].some((s) => val.has(s))));
  }

  /**
   * Facts of `entityId` (or of all entities when undefined), scored against `stems` and `facets`,
   * best first; facts scoring 0, and facts `keep` rejects (checked before scoring), are left out.
   */
  score(entityId: string | undefined, stems: string[], facets: string[], keep?: (index: number) => boolean): ScoredFact[] {
    if (entityId === undefined && facets.length === 0) return this.scoreAll(stems, keep);
    const indexes = entityId !== undefined ? this.kb.factsByEntity.get(entityId) ?? [] : this.kb.facts.map((_, i) => i);
    const out: ScoredFact[] = [];
    for (const i of indexes) {
      if (keep && !keep(i)) continue;
      const t = this.terms[i];
      let score = 0;
      for (const s of stems) {
        if (t.attribute.has(s)) score += 2 * this.weight(s);
        else if (t.value.has(s)) score += this.weight(s);
      }
      const facetHit = facets.some((f) => this.showsFacet(i, f));
      if (facetHit) score += 3;
      if (score > 0) out.push({ index: i, fact: this.kb.facts[i], score, facetHit });
    }
    return out.sort((a, b) => b.score - a.score || a.index - b.index);
  }
}
