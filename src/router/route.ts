/** Routes a question through the ordered intent table; the first intent that answers wins. */
import type { Answer } from '../answer/answer';
import type { RouterContext } from '../read/context';
import { fallback, INTENTS } from './intents';

export interface Routed {
  answer: Answer;
  /** Name of the intent that answered (`fallback` when none did). */
  intent: string;
}

export function route(ctx: RouterContext, question: string): Routed {
  const u = ctx.reader.read(question);
  for (const intent of INTENTS) {
    const answer = intent.match(u, ctx);
    if (answer) return { answer, intent: intent.name };
  }
  return { answer: fallback(u, ctx), intent: 'fallback' };
}
