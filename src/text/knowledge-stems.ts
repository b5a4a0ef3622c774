/**
 * `contentStems` of knowledge-base text (comparison dimensions and values, notes, facet
 * attributes, fact texts), computed once per distinct text instead of once per question.
 * Only text that comes from the knowledge base goes through here, so the distinct inputs are
 * bounded by its size; the memo is cleared when full all the same. Callers must not mutate the
 * returned array.
 */
import { BoundedMemo } from '../util/bounded-memo';
import { contentStems } from './tokens';

const memo = new BoundedMemo<string, readonly string[]>(50_000);
const frozenStems = (text: string): readonly string[] => Object.freeze(contentStems(text));

/** The content stems of a knowledge-base text, memoized. */
export function knowledgeStems(text: string): readonly string[] {
  return memo.get(text, frozenStems);
}
