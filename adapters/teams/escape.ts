/**
 * Escaping for the markdown subset that Teams renders in Adaptive Card `TextBlock` and `FactSet`
 * text (bold, italic, lists, links). Every string that comes from the user or the knowledge base
 * goes through {@link escapeMarkdown} before it lands in a `TextBlock`/`FactSet`, so a user who
 * types `[click](https://evil.example)` or `**boss**` sees exactly those characters, not a link or
 * bold text. Mentions cannot be injected either: a Teams card mention needs an `msteams.entities`
 * entry, which the renderer never adds.
 *
 * Button titles, `summary` and `fallbackText` are plain text and are NOT escaped; `speak` is SSML
 * and goes through {@link escapeSsml}.
 */

/**
 * Backslash-escapes the characters that start markdown syntax Teams renders: `\`, `` ` ``, `*`,
 * `[` and `]`, and `_` where it could open or close emphasis (an underscore between two letters
 * or digits, as in `user_id`, cannot, and is left alone so identifiers stay searchable).
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*[\]]/g, (c) => `\\${c}`)
    .replace(/_/g, (c, offset: number, whole: string) =>
      /[\p{L}\p{N}]/u.test(whole.charAt(offset - 1)) && /[\p{L}\p{N}]/u.test(whole.charAt(offset + 1)) ? c : `\\${c}`,
    );
}

const SSML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Escapes `&`, `<`, `>`, `"` and `'` for SSML (the card's `speak`). */
export function escapeSsml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => SSML_ENTITIES[c] ?? c);
}
