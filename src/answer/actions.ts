/**
 * Which buttons an answer offers, the same on every platform: the questions to ask next (a
 * clarification's choices first) and whether it can be rated 👍/👎. Help and "Did you mean"
 * are not answers to rate; every other kind, "not in the knowledge base" included, is.
 */
import { assertNever, type Answer, type Suggestion } from './answer';

export interface AnswerActions {
  suggestions: Suggestion[];
  rateable: boolean;
}

export function answerActions(answer: Answer): AnswerActions {
  switch (answer.kind) {
    case 'help':
      return { suggestions: answer.followUps, rateable: false };
    case 'clarify':
      return { suggestions: [...answer.choices, ...answer.followUps], rateable: false };
    case 'sla':
    case 'compare':
    case 'facet':
    case 'recommend':
    case 'lookup':
    case 'not-found':
      return { suggestions: answer.followUps, rateable: true };
    default:
      return assertNever(answer);
  }
}
