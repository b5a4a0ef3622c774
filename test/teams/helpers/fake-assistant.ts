/** A test double for the core's `Assistant.ask`: records questions, answers from the answer factory. */
import type { Answer, Assistant } from '../../../src/index';
import { createAnswer } from '../../helpers/answer-factory';

export interface FakeAssistant extends Pick<Assistant, 'ask'> {
  questions: string[];
}

/** `help` for "help", else an SLA answer whose `question` is the text asked (id stable per question). */
export function fakeAssistant(answerFor?: (question: string) => Answer): FakeAssistant {
  const questions: string[] = [];
  return {
    questions,
    ask(question: string): Answer {
      questions.push(question);
      if (answerFor) return answerFor(question);
      if (question.trim().toLowerCase() === 'help') return createAnswer('help');
      return createAnswer('sla', { question, id: `sla:${question}` });
    },
  };
}
