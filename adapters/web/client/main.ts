/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground page: a labelled question box (Enter submits, ↑ recalls the last question), the
 * conversation history, and each answer rendered for Slack and Teams side by side. Follow-up and
 * "Did you mean" buttons in either rendering ask their question; 👍/👎 post the vote to the
 * server's feedback store.
 */
import { askQuestion, sendFeedback } from './api';
import type { ButtonIntent } from './button-intents';
import { Turn, type Platform } from './turn-view';

const PLATFORM_NAMES: Record<Platform | 'page', string> = { slack: 'Slack', teams: 'Teams', page: 'the page' };

function start(): void {
  const form = document.getElementById('ask-form') as HTMLFormElement;
  const input = document.getElementById('question') as HTMLInputElement;
  const submit = document.getElementById('ask-button') as HTMLButtonElement;
  const history = document.getElementById('history') as HTMLOListElement;
  const announcer = document.getElementById('announcer') as HTMLElement;
  const asked: string[] = [];
  let busy = 0;

  const setBusy = (delta: number): void => {
    busy += delta;
    submit.disabled = busy > 0;
    document.body.classList.toggle('busy', busy > 0);
  };

  async function ask(question: string, via?: string): Promise<void> {
    const text = question.trim();
    if (!text) return;
    asked.push(text);
    const turn = new Turn(text, via);
    history.append(turn.element);
    turn.element.scrollIntoView({ block: 'nearest' });
    setBusy(1);
    const started = performance.now();
    try {
      const response = await askQuestion(text);
      turn.showAnswer(response, performance.now() - started, onIntent);
      announcer.textContent = response.answer.answered ? `Answer: ${response.answer.title}` : `Not in the knowledge base: ${text}`;
    } catch (error) {
      turn.showError(`Could not get an answer: ${(error as Error).message}`);
      announcer.textContent = 'Could not get an answer.';
    } finally {
      setBusy(-1);
      turn.element.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  }

  async function vote(intent: Extract<ButtonIntent, { kind: 'feedback' }>, from: Platform, turn: Turn): Promise<void> {
    try {
      await sendFeedback({ answerId: intent.answerId, question: intent.question, vote: intent.vote, from });
      turn.markVoted(intent.vote);
      turn.setStatus(
        `Feedback recorded ${intent.vote === 'up' ? '👍' : '👎'} (from the ${PLATFORM_NAMES[from]} rendering, answer ${intent.answerId}).`,
      );
    } catch (error) {
      turn.setStatus(`Feedback not recorded: ${(error as Error).message}`);
    }
  }

  function onIntent(intent: ButtonIntent, from: Platform | 'page', turn: Turn): void {
    if (intent.kind === 'ask') void ask(intent.question, from === 'page' ? 'suggestion' : `clicked in ${PLATFORM_NAMES[from]}`);
    else if (intent.kind === 'feedback' && from !== 'page') void vote(intent, from, turn);
    else if (intent.kind === 'unsupported') turn.setStatus(`Not available in the playground: ${intent.reason}.`);
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value;
    input.value = '';
    void ask(question);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowUp' && input.value === '' && asked.length) {
      event.preventDefault();
      input.value = asked[asked.length - 1];
    }
  });
  for (const example of document.querySelectorAll<HTMLButtonElement>('button[data-example]')) {
    example.addEventListener('click', () => void ask(example.dataset.example ?? '', 'example'));
  }
  document.body.dataset.ready = 'true';
  input.focus();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
