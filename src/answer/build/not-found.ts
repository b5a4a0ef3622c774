/**
 * "Not in the knowledge base": a short, honest reason and questions it can answer instead.
 * Never states a fact or a number.
 */
import type { Answer, Part } from '../answer';
import type { RouterContext } from '../../router/context';
import { finish } from './common';
import { suggestions } from './suggest';

export function notFoundAnswer(ctx: RouterContext, question: string, reason: string, related: string[] = [], extra: Part[] = []): Answer {
  const follow = suggestions(ctx, related);
  return finish({
    kind: 'not-found', question, title: 'Not in the knowledge base', answered: false, confidence: 0.9, sources: [],
    parts: [
      { type: 'text', text: reason },
      ...extra,
      { type: 'bullets', heading: 'I can answer, for example', items: follow.map((f) => f.question) },
    ],
    followUps: follow,
  });
}
