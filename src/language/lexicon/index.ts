/**
 * The lexicon: every English word list the engine reads questions and knowledge with, each
 * declared once, in one folder (a test fails on a word list elsewhere in the core, and the
 * builders in `word-list.ts` refuse a word listed twice in one list). Knowledge-base vocabulary
 * (service names, facets, the knowledge base's own synonyms) is not English: it lives in
 * `knowledge/services.yml`.
 */
export * from './abbreviations';
export * from './chat-residue';
export * from './cues';
export * from './function-words';
export * from './stop-words';
export * from './synonyms';
export * from './units';
