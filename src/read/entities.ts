/**
 * Finds the services a question names: exact aliases first (the registry's scan), then typos
 * (`beanstlak`, `lamda`, `app runer`) by Jaro-Winkler similarity from `natural`, for words the
 * knowledge base does not itself use. Two different services equally close → ambiguous.
 */
import JaroWinklerDistance = require('natural/lib/natural/distance/jaro-winkler_distance');
import type { Entity, EntityRegistry, Mention } from '../knowledge/entities';
import { nameKey, stripVendor } from '../knowledge/entities';
import { letterCounts, similarityBound } from '../text/similarity-bound';
import { SEPARATORS, STOP_WORDS } from '../language/lexicon';

export interface EntityMatch {
  mentions: Mention[];
  /** A typo close to two services (`ec` → EC2 or ECS?): the candidates, best first. */
  ambiguous?: { text: string; candidates: Entity[] };
}

interface AliasForm {
  text: string;
  entity: Entity;
  /** `letterCounts(text)`, for the cheap upper bound that skips most Jaro-Winkler computations. */
  counts: Uint16Array;
  /** Position among all forms (catalog order): ties between entities go to the earlier one. */
  order: number;
}

/** Similarity needed for a fuzzy match, by the length of the typed word(s). */
function threshold(length: number): number {
  return length <= 5 ? 0.93 : length <= 8 ? 0.91 : 0.9;
}

/** What `rank` returns for a span near no name (shared: callers only read it). */
const NONE_RANKED: readonly { entity: Entity; score: number }[] = Object.freeze([]);

export class EntityFinder {
  /**
   * Alias forms (lower case, no spaces) by first letter and length: a typo rarely changes the
   * first letter (and Jaro-Winkler weighs the prefix), and a form more than 2 letters longer or
   * shorter is never compared. First letter → forms by length (no key string made per lookup).
   */
  private readonly forms = new Map<string, AliasForm[][]>();

  /** `isKnownWord(w)`: true for words the fuzzy matcher must leave alone (the KB's own vocabulary, cue words). */
  constructor(
    private readonly registry: EntityRegistry,
    private readonly isKnownWord: (w: string) => boolean,
  ) {
    const seen = new Set<string>();
    for (const e of registry.all()) {
      for (const a of e.aliases) {
        // A typo is compared with the name as users type it: without AWS/Amazon, unless the bare
        // name is an everyday word (`batch`), which only the full name denotes.
        const bare = stripVendor(a, registry.vendors);
        if (e.vendorRequired && bare === a) continue;
        const text = nameKey(a, registry.vendors) ? (e.vendorRequired ? a : bare).toLowerCase() : '';
        if (text.length < 4 || seen.has(`${e.id}|${text}`)) continue;
        seen.add(`${e.id}|${text}`);
        const form = text.replace(/ /g, '');
        let byLength = this.forms.get(form[0]);
        if (!byLength) this.forms.set(form[0], (byLength = []));
        (byLength[form.length] ??= []).push({ text: form, entity: e, counts: letterCounts(form), order: seen.size });
      }
    }
  }

  /** Whether a single word is exactly one of the registry's names (`app-runner`). */
  isAlias(word: string): boolean {
    return this.registry.scan([word]).length > 0;
  }

  find(tokens: string[]): EntityMatch {
    const mentions = this.registry.scan(tokens);
    const used = new Array<boolean>(tokens.length).fill(false);
    for (const m of mentions) for (let k = m.start; k < m.end; k += 1) used[k] = true;
    let ambiguous: EntityMatch['ambiguous'];
    // Words that cannot start a typo on their own: stop words and words the knowledge base uses.
    const plain = tokens.map((w) => STOP_WORDS.has(w) || this.isKnownWord(w));
    for (let n = 3; n >= 1; n -= 1) {
      for (let i = 0; i + n <= tokens.length; i += 1) {
        let skip = STOP_WORDS.has(tokens[i]) || STOP_WORDS.has(tokens[i + n - 1]);
        // A typo never spans a separator ("app runer vs beanstlak" is two names).
        for (let k = i; k < i + n && !skip; k += 1) skip = SEPARATORS.has(tokens[k]);
        let allPlain = true;
        for (let k = i; k < i + n && !skip; k += 1) {
          if (used[k]) skip = true;
          if (!plain[k]) allPlain = false;
        }
        if (skip || allPlain) continue;
        const text = tokens.slice(i, i + n).join(' ');
        if (text.length - (n - 1) < 4) continue;
        const ranked = this.rank(text);
        if (ranked.length === 0) continue;
        const [best, second] = ranked;
        if (second && second.entity.id !== best.entity.id && best.score - second.score < 0.02) {
          ambiguous ??= { text, candidates: [best.entity, second.entity] };
          for (let k = i; k < i + n; k += 1) used[k] = true;
          continue;
        }
        for (let k = i; k < i + n; k += 1) used[k] = true;
        mentions.push({ entity: best.entity, start: i, end: i + n, exact: false });
      }
    }
    mentions.sort((a, b) => a.start - b.start);
    return { mentions, ambiguous };
  }

  /** Candidate entities for a typed span, best first; compares the forms without spaces (`app runer` ~ `apprunner`). */
  private rank(text: string): readonly { entity: Entity; score: number }[] {
    const typed = text.replace(/ /g, '');
    const needed = threshold(typed.length);
    // Made on first use: most spans of a long message reach no name's bucket, or pass no bound.
    let counts: ReturnType<typeof letterCounts> | undefined;
    let best: Map<string, { entity: Entity; score: number; order: number }> | undefined;
    const byLength = this.forms.get(typed[0]);
    if (!byLength) return NONE_RANKED;
    for (let length = typed.length - 2; length <= typed.length + 2; length += 1) {
      for (const f of byLength[length] ?? []) {
        counts ??= letterCounts(typed);
        if (similarityBound(typed, counts, f.text, f.counts) < needed) continue;
        const score = JaroWinklerDistance(typed, f.text);
        if (score < needed) continue;
        best ??= new Map();
        const prev = best.get(f.entity.id);
        if (!prev) best.set(f.entity.id, { entity: f.entity, score, order: f.order });
        else {
          prev.order = Math.min(prev.order, f.order);
          if (prev.score < score) prev.score = score;
        }
      }
    }
    if (!best) return NONE_RANKED;
    return [...best.values()].sort((a, b) => b.score - a.score || a.order - b.order).map(({ entity, score }) => ({ entity, score }));
  }
}
