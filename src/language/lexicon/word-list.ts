/**
 * How the lexicon declares its lists: each builder checks that no word (or phrase, or key) is
 * listed twice and throws naming it, so a repeated word fails at load (and in the lexicon's test)
 * instead of drifting unnoticed.
 */

/** Throws when `items` (compared by `key`) holds an item twice; `name` says which list. */
function once<T>(name: string, items: readonly T[], key: (item: T) => string): void {
  const seen = new Set<string>();
  for (const item of items) {
    const k = key(item);
    if (seen.has(k)) throw new Error(`lexicon: "${k}" is listed twice in ${name}`);
    seen.add(k);
  }
}

/** A set of lower-case words written as one space-separated text. */
export function wordSet(name: string, text: string): ReadonlySet<string> {
  const words = text.split(/\s+/).filter(Boolean);
  once(name, words, (w) => w);
  return new Set(words);
}

/** A list of phrases (a phrase: a text, or its words in order). */
export function phraseList<T extends string | readonly string[]>(name: string, phrases: readonly T[]): readonly T[] {
  once(name, phrases, (p) => (typeof p === 'string' ? p : p.join(' ')));
  return phrases;
}

/** A map from words, each key once. */
export function wordMap<V>(name: string, entries: readonly (readonly [string, V])[]): ReadonlyMap<string, V> {
  once(name, entries, ([k]) => k);
  return new Map(entries);
}
