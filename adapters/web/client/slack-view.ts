/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * A Slack message (`{ text, blocks }` as `renderSlack` returns it) → HTML in Slack's look: the
 * app's avatar and name, then per block: `header` (large bold plain text), `section` (mrkdwn text
 * and a two-column grid of `fields`), `context` (small grey line), `actions` (buttons, `primary` in
 * green), `divider`. Anything else shows as a visible "unsupported block" note, never silently.
 *
 * The result is a string for `innerHTML`: every text is escaped ({@link escapeHtml} for
 * `plain_text`, {@link mrkdwnToHtml} for `mrkdwn`). Buttons are `<button data-action-id
 * data-value>`; the page reads those back with `slackButtonIntent`.
 */
import { escapeAttr, escapeHtml } from './html';
import { mrkdwnToHtml } from './mrkdwn';

/** A block or element as JSON: only `type` is known for sure. */
type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => typeof value === 'object' && value !== null;
const list = (value: unknown): Json[] => (Array.isArray(value) ? value.filter(isRecord) : []);

/** The HTML of a text object: `plain_text` escaped, `mrkdwn` converted. */
function textObjectHtml(value: unknown): string {
  if (!isRecord(value) || typeof value.text !== 'string') return '';
  return value.type === 'mrkdwn' ? mrkdwnToHtml(value.text) : escapeHtml(value.text);
}

function buttonHtml(element: Json): string {
  const style = element.style === 'primary' || element.style === 'danger' ? ` sk-btn-${element.style}` : '';
  const actionId = typeof element.action_id === 'string' ? element.action_id : '';
  const value = typeof element.value === 'string' ? element.value : '';
  return `<button type="button" class="sk-btn${style}" data-action-id="${escapeAttr(actionId)}" data-value="${escapeAttr(value)}">${textObjectHtml(element.text)}</button>`;
}

function elementHtml(element: Json): string {
  if (element.type === 'button') return buttonHtml(element);
  return `<span class="sk-unsupported">[${escapeHtml(String(element.type))} element]</span>`;
}

function contextElementHtml(element: Json): string {
  if (element.type === 'image') return `<span class="sk-context-image" title="${escapeAttr(String(element.alt_text ?? ''))}">🖼</span>`;
  return `<span class="sk-context-text">${textObjectHtml(element)}</span>`;
}

/** The HTML of one block. */
export function blockHtml(block: Json): string {
  const id = typeof block.block_id === 'string' ? ` data-block-id="${escapeAttr(block.block_id)}"` : '';
  switch (block.type) {
    case 'header':
      return `<div class="sk-block sk-header"${id}>${textObjectHtml(block.text)}</div>`;
    case 'section': {
      const text = block.text ? `<div class="sk-text">${textObjectHtml(block.text)}</div>` : '';
      const fields = list(block.fields);
      const grid = fields.length
        ? `<div class="sk-fields">${fields.map((f) => `<div class="sk-field">${textObjectHtml(f)}</div>`).join('')}</div>`
        : '';
      const accessory = isRecord(block.accessory) ? `<div class="sk-accessory">${elementHtml(block.accessory)}</div>` : '';
      return `<div class="sk-block sk-section"${id}><div class="sk-section-main">${text}${grid}</div>${accessory}</div>`;
    }
    case 'context':
      return `<div class="sk-block sk-context"${id}>${list(block.elements).map(contextElementHtml).join('')}</div>`;
    case 'actions':
      return `<div class="sk-block sk-actions"${id}>${list(block.elements).map(elementHtml).join('')}</div>`;
    case 'divider':
      return `<hr class="sk-block sk-divider"${id}>`;
    default:
      return `<div class="sk-block sk-unsupported"${id}>[${escapeHtml(String(block.type))} block: not previewed]</div>`;
  }
}

/** Options of {@link slackMessageHtml}. */
export interface SlackMessageHtmlOptions {
  /** The app's display name. Default `AWS Q&A`. */
  appName?: string;
  /** The time shown next to the name, e.g. `14:05`. */
  time?: string;
}

/** The whole message as HTML: avatar, name, `APP` badge, time, then the blocks (or `text` when there are none). */
export function slackMessageHtml(message: unknown, options: SlackMessageHtmlOptions = {}): string {
  const blocks = isRecord(message) ? list(message.blocks) : [];
  const fallback = isRecord(message) && typeof message.text === 'string' ? message.text : '';
  const body = blocks.length ? blocks.map(blockHtml).join('') : `<div class="sk-block sk-text">${mrkdwnToHtml(fallback)}</div>`;
  const time = options.time ? `<span class="sk-time">${escapeHtml(options.time)}</span>` : '';
  return (
    `<div class="sk-message"><div class="sk-avatar" aria-hidden="true">☁️</div><div class="sk-content">` +
    `<div class="sk-meta"><span class="sk-name">${escapeHtml(options.appName ?? 'AWS Q&A')}</span><span class="sk-app-badge">APP</span>${time}</div>` +
    `${body}</div></div>`
  );
}
