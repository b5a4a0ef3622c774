/**
 * The text kept in the question log and grouped by the report: the core's normalization
 * (mentions, markup, emoji removed), lower-cased, whitespace collapsed, trailing `?`, `!`, `.`
 * dropped, at most 500 characters. "SLA for EKS?" and "<@U1> sla for eks" are one group.
 */
import { normalizeQuestion } from '../read/normalize';
import { BoundedMemo } from '../util/bounded-memo';

export const MAX_LOGGED_QUESTION = 500;

/** Recent results, by raw text (the same questions come back; bounded: 1,024 texts of at most 256 characters). */
const recent = new BoundedMemo<string, string>(1024);

export function normalizeLoggedQuestion(raw: string): string {
  return raw.length <= 256 ? recent.get(raw, normalized) : normalized(raw);
}

function normalized(raw: string): string {
  const text = normalizeQuestion(raw)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/u, '')
    .trim();
  return text.length <= MAX_LOGGED_QUESTION ? text : Array.from(text).slice(0, MAX_LOGGED_QUESTION).join('');
}
