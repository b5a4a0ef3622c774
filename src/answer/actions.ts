/**
 * Which buttons an answer offers, the same on every platform: the questions to ask next (a
 * clarification's choices first) and whether it can be rated 👍/👎. Help and "Did you mean"
 * are not answers to rate; every other kind, "not in the knowledge base" included, is. The one
 * switch over the kinds that every renderer (plain text, Slack, Teams) relies on for these.
 */
import { assertNever, type Answer, type Suggestion } from './answer';

export interface AnswerActions {
  /** Every question offered as a button: a clarification's choices, then the follow-ups. */
  suggestions: Suggestion[];
  /** The "Did you mean" choices alone (a clarification's; empty for every other kind). */
  choices: Suggestion[];
  /** Whether 👍/👎 apply. */
  rateable: boolean;
}

/** The "Did you mean" choices alone (a clarification's; empty for every other kind): what a text shows without reading the follow-ups. */
export function answerChoices(answer: Answer): Suggestion[] {
  return answer.kind === 'clarify' ? answer.choices : [];
}

export function answerActions(answer: Answer): AnswerActions {
  switch (answer.kind) {
    case 'help':
      return { suggestions: answer.followUps, choices: [], rateable: false };
    case 'clarify':
      return { suggestions: [...answer.choices, ...answer.followUps], choices: answerChoices(answer), rateable: false };
    case 'sla':
    case 'compare':
    case 'facet':
    case 'recommend':
    case 'lookup':
    case 'not-found':
      return { suggestions: answer.followUps, choices: [], rateable: true };
    default:
      return assertNever(answer);
  }
}
