/**
 * A cheap upper bound of Jaro-Winkler similarity (as `natural` computes it), from letter counts
 * alone, so fuzzy matchers can skip most candidates without computing the similarity itself.
 */

/** Characters counted by their code modulo 64 (a collision only loosens the bound below, never breaks it). */
export function letterCounts(text: string): Uint16Array {
  const counts = new Uint16Array(64);
  for (let i = 0; i < text.length; i += 1) counts[text.charCodeAt(i) & 63] += 1;
  return counts;
}

/**
 * An upper bound of `JaroWinklerDistance(a, b)` from letter counts alone: the Jaro matches m are
 * at most the shared letters c, so Jaro ≤ (c/|a| + c/|b| + 1) / 3, and Winkler's prefix bonus
 * (at most 4 × 0.1 of the rest) gives JW ≤ 0.6 · Jaro + 0.4.
 */
export function similarityBound(a: string, ac: Uint16Array, b: string, bc: Uint16Array): number {
  let shared = 0;
  for (let i = 0; i < 64; i += 1) shared += ac[i] < bc[i] ? ac[i] : bc[i];
  const jaro = (shared / a.length + shared / b.length + 1) / 3;
  return 0.6 * jaro + 0.4;
}
