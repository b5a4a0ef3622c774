import { ANSWER_KINDS, answerActions } from '../../src/index';
import { createAnswer } from '../helpers/answer-factory';

describe('answerActions', () => {
  it.each(ANSWER_KINDS.map((k) => [k]))('decides the buttons of a %s answer', (kind) => {
    const answer = createAnswer(kind);
    const { suggestions, rateable } = answerActions(answer);
    expect(rateable).toBe(kind !== 'help' && kind !== 'clarify');
    const expected = answer.kind === 'clarify' ? [...answer.choices, ...answer.followUps] : answer.followUps;
    expect(suggestions).toEqual(expected);
  });
});
