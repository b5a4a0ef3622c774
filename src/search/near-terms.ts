/**
 * Typo neighbours: the knowledge base's terms one edit away from a word (one insertion,
 * deletion, substitution or transposition of adjacent letters). Looked up through a
 * deletion-neighbourhood table (every term under each of its one-letter deletions), so a lookup
 * costs a few map reads whatever the size of the vocabulary, where Lunr's own `editDistance`
 * walks its whole term trie per query.
 */
import { appendTo } from '../util/append-to';

/** Within one edit: insertion, deletion, substitution, or a transposition of adjacent letters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i += 1;
  if (la === lb) {
    const rest = (k: number): boolean => a.slice(k) === b.slice(k);
    return rest(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2));
  }
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i += 1) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

export class NearTerms {
  private table?: Map<string, string[]>;

  /** `terms`: the vocabulary to find neighbours in (the table is built by {@link warm} or on the first lookup). */
  constructor(private readonly terms: Iterable<string>) {}

  /** Builds the table now. */
  warm(): this {
    this.table ??= this.build();
    return this;
  }

  /** The vocabulary's terms within one edit of `word`, other than `word` itself, sorted (the order Lunr's fuzzy expansion gave). */
  near(word: string): string[] {
    const table = (this.table ??= this.build());
    const found = new Set<string>();
    for (const key of [word, ...deletions(word)]) {
      for (const t of table.get(key) ?? []) if (t !== word && withinOneEdit(t, word)) found.add(t);
    }
    return [...found].sort();
  }

  private build(): Map<string, string[]> {
    const table = new Map<string, string[]>();
    // A term whose deletions coincide (`aab` → `ab` twice) is listed once under that key.
    for (const t of this.terms) for (const key of [t, ...deletions(t)]) if (table.get(key)?.at(-1) !== t) appendTo(table, key, t);
    return table;
  }
}
