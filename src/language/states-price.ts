/**
 * Whether a text states an amount of money: a figure written with a currency sign or word
 * (`$5 per TB`, `0.40 USD per hour`), the lexicon's (`lexicon/units.ts`). Reads words and the
 * characters beside a figure, never a regex over user text.
 */
import { CURRENCY_SIGNS, CURRENCY_WORDS } from './lexicon';

const SIGNS: ReadonlySet<string> = new Set(CURRENCY_SIGNS);
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

export function statesPrice(text: string): boolean {
  for (let i = 0; i < text.length; i += 1) {
    // "$5", "$ 5"
    if (SIGNS.has(text[i]) && (isDigit(text[i + 1]) || (text[i + 1] === ' ' && isDigit(text[i + 2])))) return true;
  }
  const words = text.toLowerCase().split(/\s+/);
  // "0.40 USD", "5 dollars"
  return words.some((w, i) => i > 0 && CURRENCY_WORDS.has(w.replace(/[^a-z]/g, '')) && isDigit(words[i - 1].at(-1)));
}
