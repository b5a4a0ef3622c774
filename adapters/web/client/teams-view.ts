/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Renders the Teams answer (`renderTeams`'s message activity) with Microsoft's `adaptivecards`
 * renderer and a Teams-like HostConfig, inside a Teams-style chat message (bot avatar, name, card).
 *
 * Markdown in TextBlocks (bold, italic, lists, links, backslash escapes: the subset Teams shows)
 * goes through markdown-it with raw HTML disabled, so knowledge-base or user text can never
 * become markup; links get `rel="noopener noreferrer"` and only safe schemes (markdown-it drops
 * `javascript:` and friends).
 */
import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { escapeHtml } from './html';
import { TEAMS_HOST_CONFIG } from './teams-host-config';

/** Content type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const markdown = new MarkdownIt({ html: false, linkify: false, breaks: true, typographer: false });
const defaultLinkOpen = markdown.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
markdown.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('target', '_blank');
  tokens[idx].attrSet('rel', 'noopener noreferrer');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

let configured = false;

/**
 * Installs the markdown processor once (a static hook of the library), and registers `Table`:
 * the package declares `sideEffects: false`, so a bundler drops `table.js` and with it the
 * module-level registration, and Table cards (comparisons) would fail with "Unknown element type".
 */
function configure(): void {
  if (configured) return;
  AC.GlobalRegistry.defaultElements.register('Table', AC.Table, AC.Versions.v1_5);
  AC.GlobalRegistry.reset();
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown.render(text).trim();
    result.didProcess = true;
  };
  configured = true;
}

const hostConfig = new AC.HostConfig(TEAMS_HOST_CONFIG);

/** The card JSON of a Teams message activity: its first Adaptive Card attachment's `content`. */
export function cardOf(activity: unknown): Record<string, unknown> | undefined {
  const attachments = (activity as { attachments?: unknown } | null)?.attachments;
  if (!Array.isArray(attachments)) return undefined;
  const card = attachments.find((a: { contentType?: unknown }) => a?.contentType === ADAPTIVE_CARD_CONTENT_TYPE) as
    { content?: unknown } | undefined;
  return typeof card?.content === 'object' && card.content !== null ? (card.content as Record<string, unknown>) : undefined;
}

export interface TeamsRendering {
  /** The chat message element holding the rendered card. */
  element: HTMLElement;
  /** What the renderer reported while parsing the card (unknown properties, bad values); empty when clean. */
  warnings: string[];
  /** Disables the rendered `Action.Submit` buttons whose `data` matches (e.g. 👍/👎 after a vote). */
  disableSubmits(match: (data: unknown) => boolean): void;
}

/** Renders the activity's card; `onSubmit` gets each clicked `Action.Submit`'s `data`. */
export function renderTeamsMessage(activity: unknown, onSubmit: (data: unknown) => void, time?: string): TeamsRendering {
  configure();
  const message = document.createElement('div');
  message.className = 'tm-message';
  message.innerHTML =
    `<div class="tm-avatar" aria-hidden="true">☁️</div><div class="tm-content"><div class="tm-meta">` +
    `<span class="tm-name">AWS Q&amp;A</span>${time ? `<span class="tm-time">${escapeHtml(time)}</span>` : ''}</div></div>`;
  const content = message.querySelector('.tm-content') as HTMLElement;
  const json = cardOf(activity);
  if (!json) {
    content.insertAdjacentHTML('beforeend', '<div class="tm-card tm-error">No Adaptive Card attachment in this activity.</div>');
    return { element: message, warnings: ['no Adaptive Card attachment'], disableSubmits: () => undefined };
  }
  const card = new AC.AdaptiveCard();
  card.hostConfig = hostConfig;
  card.onExecuteAction = (action) => {
    if (action instanceof AC.SubmitAction) onSubmit(action.data);
  };
  const context = new AC.SerializationContext();
  card.parse(json, context);
  const warnings: string[] = [];
  for (let i = 0; i < context.eventCount; i += 1) warnings.push(context.getEventAt(i).message);
  const rendered = card.render();
  const frame = document.createElement('div');
  frame.className = json.msteams && (json.msteams as { width?: unknown }).width === 'Full' ? 'tm-card tm-card-full' : 'tm-card';
  if (rendered) frame.appendChild(rendered);
  else warnings.push('the renderer returned nothing for this card');
  content.appendChild(frame);
  const disableSubmits = (match: (data: unknown) => boolean): void => {
    for (const action of card.getAllActions()) {
      const button = action.renderedElement;
      if (action instanceof AC.SubmitAction && match(action.data) && button instanceof HTMLButtonElement) {
        button.disabled = true;
        button.setAttribute('aria-disabled', 'true');
      }
    }
  };
  return { element: message, warnings, disableSubmits };
}
