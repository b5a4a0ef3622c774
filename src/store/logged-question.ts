/**
 * The text kept in the question log and grouped by the report: the core's normalization
 * (mentions, markup, emoji removed), lower-cased, whitespace collapsed, trailing `?`, `!`, `.`
 * dropped, at most 500 characters. "SLA for EKS?" and "<@U1> sla for eks" are one group.
 */
import { normalizeQuestion } from '../router/normalize';

export const MAX_LOGGED_QUESTION = 500;

export function normalizeLoggedQuestion(raw: string): string {
  const text = normalizeQuestion(raw).toLowerCase().replace(/\s+/g, ' ').replace(/[\s?!.]+$/u, '').trim();
  return Array.from(text).slice(0, MAX_LOGGED_QUESTION).join('');
}
