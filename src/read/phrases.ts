/** Phrase matching over a question's words (the phrases are the lexicon's). */

/** Whether `tokens` hold one of `phrases` (each a run of words). */
export function holdsPhrase(tokens: readonly string[], phrases: readonly (readonly string[])[]): boolean {
  return phrases.some((p) => tokens.some((_, i) => p.every((w, k) => tokens[i + k] === w)));
}
