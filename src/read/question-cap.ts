/**
 * The one cap on user text entering the core: every question (asked, logged, or carried by a
 * vote) goes through {@link capQuestion} before anything else reads it, so no later step (the
 * engine, the question log's normalization, a regex) ever sees more than
 * {@link MAX_QUESTION_LENGTH} characters or a "word" longer than {@link MAX_QUESTION_WORD}.
 * Idempotent and linear: capping capped text returns it unchanged.
 */

/** Longest question considered, in characters (UTF-16 units); longer input is cut to this length. */
export const MAX_QUESTION_LENGTH = 4000;

/**
 * Longest run of non-space characters kept; longer runs are cut to this. No word, service name or
 * Slack/Teams mention is that long, and the engine's fuzzy search grows much faster than linearly
 * with word length (a single 4,000-letter "word" took ~12 s of CPU).
 */
export const MAX_QUESTION_WORD = 64;

const LONG_WORD = new RegExp(`\\S{${MAX_QUESTION_WORD + 1},}`, 'gu');

/** `text` cut to {@link MAX_QUESTION_LENGTH} without splitting a surrogate pair. */
function cutLength(text: string): string {
  if (text.length <= MAX_QUESTION_LENGTH) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_QUESTION_LENGTH - 1]) ? MAX_QUESTION_LENGTH - 1 : MAX_QUESTION_LENGTH;
  return text.slice(0, end);
}

/** Every run of non-whitespace longer than {@link MAX_QUESTION_WORD} code points cut to that many. */
export function capWords(text: string): string {
  if (text.length <= MAX_QUESTION_WORD) return text; // no word can be longer (most questions)
  // 64 code points are at most 128 UTF-16 units: only those are split into code points.
  return text.replace(LONG_WORD, (word) =>
    Array.from(word.slice(0, 2 * MAX_QUESTION_WORD))
      .slice(0, MAX_QUESTION_WORD)
      .join(''),
  );
}

/**
 * User text as the core may read it: a string (anything else becomes one; `null`/`undefined` are
 * empty), at most {@link MAX_QUESTION_LENGTH} characters, no word over {@link MAX_QUESTION_WORD}.
 * The length is cut first, so the word scan never sees more than the cap.
 */
export function capQuestion(text: unknown): string {
  return capWords(cutLength(typeof text === 'string' ? text : String(text ?? '')));
}
