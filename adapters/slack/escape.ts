/**
 * Escaping for Slack `mrkdwn` and message `text`: Slack parses `<…>` as links, user mentions
 * (`<@U123>`) and special mentions (`<!channel>`, `<!here>`), and `&` starts an entity. Any text
 * that comes from a user or from the knowledge base goes through {@link escapeMrkdwn} before it is
 * placed in a mrkdwn text object or a message's `text`, so a user typing `<!channel>` never pings.
 *
 * `plain_text` objects (header, button labels) are not parsed for mentions and are NOT escaped.
 */

const NEEDS_ESCAPE = /[&<>]/;

/** Replaces `&`, `<`, `>` with `&amp;`, `&lt;`, `&gt;` (the three characters Slack requires escaped). */
export function escapeMrkdwn(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** True when `id` looks like a Slack user id (`U…`/`W…`), safe to wrap as a `<@id>` mention. */
export function isSlackUserId(id: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(id);
}

/** A user mention `<@U123>` built by us, or `someone` when `id` is not a plain Slack user id. */
export function mentionUser(id: string): string {
  return isSlackUserId(id) ? `<@${id}>` : 'someone';
}
