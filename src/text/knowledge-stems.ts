/**
 * `contentStems` of knowledge-base text (comparison dimensions and values, notes, facet
 * attributes, fact texts), computed once per distinct text instead of once per question.
 * Only text that comes from the knowledge base goes through here, so the distinct inputs are
 * bounded by its size; the memo is cleared when full all the same. Callers must not mutate the
 * returned array.
 */
import { contentStems } from './tokens';

const MEMO_SIZE = 50_000;
const memo = new Map<string, readonly string[]>();

/** The content stems of a knowledge-base text, memoized. */
export function knowledgeStems(text: string): readonly string[] {
  let stems = memo.get(text);
  if (stems === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    stems = Object.freeze(contentStems(text));
    memo.set(text, stems);
  }
  return stems;
}
