/**
 * User text echoed back to a conversation ("@ana asked: …"): never carries invisible format
 * characters (zero-width, bidi controls, tags: Unicode category Cf), control characters or line
 * breaks, and is cut to a length. Callers then put it where the platform does not parse markup
 * (a Slack `plain_text` element), or escape it where it does (mrkdwn `text`).
 */

const FORMAT = /\p{Cf}/gu;
const CONTROL_OR_BREAK = /[\p{Cc}\u2028\u2029]+/gu;

/** `text` without format characters, with controls and line breaks as single spaces, trimmed, at most `max` characters (ending in `…` when cut). */
export function echoText(text: string, max = 300): string {
  const clean = text
    .replace(FORMAT, '')
    .replace(CONTROL_OR_BREAK, ' ')
    .replace(/\s{2,}/g, ' ')
    .trim();
  const chars = Array.from(clean);
  return chars.length <= max
    ? clean
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}
