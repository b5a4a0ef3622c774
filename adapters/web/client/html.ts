/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * HTML escaping for the playground's string-built markup. Every piece of text that reaches
 * `innerHTML` goes through {@link escapeHtml} (element content) or {@link escapeAttr} (attribute
 * values) first; tags are only ever added around already-escaped text.
 */

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes `&`, `<`, `>`, `"` and `'`: safe as element content and as a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c] ?? c);
}

/** Same as {@link escapeHtml}; named for attribute values (always double-quoted by callers). */
export const escapeAttr = escapeHtml;

/** `url` when it is an absolute `http(s):` or `mailto:` URL, else `undefined` (no `javascript:` links). */
export function safeUrl(url: string): string | undefined {
  return /^(https?:\/\/|mailto:)[^\s"'<>]+$/i.test(url.trim()) ? url.trim() : undefined;
}
