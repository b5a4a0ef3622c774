/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * One turn of the conversation: the question, then the answer twice side by side (Slack on the
 * left, Teams on the right), each with a "JSON" toggle showing the payload to paste into Slack's
 * Block Kit Builder or the Adaptive Cards Designer. An answer that is not in the knowledge base
 * gets a distinct banner with its suggestions as buttons.
 *
 * User and knowledge text is set with `textContent`; the Slack rendering comes from
 * `slackMessageHtml`, which escapes everything it emits.
 */
import type { AskResponse } from './api';
import { slackButtonIntent, teamsSubmitIntent, type ButtonIntent } from './button-intents';
import { slackMessageHtml } from './slack-view';
import { cardOf, renderTeamsMessage } from './teams-view';

/** Which rendering a click came from. */
export type Platform = 'slack' | 'teams';

/** Called for each button click: what it means and where it was (a rendering, or the page's own chips). */
export type IntentHandler = (intent: ButtonIntent, from: Platform | 'page', turn: Turn) => void;

let turnCount = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function clock(): string {
  return new Date().toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/** A panel with a heading, the rendered surface, and a toggle showing `json`. */
function panel(platform: Platform, id: string, title: string, hint: string, json: unknown, surface: HTMLElement): HTMLElement {
  const section = el('section', `rendering rendering-${platform}`);
  section.setAttribute('aria-label', `${title} rendering`);
  const head = el('header', 'rendering-head');
  head.append(el('h3', 'rendering-title', title));
  const toggle = el('button', 'json-toggle', 'Show JSON');
  toggle.type = 'button';
  toggle.setAttribute('aria-expanded', 'false');
  const rawId = `${id}-${platform}-json`;
  toggle.setAttribute('aria-controls', rawId);
  head.append(toggle);
  const raw = el('div', 'raw-json');
  raw.id = rawId;
  raw.hidden = true;
  const text = JSON.stringify(json, null, 2);
  const copy = el('button', 'copy-json', 'Copy');
  copy.type = 'button';
  copy.addEventListener('click', () => {
    void navigator.clipboard?.writeText(text).then(
      () => {
        copy.textContent = 'Copied';
      },
      () => {
        copy.textContent = 'Copy failed';
      },
    );
  });
  const pre = el('pre', 'json');
  pre.append(el('code', undefined, text));
  raw.append(el('p', 'raw-hint', hint), copy, pre);
  toggle.addEventListener('click', () => {
    raw.hidden = !raw.hidden;
    toggle.setAttribute('aria-expanded', String(!raw.hidden));
    toggle.textContent = raw.hidden ? 'Show JSON' : 'Hide JSON';
  });
  section.append(head, surface, raw);
  return section;
}

/** A conversation turn on the page. */
export class Turn {
  readonly element: HTMLLIElement;
  readonly id: string;
  private readonly body: HTMLElement;
  private readonly status: HTMLElement;
  private disableTeamsSubmits: (match: (data: unknown) => boolean) => void = () => undefined;

  constructor(
    readonly question: string,
    via?: string,
  ) {
    turnCount += 1;
    this.id = `turn-${turnCount}`;
    this.element = el('li', 'turn pending');
    this.element.id = this.id;
    const ask = el('div', 'turn-question');
    ask.append(el('span', 'who', 'You'), el('span', 'question-text', question));
    if (via) ask.append(el('span', 'via', via));
    this.body = el('div', 'turn-body', 'Thinking…');
    this.status = el('div', 'turn-status');
    this.status.setAttribute('role', 'status');
    this.element.append(ask, this.body, this.status);
  }

  /** Shows the answer: meta line, not-found banner, Slack and Teams renderings. */
  showAnswer(response: AskResponse, ms: number, onIntent: IntentHandler): void {
    const { answer, intent } = response;
    this.element.classList.remove('pending');
    this.element.classList.toggle('not-found', !answer.answered);
    this.element.dataset.kind = answer.kind;
    this.element.dataset.intent = intent;
    this.body.textContent = '';
    const meta = el('div', 'turn-meta');
    meta.textContent = `intent ${intent} · kind ${answer.kind} · confidence ${answer.confidence.toFixed(2)} · ${Math.round(ms)} ms`;
    this.body.append(meta);
    if (!answer.answered) this.body.append(this.notFoundBanner(response, onIntent));
    const time = clock();
    const slackSurface = el('div', 'surface slack-surface');
    slackSurface.innerHTML = slackMessageHtml(response.slack, { time });
    slackSurface.addEventListener('click', (event) => {
      const button = (event.target as Element).closest('button.sk-btn');
      if (button instanceof HTMLButtonElement)
        onIntent(slackButtonIntent(button.dataset.actionId ?? '', button.dataset.value), 'slack', this);
    });
    const teams = renderTeamsMessage(response.teams, (data) => onIntent(teamsSubmitIntent(data), 'teams', this), time);
    this.disableTeamsSubmits = teams.disableSubmits;
    const teamsSurface = el('div', 'surface teams-surface');
    teamsSurface.append(teams.element);
    if (teams.warnings.length) {
      teamsSurface.append(el('p', 'renderer-warnings', `Adaptive Cards renderer warnings: ${teams.warnings.join('; ')}`));
    }
    const grid = el('div', 'renderings');
    grid.append(
      panel(
        'slack',
        this.id,
        'Slack',
        'Block Kit JSON: paste into Block Kit Builder (app.slack.com/block-kit-builder).',
        { blocks: response.slack.blocks },
        slackSurface,
      ),
      panel(
        'teams',
        this.id,
        'Microsoft Teams',
        'Adaptive Card JSON: paste into the Adaptive Cards Designer (adaptivecards.microsoft.com/designer).',
        cardOf(response.teams) ?? response.teams,
        teamsSurface,
      ),
    );
    this.body.append(grid);
  }

  private notFoundBanner(response: AskResponse, onIntent: IntentHandler): HTMLElement {
    const banner = el('div', 'not-found-banner');
    banner.setAttribute('role', 'note');
    banner.append(el('strong', undefined, 'Not in the knowledge base'), el('span', undefined, ' — the bot says so rather than guess.'));
    const suggestions = response.answer.followUps;
    if (suggestions.length) {
      const row = el('div', 'suggestions');
      row.append(el('span', 'suggestions-label', 'It can answer:'));
      for (const s of suggestions) {
        const chip = el('button', 'chip', s.label || s.question);
        chip.type = 'button';
        chip.addEventListener('click', () => onIntent({ kind: 'ask', question: s.question }, 'page', this));
        row.append(chip);
      }
      banner.append(row);
    }
    return banner;
  }

  /** Shows a failed request. */
  showError(message: string): void {
    this.element.classList.remove('pending');
    this.element.classList.add('error');
    this.body.textContent = '';
    this.body.append(el('p', 'error-text', message));
  }

  /** Sets the status line under the turn (feedback recorded, unsupported button, …). */
  setStatus(message: string): void {
    this.status.textContent = message;
  }

  /** Disables the 👍/👎 buttons of both renderings after a vote (the bots accept one vote per answer too). */
  markVoted(vote: 'up' | 'down'): void {
    for (const button of this.element.querySelectorAll<HTMLButtonElement>('button.sk-btn')) {
      const intent = slackButtonIntent(button.dataset.actionId ?? '', button.dataset.value);
      if (intent.kind !== 'feedback') continue;
      button.disabled = true;
      button.setAttribute('aria-pressed', String(intent.vote === vote));
    }
    this.disableTeamsSubmits((data) => teamsSubmitIntent(data).kind === 'feedback');
  }
}
