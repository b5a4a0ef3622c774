/**
 * The text kept in the question log and grouped by the report: the core's normalization
 * (mentions, markup, emoji removed), lower-cased, whitespace collapsed, trailing `?`, `!`, `.`
 * dropped, at most 500 characters. "SLA for EKS?" and "<@U1> sla for eks" are one group.
 */
import { normalizeQuestion } from '../read/normalize';

export const MAX_LOGGED_QUESTION = 500;

/** The last results, by raw text (the same questions come back; bounded: 1,024 texts of at most 256 characters). */
const recent = new Map<string, string>();
const MEMO = 1024;

export function normalizeLoggedQuestion(raw: string): string {
  const known = recent.get(raw);
  if (known !== undefined) return known;
  const text = normalizeQuestion(raw)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?!.]+$/u, '')
    .trim();
  const result = text.length <= MAX_LOGGED_QUESTION ? text : Array.from(text).slice(0, MAX_LOGGED_QUESTION).join('');
  if (raw.length <= 256) {
    if (recent.size >= MEMO) recent.delete(recent.keys().next().value as string);
    recent.set(raw, result);
  }
  return result;
}
