/**
 * The one cap on user text entering the core: every question (asked, logged, or carried by a
 * vote) goes through {@link capQuestion} before anything else reads it, so no later step (the
 * engine, the question log's normalization, a regex) ever sees more than
 * {@link MAX_QUESTION_LENGTH} characters or a word longer than `MAX_WORD_LENGTH`
 * (`text/word-length.ts`, the one limit for words). The core applies it itself where user text
 * enters (`Assistant.route`, the question log's `normalizeLoggedQuestion`): adapters need not.
 * Idempotent and linear: capping capped text returns it unchanged.
 */
import { MAX_WORD_LENGTH } from '../text/word-length';

/** Longest question considered, in characters (UTF-16 units); longer input is cut to this length. */
export const MAX_QUESTION_LENGTH = 4000;

const LONG_WORD = new RegExp(`\\S{${MAX_WORD_LENGTH + 1},}`, 'gu');

/** `text` cut to {@link MAX_QUESTION_LENGTH} without splitting a surrogate pair. */
function cutLength(text: string): string {
  if (text.length <= MAX_QUESTION_LENGTH) return text;
  const end = /[\uD800-\uDBFF]/.test(text[MAX_QUESTION_LENGTH - 1]) ? MAX_QUESTION_LENGTH - 1 : MAX_QUESTION_LENGTH;
  return text.slice(0, end);
}

/** Every run of non-whitespace longer than `MAX_WORD_LENGTH` code points cut to its first that many. */
export function capWords(text: string): string {
  if (text.length <= MAX_WORD_LENGTH) return text; // no word can be longer (most questions)
  // MAX_WORD_LENGTH code points are at most twice as many UTF-16 units: only those are split into code points.
  return text.replace(LONG_WORD, (word) =>
    Array.from(word.slice(0, 2 * MAX_WORD_LENGTH))
      .slice(0, MAX_WORD_LENGTH)
      .join(''),
  );
}

/**
 * User text as the core may read it: a string (anything else becomes one; `null`/`undefined` are
 * empty), at most {@link MAX_QUESTION_LENGTH} characters, no word over `MAX_WORD_LENGTH`.
 * The length is cut first, so the word scan never sees more than the cap.
 */
export function capQuestion(text: unknown): string {
  return capWords(cutLength(typeof text === 'string' ? text : String(text ?? '')));
}
