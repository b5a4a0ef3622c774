/**
 * The longest word the core reads, in characters: the one limit for over-long words. User text is
 * cut to it before anything reads it (`capQuestion`: every run of non-space characters longer than
 * this keeps its first {@link MAX_WORD_LENGTH} code points, in linear time), so a question's words
 * never exceed it; the tokenizer (`tokens.ts`) and the passage query (`search/query.ts`) skip any
 * longer word in text that was not capped (the knowledge files: pasted hashes, rulers of dashes).
 *
 * No English word, service name, ARN segment or Slack/Teams mention is that long, and the engine's
 * fuzzy search grows much faster than linearly with word length (a single 4,000-letter "word" took
 * ~12 s of CPU before the cap).
 */
export const MAX_WORD_LENGTH = 64;
