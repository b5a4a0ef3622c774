/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Slack `mrkdwn` → HTML, the way the Slack client shows it: `*bold*`, `_italic_`, `~strike~`,
 * `` `code` ``, ```` ```pre``` ````, `> quote` lines, line breaks, and the `<…>` tokens
 * (`<https://x|label>` links, `<@U123>` mentions, `<#C123|name>` channels, `<!here>`).
 *
 * Safety: the input's entities (`&amp;`, `&lt;`, `&gt;`, which Slack requires) are decoded and the
 * text is HTML-escaped before any tag is added; links keep only `http(s):`/`mailto:` targets.
 * A user who typed `<img onerror=…>` into a question sees those characters, never an element.
 */
import { escapeAttr, escapeHtml, safeUrl } from './html';

/** Decodes the three entities Slack uses in mrkdwn. */
function decodeSlackEntities(text: string): string {
  return text.replace(/&(amp|lt|gt);/g, (_, name: string) => (name === 'amp' ? '&' : name === 'lt' ? '<' : '>'));
}

/** The HTML for one `<…>` token's inner text. */
function tokenHtml(inner: string): string {
  const [target, label] = splitOnce(inner, '|');
  if (target.startsWith('@')) return `<span class="sk-mention">@${escapeHtml(decodeSlackEntities(label ?? target.slice(1)))}</span>`;
  if (target.startsWith('#')) return `<span class="sk-mention">#${escapeHtml(decodeSlackEntities(label ?? target.slice(1)))}</span>`;
  if (target.startsWith('!')) {
    const name = label ?? `@${target.slice(1).split('^')[0]}`;
    return `<span class="sk-mention">${escapeHtml(decodeSlackEntities(name))}</span>`;
  }
  const url = safeUrl(decodeSlackEntities(target));
  const text = escapeHtml(decodeSlackEntities(label ?? target));
  return url ? `<a href="${escapeAttr(url)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text;
}

function splitOnce(text: string, separator: string): [string, string | undefined] {
  const at = text.indexOf(separator);
  return at < 0 ? [text, undefined] : [text.slice(0, at), text.slice(at + 1)];
}

/** Wraps `marker…marker` spans (not touching letters/digits on the outside) in `tag`. */
function inline(html: string, marker: string, tag: string): string {
  const m = marker === '*' ? '\\*' : marker;
  const pattern = new RegExp(`(^|[^\\p{L}\\p{N}${m}])${m}(?=\\S)([^${m}\\n]*?\\S)${m}(?![\\p{L}\\p{N}${m}])`, 'gu');
  return html.replace(pattern, (_, before: string, body: string) => `${before}<${tag}>${body}</${tag}>`);
}

/** Converts Slack mrkdwn to safe HTML (see the module doc). */
export function mrkdwnToHtml(mrkdwn: string): string {
  const stash: string[] = [];
  // Placeholders are private-use characters, which chat text does not carry.
  const hold = (html: string): string => `\uE000${stash.push(html) - 1}\uE000`;
  let text = mrkdwn.replace(/\uE000/g, '');
  // Code first: nothing inside code is formatted.
  text = text.replace(/```([\s\S]*?)```/g, (_, code: string) =>
    hold(`<pre class="sk-pre">${escapeHtml(decodeSlackEntities(code.replace(/^\n|\n$/g, '')))}</pre>`),
  );
  text = text.replace(/`([^`\n]+)`/g, (_, code: string) => hold(`<code class="sk-code">${escapeHtml(decodeSlackEntities(code))}</code>`));
  text = text.replace(/<([^<>\n]*)>/g, (_, inner: string) => hold(tokenHtml(inner)));
  let html = escapeHtml(decodeSlackEntities(text));
  html = inline(html, '*', 'b');
  html = inline(html, '_', 'i');
  html = inline(html, '~', 's');
  html = html
    .split('\n')
    .map((line) => (line.startsWith('&gt; ') || line === '&gt;' ? `<span class="sk-quote">${line.replace(/^&gt; ?/, '')}</span>` : line))
    .join('<br>');
  return html.replace(/\uE000(\d+)\uE000/g, (_, i: string) => stash[Number(i)] ?? '');
}
