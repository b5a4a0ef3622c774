/**
 * Turns a question as it arrives from a platform into plain text: strips Slack mentions
 * (`<@U123>`, `<!channel>`), Slack links (`<https://x|label>` → `label`), Teams mentions
 * (`<at>AWS Bot</at>`) and other tags, decodes HTML entities (`&amp;`), drops emoji
 * (`:thumbsup:` shortcodes and pictographs) and collapses white space.
 *
 * This runs on chat-message text, not on markdown: the knowledge files go through the markdown
 * parser instead.
 */
// Every pattern here is linear in the text's length: a tag pattern stops at the next `<` (never
// scanning on to the end from each of many unclosed `<@`), so a hostile message cannot burn CPU.
// The decoder only: the package root also loads the encoder's tables (several ms at every CLI start).
import { decodeHTML } from 'entities/lib/decode.js';

export function normalizeQuestion(raw: string): string {
  // Invisible format characters (zero-width spaces and joiners, bidi controls, soft hyphens) go first:
  // they split words ("S\u200bLA") and could reorder echoed text.
  let text = raw
    .replace(/\p{Cf}/gu, '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[@#!][^<>]*>/g, ' ')
    .replace(/<((?:https?|mailto):[^|<>]*)\|([^<>]*)>/g, '$2')
    .replace(/<((?:https?|mailto):[^<>]*)>/g, '$1')
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    // Web addresses are where the asker read something, not what they ask.
    .replace(/\b(?:https?|ftp):\/\/\S*/gi, ' ')
    // A line that ends without punctuation (a post's title, a list line) ends a sentence all the same.
    .replace(/([^\s.!?:;,])[ \t]*\r?\n/g, '$1.\n');
  text = decodeHTML(text)
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/<[@#!][^<>]*>/g, ' ')
    .replace(/:[a-z0-9_+-]+:/g, ' ')
    .replace(/[\p{Extended_Pictographic}\u{FE0F}\u{200D}]/gu, ' ')
    .replace(/(?!\n)\p{Cc}/gu, ' ')
    // A sentence run into the next without a space ("earlier.Lambda"), not a dotted name ("node.js").
    // Lookarounds of fixed length: `(\p{Ll}{2,})\.` retried from every letter of a long run was quadratic.
    .replace(/(?<=\p{Ll}{2})\.(?=\p{Lu}\p{Ll})/gu, '. ')
    // White space collapsed; a line break stays one (it ends a post's title: `focus.ts`).
    .replace(/[^\S\n]+/g, ' ')
    .replace(/ ?\n[\s]*/g, '\n')
    .trim();
  return text;
}
