/**
 * The text kept in the question log and grouped by the report: the core's normalization
 * (mentions, markup, emoji removed), lower-cased, whitespace collapsed, trailing `?`, `!`, `.`
 * dropped, at most 500 characters. "SLA for EKS?" and "<@U1> sla for eks" are one group.
 */
import { normalizeQuestion } from '../read/normalize';
import { capQuestion } from '../read/question-cap';
import { BoundedMemo } from '../util/bounded-memo';

export const MAX_LOGGED_QUESTION = 500;

/** Recent results, by raw text (the same questions come back; bounded: 1,024 texts of at most 256 characters). */
const recent = new BoundedMemo<string, string>(1024);

/**
 * `text` without trailing white space, `?`, `!` and `.`: a loop from the end, not `/[\s?!.]+$/`,
 * which is retried from every position of a long run of those characters (quadratic).
 */
function dropTrailingPunctuation(text: string): string {
  let end = text.length;
  while (end > 0 && /[\s?!.]/.test(text[end - 1])) end -= 1;
  return text.slice(0, end).trim();
}

/** The logged form of `raw` (capped first with the core's `capQuestion`, like every user text). */
export function normalizeLoggedQuestion(raw: string): string {
  return raw.length <= 256 ? recent.get(raw, normalized) : normalized(raw);
}

function normalized(raw: string): string {
  const text = dropTrailingPunctuation(normalizeQuestion(capQuestion(raw)).toLowerCase().replace(/\s+/g, ' '));
  return text.length <= MAX_LOGGED_QUESTION ? text : Array.from(text).slice(0, MAX_LOGGED_QUESTION).join('');
}
