/**
 * The focus of a long message: the sentences that ask (a question mark, or a first word that asks:
 * `QUESTION_STARTERS`) and a post's title (a short first line of its own), apart from the
 * sentences that tell the asker's situation. In "Our Jenkins pipelines deploy with Terraform. We're looking at
 * EKS. Is there an uptime SLA?" the focus is the last sentence and the rest is context: its words
 * say what the asker uses, not what the knowledge base must hold.
 *
 * Sentences are found by ICU's sentence segmenter (`Intl.Segmenter`), linear in the text.
 */
import { plainWords } from '../text/tokens';
import { QUESTION_STARTERS } from '../language/lexicon';

/** Characters of a message that are split into sentences (the core's cap on a question). */
export const MAX_FOCUS_TEXT = 4000;

/** A first line of at most this many words, a sentence of its own, reads as the post's title: part of the focus. */
export const TITLE_WORDS = 12;

/** Messages of fewer sentences are read whole: a short question has no context to set apart. */
export const MIN_SENTENCES = 3;
export interface Focus {
  /** The sentences that ask, in order. */
  focus: string;
  /** The other sentences. */
  context: string;
}

/** ICU's sentence segmenter, made on first use (most questions never need it; making it costs a start ~15 ms). */
let segmenter: Intl.Segmenter | undefined;

/** The focus and context of `text`, or undefined when it is short, or no sentence or every sentence asks. */
export function focusOf(text: string): Focus | undefined {
  if (sentenceEnds(text) < MIN_SENTENCES - 1) return undefined;
  const sentences = Array.from(
    (segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' })).segment(text.slice(0, MAX_FOCUS_TEXT)),
    (s) => s.segment.trim(),
  ).filter(Boolean);
  if (sentences.length < MIN_SENTENCES) return undefined;
  const asks = sentences.map(asksSomething);
  if (!asks.some(Boolean)) return undefined;
  // A post's title: a first line of its own, short, that states what the post is about.
  const title = text.indexOf('\n') === sentences[0].length && plainWords(sentences[0]).length <= TITLE_WORDS;
  const inFocus = (i: number): boolean => asks[i] || (i === 0 && title);
  const focus = sentences.filter((_, i) => inFocus(i));
  const context = sentences.filter((_, i) => !inFocus(i));
  if (!context.length) return undefined;
  return { focus: focus.join(' '), context: context.join(' ') };
}

/**
 * Where a sentence may end: a sentence terminator (Unicode's `Sentence_Terminal`: . ! ? and their
 * kin) or a line or paragraph separator. ICU ends a sentence only at one of these, so a text with
 * fewer than `MIN_SENTENCES - 1` of them is shorter than `MIN_SENTENCES` sentences and is not
 * segmented at all (most questions).
 */
const SENTENCE_END = /[\p{Sentence_Terminal}\n\r\u0085\u2028\u2029]/gu;

/** How many characters of `text` (up to the cap) may end a sentence. */
export function sentenceEnds(text: string): number {
  return text.slice(0, MAX_FOCUS_TEXT).match(SENTENCE_END)?.length ?? 0;
}

function asksSomething(sentence: string): boolean {
  return sentence.endsWith('?') || QUESTION_STARTERS.has(plainWords(sentence)[0] ?? '');
}
