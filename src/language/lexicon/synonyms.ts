/**
 * Everyday English words read as the word they stand for (`hold`, `save`, `keep` → `store`), like
 * the knowledge base's own synonyms (`services.yml`), which come after these and win on a clash.
 */
import { wordMap } from './word-list';

export const SYNONYMS: ReadonlyMap<string, string> = wordMap('SYNONYMS', [
  ...['hold', 'holds', 'holding', 'save', 'saving', 'put', 'putting', 'keep', 'keeping'].map((w) => [w, 'store'] as const),
]);
