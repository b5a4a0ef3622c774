/**
 * Slack's Block Kit limits, as named constants, and the splitting helpers that keep rendered
 * messages inside them. Lengths are JavaScript string lengths (UTF-16 code units), which is never
 * less than Slack's own character count, so staying under them here stays under them in Slack.
 *
 * Reference: https://docs.slack.dev/reference/block-kit/blocks (per-block limits) and
 * https://docs.slack.dev/reference/methods/chat.postMessage (message `text`).
 */
export const SLACK_LIMITS = {
  /** Blocks in one message. */
  blocksPerMessage: 50,
  /** `text` of a section block. */
  sectionText: 3000,
  /** `plain_text` of a header block. */
  headerText: 150,
  /** `fields` in one section block. */
  fieldsPerSection: 10,
  /** Text of one section field. */
  fieldText: 2000,
  /** `plain_text` of a button. */
  buttonText: 75,
  /** `value` of a button. */
  buttonValue: 2000,
  /** `action_id` of an interactive element. */
  actionId: 255,
  /** `block_id` of a block. */
  blockId: 255,
  /** Elements in a context block. */
  contextElements: 10,
  /** Text of one context element (a text object). */
  contextText: 3000,
  /** Elements in an actions block. */
  actionsElements: 25,
  /** Slack's recommended maximum for a message's top-level `text` (it truncates at 40,000). */
  messageText: 4000,
} as const;

const ELLIPSIS = '…';

/**
 * The largest cut position `<= max` in `text` that does not fall inside an HTML entity such as
 * `&amp;` (escaped mrkdwn must never be split mid-entity). Returns `max` when no entity is cut.
 */
function safeHardCut(text: string, max: number): number {
  const amp = text.lastIndexOf('&', max - 1);
  if (amp >= 0 && amp > max - 8) {
    const semi = text.indexOf(';', amp);
    if (semi >= max && semi - amp < 8 && amp > 0) return amp;
  }
  return max;
}

/**
 * Splits `text` into chunks of at most `max` characters, cutting at a line break when one falls
 * in the second half of the window, else at the last space, else (one word longer than `max`)
 * inside the word, never inside an `&…;` entity. The delimiter at a cut is dropped; every other
 * character is kept, so joining the chunks with the delimiters gives back the text's words in
 * order. Returns `[]` for an empty text.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 8) throw new RangeError(`splitText: max ${max} is too small`);
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    const newline = window.lastIndexOf('\n');
    const space = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\t'));
    let cut: number;
    let skip = 1;
    if (newline >= max / 2) cut = newline;
    else if (space > 0) cut = space;
    else if (newline > 0) cut = newline;
    else {
      cut = safeHardCut(rest, max);
      skip = 0;
    }
    const chunk = rest.slice(0, cut).trimEnd();
    if (chunk) chunks.push(chunk);
    rest = rest.slice(cut + skip).replace(/^[ \t]+/, '');
  }
  if (rest.trim()) chunks.push(rest);
  return chunks;
}

/**
 * `text` if it fits in `max` characters, else its longest prefix that ends at a word boundary
 * (or mid-word when the first word alone is too long) followed by `…`, within `max`.
 * For labels whose full text is carried elsewhere (a button's value, a section below a header).
 */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const budget = max - ELLIPSIS.length;
  const cut = text.lastIndexOf(' ', budget);
  const end = cut >= budget / 2 ? cut : safeHardCut(text, budget);
  return text.slice(0, end).trimEnd() + ELLIPSIS;
}

/** Splits `items` into consecutive groups of at most `size` (the last one may be shorter). */
export function chunkArray<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = [];
  for (let i = 0; i < items.length; i += size) groups.push(items.slice(i, i + size));
  return groups;
}
