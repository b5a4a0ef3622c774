/**
 * Limits that every message the Teams bot sends stays within, as named constants, and the
 * measuring / shortening helpers the renderer uses to respect them.
 *
 * Teams rejects a bot message over its size limit with `413 MessageSizeTooBig`. Microsoft
 * documents the limit as 40 KB of the whole message payload encoded as UTF-16 (newer pages say
 * ~100 KB); we keep to the stricter reading: {@link messageBytes} counts the larger of the UTF-8
 * and UTF-16 sizes of the JSON, and a rendered activity stays under {@link TEAMS_LIMITS.cardBytes},
 * which leaves room for the envelope botbuilder adds (`from`, `recipient`, `conversation`,
 * `replyToId`, `serviceUrl`) below {@link TEAMS_LIMITS.messageBytes}.
 *
 * References: https://learn.microsoft.com/microsoftteams/platform/bots/how-to/format-your-bot-messages
 * and https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-reference
 */
export const TEAMS_LIMITS = {
  /** Whole outgoing message, as sent on the wire (UTF-16 bytes, per Microsoft's docs). */
  messageBytes: 40 * 1024,
  /** What the renderer may use for the activity it returns (the rest is for botbuilder's envelope). */
  cardBytes: 36 * 1024,
  /** Buttons in one `ActionSet` (Teams lays a set's buttons out in a row and limits how many it shows; 5 stays readable on mobile). */
  actionsPerSet: 5,
  /** Visible characters of a button title (the full question travels in its `data`). */
  buttonTitle: 60,
  /** Characters of the question carried in a feedback button's `data` (questions may be 4,000). */
  submitQuestion: 1000,
  /** Characters of the activity `summary` (the notification / chat-list preview). */
  summary: 200,
  /** Characters of the card `fallbackText` (shown by clients that cannot render the card). */
  fallbackText: 2000,
} as const;

/** The larger of the UTF-8 and UTF-16 byte sizes of `value` serialized as JSON. */
export function messageBytes(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  return Math.max(Buffer.byteLength(json, 'utf8'), json.length * 2);
}

const ELLIPSIS = '…';

/**
 * `text` when it has at most `max` characters, else its longest prefix ending at a word boundary
 * (mid-word when the first word alone is too long) plus `…`, within `max` characters. Never cuts
 * a surrogate pair in half.
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= ELLIPSIS.length) return ELLIPSIS.slice(0, max);
  const budget = max - ELLIPSIS.length;
  const space = text.lastIndexOf(' ', budget);
  let end = space >= budget / 2 ? space : budget;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}
