/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The playground page: a labelled question box (Enter submits, ↑ recalls the last question), the
 * conversation history, and each answer rendered for Slack and Teams side by side. Follow-up and
 * "Did you mean" buttons in either rendering ask their question; 👍/👎 post the vote to the
 * server's feedback store. Every question continues one conversation (as replies in a Slack
 * thread do: "SLA for EC2", then "and for Lambda?") until "New conversation" starts another. When
 * the server refused its last knowledge reload, a notice above the history says so and lists why
 * (the answers still come from the last good knowledge).
 */
import { askQuestion, newConversationId, sendFeedback } from './api';
import type { ButtonIntent } from './button-intents';
import { Turn, type Platform } from './turn-view';
import type { AskResponse } from './api';

const PLATFORM_NAMES: Record<Platform | 'page', string> = { slack: 'Slack', teams: 'Teams', page: 'the page' };

/** The page's elements this script drives (ids from `index.html`). */
interface PageElements {
  form: HTMLFormElement;
  input: HTMLInputElement;
  submit: HTMLButtonElement;
  /** Starts a new conversation. */
  restart: HTMLButtonElement;
  history: HTMLOListElement;
  /** A live region: screen readers hear each outcome. */
  announcer: HTMLElement;
}

function pageElements(): PageElements {
  return {
    form: document.getElementById('ask-form') as HTMLFormElement,
    input: document.getElementById('question') as HTMLInputElement,
    submit: document.getElementById('ask-button') as HTMLButtonElement,
    restart: document.getElementById('new-conversation') as HTMLButtonElement,
    history: document.getElementById('history') as HTMLOListElement,
    announcer: document.getElementById('announcer') as HTMLElement,
  };
}

/** The conversation: each question asked becomes a turn in the history, answered for both platforms. */
class Conversation {
  private readonly asked: string[] = [];
  private busy = 0;
  /** The server reads each question in the context of the earlier ones sent with this id. */
  private id = newConversationId();

  constructor(private readonly page: PageElements) {}

  /** Starts a new conversation: the next question stands on its own; a divider marks the break. */
  restart(): void {
    this.id = newConversationId();
    if (!this.page.history.lastElementChild?.classList.contains('turn')) return; // nothing asked since the last break
    const divider = document.createElement('li');
    divider.className = 'conversation-break';
    divider.textContent = 'New conversation';
    this.page.history.append(divider);
    this.page.announcer.textContent = 'New conversation started.';
  }

  /** The last question asked, if any (↑ recalls it). */
  last(): string | undefined {
    return this.asked[this.asked.length - 1];
  }

  /** Asks `question` (ignored when blank) in a new turn; `via` says where it came from (a click, an example). */
  async ask(question: string, via?: string): Promise<void> {
    const text = question.trim();
    if (!text) return;
    this.asked.push(text);
    const turn = new Turn(text, via);
    this.page.history.append(turn.element);
    turn.element.scrollIntoView({ block: 'nearest' });
    this.setBusy(1);
    const started = performance.now();
    try {
      const response = await askQuestion(text, this.id);
      turn.showAnswer(response, performance.now() - started, this.onIntent);
      showKnowledgeStatus(this.page.history, response.knowledge);
      this.page.announcer.textContent = response.answer.answered
        ? `Answer: ${response.answer.title}`
        : `Not in the knowledge base: ${text}`;
    } catch (error) {
      turn.showError(`Could not get an answer: ${(error as Error).message}`);
      this.page.announcer.textContent = 'Could not get an answer.';
    } finally {
      this.setBusy(-1);
      turn.element.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
  }

  /** What a button in a turn does: ask its question, record its vote, or say it is not available here. */
  private readonly onIntent = (intent: ButtonIntent, from: Platform | 'page', turn: Turn): void => {
    if (intent.kind === 'ask') void this.ask(intent.question, from === 'page' ? 'suggestion' : `clicked in ${PLATFORM_NAMES[from]}`);
    else if (intent.kind === 'feedback' && from !== 'page') void this.vote(intent, from, turn);
    else if (intent.kind === 'unsupported') turn.setStatus(`Not available in the playground: ${intent.reason}.`);
  };

  private async vote(intent: Extract<ButtonIntent, { kind: 'feedback' }>, from: Platform, turn: Turn): Promise<void> {
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

  /** The submit button is disabled (and the page marked busy) while any question is pending. */
  private setBusy(delta: number): void {
    this.busy += delta;
    this.page.submit.disabled = this.busy > 0;
    document.body.classList.toggle('busy', this.busy > 0);
  }
}

/** Shows, above `history`, that the last knowledge reload was refused and why; removes the notice once one is taken. */
function showKnowledgeStatus(history: HTMLElement, knowledge: AskResponse['knowledge']): void {
  let notice = document.getElementById('knowledge-status');
  if (!knowledge?.rejected) {
    notice?.remove();
    return;
  }
  if (!notice) {
    notice = document.createElement('section');
    notice.id = 'knowledge-status';
    notice.className = 'knowledge-status';
    notice.setAttribute('role', 'status');
    history.before(notice);
  }
  const heading = document.createElement('p');
  heading.textContent =
    `The last change to the knowledge base was not taken (${new Date(knowledge.rejected.at).toLocaleTimeString()}): ` +
    `answers still come from the last good version (${knowledge.version}). Why:`;
  const problems = document.createElement('ul');
  for (const problem of knowledge.rejected.problems) {
    const item = document.createElement('li');
    item.textContent = problem;
    problems.append(item);
  }
  notice.replaceChildren(heading, problems);
}

/** The question box (Enter submits, ↑ on an empty box recalls the last question) and the example buttons. */
function wireInputs(page: PageElements, conversation: Conversation): void {
  const { form, input } = page;
  page.restart.addEventListener('click', () => {
    conversation.restart();
    input.focus();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const question = input.value;
    input.value = '';
    void conversation.ask(question);
  });
  input.addEventListener('keydown', (event) => {
    const last = conversation.last();
    if (event.key === 'ArrowUp' && input.value === '' && last !== undefined) {
      event.preventDefault();
      input.value = last;
    }
  });
  for (const example of document.querySelectorAll<HTMLButtonElement>('button[data-example]')) {
    example.addEventListener('click', () => void conversation.ask(example.dataset.example ?? '', 'example'));
  }
}

function start(): void {
  const page = pageElements();
  wireInputs(page, new Conversation(page));
  document.body.dataset.ready = 'true';
  page.input.focus();
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
