/**
 * The bound a question puts on a figure it states: "below 99.95%" (`<`), "above 99.9%" or "more
 * than" (`>`), "at least 99.9%" or "99.9% or more" (`>=`), "at most" or "or less" (`<=`), and
 * none (`=`): the figure itself ("what does the 99.5% figure apply to"). Words from the lexicon
 * (`language/lexicon/cues.ts`); figures compare as numbers, never as text (99.9 is not 99.95).
 */
import { INCLUSIVE_BOUND as INCLUSIVE, OVER_WORDS, UNDER_WORDS } from '../language/lexicon';

export type FigureBound = '<' | '<=' | '=' | '>=' | '>';

/** How many words before the figure may carry its bound ("an SLA **below** 99.95", "**higher** than 99.9"). */
const REACH = 3;

/** The bound on the figure at `tokens[at]`, read from the words just before it and an "or more"/"or less" just after. */
export function figureBound(tokens: readonly string[], at: number): FigureBound {
  const [next, after] = [tokens[at + 1], tokens[at + 2]];
  if (next === INCLUSIVE.or && after !== undefined) {
    if (OVER_WORDS.has(after)) return '>=';
    if (UNDER_WORDS.has(after)) return '<=';
  }
  for (let i = at - 1; i >= Math.max(0, at - REACH); i -= 1) {
    const w = tokens[i];
    if (tokens[i - 1] === INCLUSIVE.at && w === INCLUSIVE.least) return '>=';
    if (tokens[i - 1] === INCLUSIVE.at && w === INCLUSIVE.most) return '<=';
    if (OVER_WORDS.has(w)) return '>';
    if (UNDER_WORDS.has(w)) return '<';
  }
  return '=';
}

/** Whether `value` satisfies `bound` against `figure`. */
export function withinBound(value: number, bound: FigureBound, figure: number): boolean {
  switch (bound) {
    case '<':
      return value < figure;
    case '<=':
      return value <= figure;
    case '=':
      return value === figure;
    case '>=':
      return value >= figure;
    case '>':
      return value > figure;
  }
}
