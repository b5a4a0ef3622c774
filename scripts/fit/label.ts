/**
 * Whether an answer passes an evaluation case, by the shared scorer's rules in text format
 * (`test/eval/score.mjs`): `answered` as expected, every `must` and no `must_not` (case-insensitive),
 * and an answered case no longer than its `max` or its category's cap.
 */
import { renderText, type Answer } from '../../src/index';

export interface EvalCase {
  id: string;
  cat: string;
  q: string;
  must?: string[];
  must_not?: string[];
  answered?: boolean;
  max?: number;
  src?: string;
}

/** The scorer's caps per category (plain-text characters). */
export const CAPS: Record<string, number> = {
  sla: 600,
  options: 1000,
  facts: 1000,
  ml: 1000,
  dynamodb: 1500,
  compare: 4000,
  synth: 4000,
  help: 2000,
  noise: 4000,
};

export function passes(c: EvalCase, answer: Answer): boolean {
  const want = c.answered ?? true;
  if (answer.answered !== want) return false;
  const body = renderText(answer);
  if (!(c.must ?? []).every((m) => new RegExp(m, 'i').test(body))) return false;
  if ((c.must_not ?? []).some((m) => new RegExp(m, 'i').test(body))) return false;
  const cap = c.max ?? CAPS[c.cat];
  return !(want && cap && body.length > cap);
}
