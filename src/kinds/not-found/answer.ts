/**
 * "Not in the knowledge base": a short, honest reason and questions it can answer instead.
 * Never states a fact or a number.
 */
import type { Answer, Part, Suggestion } from '../../answer/answer';
import type { RouterContext } from '../../read/context';
import { finish } from '../../answer/common';
import { suggestions, slaSuggestions } from '../../answer/suggest';

/** For a question about an SLA the knowledge base lacks: SLA questions it can answer. */
export function slaNotFound(ctx: RouterContext, question: string, reason: string): Answer {
  return notFoundAnswer(ctx, question, reason, [], [], slaSuggestions(ctx));
}

/**
 * `related`: entity ids the suggestions should be about first; `preferred`: suggestions to lead
 * with (e.g. SLA questions the knowledge base can answer, for a missing SLA).
 */
export function notFoundAnswer(
  ctx: RouterContext,
  question: string,
  reason: string,
  related: string[] = [],
  extra: Part[] = [],
  preferred: Suggestion[] = [],
): Answer {
  const seen = new Set(preferred.map((p) => p.question.toLowerCase()));
  const follow = [...preferred, ...suggestions(ctx, related).filter((s) => !seen.has(s.question.toLowerCase()))].slice(0, 3);
  return finish({
    kind: 'not-found',
    question,
    title: 'Not in the knowledge base',
    answered: false,
    confidence: 0.9,
    sources: [],
    parts: [
      { type: 'text', text: reason },
      ...extra,
      { type: 'bullets', heading: 'I can answer, for example', items: follow.map((f) => f.question) },
    ],
    followUps: follow,
  });
}
